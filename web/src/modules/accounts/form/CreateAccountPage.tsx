import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Card, Flex, Form, Spin } from 'antd';
import { api, call } from '../../../app/api/client';
import { useReportError } from '../../../app/api/report-error';
import { useSignedIn } from '../../../app/auth/auth-context';
import { useT } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../app/responsive';
import { PageHeader } from '../../../app/shell/PageHeader';
import { useCustomFields } from '../../custom-fields/use-custom-fields';
import { confirmDespiteDuplicates } from '../../dedup/confirm-duplicates';
import { DuplicatePanel } from '../../dedup/DuplicatePanel';
import { useFormDuplicateCheck } from '../../dedup/use-form-duplicate-check';
import { useAccountTypes } from '../use-account-types';
import { createBody, toFormValues, type AccountFormValues } from './account-form-values';
import { AccountFormFields } from './AccountFormFields';

/** A new account: the static fields and the company's custom fields; the server checks the credit code and names any problem under its field. */
export default function CreateAccountPage() {
  const t = useT();
  const { access, me } = useSignedIn();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<AccountFormValues>();
  const [saving, setSaving] = useState(false);
  const { data: types = [] } = useAccountTypes();
  const { data: defs } = useCustomFields('account');
  const initial = useMemo(() => (defs ? toFormValues(defs) : undefined), [defs]);
  const duplicates = useFormDuplicateCheck(form);

  const submit = async (v: AccountFormValues) => {
    if (!defs) return;
    const mayOverride = access.can('account', 'assign');
    if (!(await confirmDespiteDuplicates(modal, t, duplicates.candidates, { mayOverride, myName: me.user.name }))) return;
    setSaving(true);
    try {
      const created = await call(api.POST('/api/v1/accounts', { body: createBody(defs, v) }));
      void message.success(t('account.created', { name: created.name }));
      navigate(`/accounts/${created.id}`);
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title={t('account.create.title')} />
      <Card style={{ maxWidth: 960 }}>
        {!defs || !initial ? (
          <Spin />
        ) : (
          <Form name="account" form={form} layout="vertical" initialValues={initial} onFinish={submit} scrollToFirstError>
            <DuplicatePanel {...duplicates} />
            {/* A rep may only own their own accounts; whoever sees more may file one for someone else. */}
            <AccountFormFields types={types} defs={defs} ownerEditable={access.scope('account') !== 'own'} wide={!isMobile} />
            <Flex gap={8} justify="flex-end">
              <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={saving}>
                {t('account.create')}
              </Button>
            </Flex>
          </Form>
        )}
      </Card>
    </>
  );
}
