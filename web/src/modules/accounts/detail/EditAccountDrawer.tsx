import { useMemo, useState } from 'react';
import { Alert, App, Button, Drawer, Flex, Form } from 'antd';
import { api, call } from '../../../app/api/client';
import { ApiError } from '../../../app/api/api-error';
import type { Account, AccountType, CustomField } from '../../../app/api/schemas';
import { useReportError } from '../../../app/api/report-error';
import { useT } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../app/responsive';
import { confirmDespiteDuplicates } from '../../dedup/confirm-duplicates';
import { DuplicatePanel } from '../../dedup/DuplicatePanel';
import { useFormDuplicateCheck } from '../../dedup/use-form-duplicate-check';
import { toFormValues, updateBody, type AccountFormValues } from '../form/account-form-values';
import { AccountFormFields } from '../form/AccountFormFields';

interface Props {
  account: Account;
  types: AccountType[];
  defs: CustomField[];
  onSaved: (account: Account) => void;
  /** reads the account again (after someone else changed it) */
  onReload: () => Promise<Account>;
  onClose: () => void;
}

/**
 * Edits an account with the version it was read at. If someone saved in between, the server refuses
 * (409): the drawer says so and offers the current version instead of overwriting their change.
 */
export function EditAccountDrawer({ account, types, defs, onSaved, onReload, onClose }: Props) {
  const t = useT();
  const isMobile = useIsMobile();
  const report = useReportError();
  const [form] = Form.useForm<AccountFormValues>();
  const [base, setBase] = useState(account);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const initial = useMemo(() => toFormValues(defs, base), [defs, base]);
  const { modal } = App.useApp();
  const duplicates = useFormDuplicateCheck(form, { excludeId: account.id, initial });

  const submit = async (v: AccountFormValues) => {
    if (!(await confirmDespiteDuplicates(modal, t, duplicates.candidates))) return;
    setSaving(true);
    try {
      onSaved(await call(api.PATCH('/api/v1/accounts/{id}', { params: { path: { id: base.id } }, body: updateBody(defs, base, initial, v) })));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') setConflict(true);
      else report(err, form);
    } finally {
      setSaving(false);
    }
  };

  const loadCurrent = async () => {
    try {
      const fresh = await onReload();
      setBase(fresh);
      form.setFieldsValue(toFormValues(defs, fresh));
      setConflict(false);
    } catch (err) {
      report(err);
    }
  };

  return (
    <Drawer
      open
      title={t('account.edit.title', { name: account.name })}
      size={isMobile ? '100%' : 560}
      onClose={onClose}
      destroyOnHidden
      // In the footer, the refusal shows beside the save button wherever the form is scrolled to.
      footer={
        <Flex vertical gap={8}>
          {conflict && (
            <Alert
              type="warning"
              showIcon
              data-testid="version-conflict"
              title={t('account.conflict.title')}
              description={t('account.conflict.text')}
              action={<Button size="small" onClick={loadCurrent}>{t('account.conflict.reload')}</Button>}
            />
          )}
          <Flex justify="flex-end" gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} disabled={conflict} onClick={() => form.submit()}>
              {t('common.save')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Form name="account-edit" form={form} layout="vertical" initialValues={initial} onFinish={submit} scrollToFirstError>
        <DuplicatePanel {...duplicates} />
        <AccountFormFields
          types={types}
          defs={defs}
          ownerEditable={account.permissions.assign}
          hidden={{ phones: account.phones === undefined, emails: account.emails === undefined, creditLimit: account.creditLimit === undefined }}
          wide={false}
        />
      </Form>
    </Drawer>
  );
}
