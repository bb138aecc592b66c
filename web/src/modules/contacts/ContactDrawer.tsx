import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Drawer, Flex, Form, Input, Select, Spin } from 'antd';
import { api, call } from '../../app/api/client';
import { ApiError } from '../../app/api/api-error';
import type { Contact } from '../../app/api/schemas';
import { useReportError } from '../../app/api/report-error';
import { useSignedIn } from '../../app/auth/auth-context';
import { useT } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { ListInput } from '../accounts/form/ListInput';
import { CustomFieldsFormSection } from '../custom-fields/CustomFieldsFormSection';
import { useCustomFields } from '../custom-fields/use-custom-fields';
import { UserPicker } from '../org/users/UserPicker';
import { createBody, toFormValues, updateBody, type ContactFormValues } from './contact-form-values';

interface Props {
  /** undefined creates a contact */
  contact?: Contact;
  /** creating from an account page: the new contact is linked to it, with a role */
  account?: { id: string; name: string };
  onSaved: (contact: Contact) => void;
  onClose: () => void;
}


/** Create or edit a contact; when created from an account, their role there and whether they are its primary contact. */
export function ContactDrawer({ contact, account, onSaved, onClose }: Props) {
  const t = useT();
  const { access } = useSignedIn();
  const isMobile = useIsMobile();
  const report = useReportError();
  const [form] = Form.useForm<ContactFormValues>();
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const { data: defs } = useCustomFields('contact');
  const initial = useMemo(() => (defs ? toFormValues(defs, contact) : undefined), [defs, contact]);
  const ownerEditable = contact ? contact.permissions.assign : access.scope('contact') !== 'own';
  // A field the reader's role hides is absent from the record and left out of the form.
  const shown = (field: 'phones' | 'emails' | 'wechat' | 'birthday') => !contact || contact[field] !== undefined;

  const submit = async (v: ContactFormValues) => {
    if (!defs || !initial) return;
    setSaving(true);
    try {
      onSaved(
        contact
          ? await call(api.PATCH('/api/v1/contacts/{id}', { params: { path: { id: contact.id } }, body: updateBody(defs, contact, initial, v) }))
          : await call(api.POST('/api/v1/contacts', { body: createBody(defs, v, account?.id) })),
      );
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') setConflict(true);
      else report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      title={contact ? t('contact.edit.title', { name: contact.name }) : account ? t('contact.createAt.title', { name: account.name }) : t('contact.create.title')}
      size={isMobile ? '100%' : 480}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex vertical gap={8}>
          {conflict && <Alert type="warning" showIcon title={t('contact.conflict')} />}
          <Flex justify="flex-end" gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} disabled={conflict} onClick={() => form.submit()}>
              {t('common.save')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      {!defs || !initial ? (
        <Spin />
      ) : (
        <Form name="contact" form={form} layout="vertical" initialValues={initial} onFinish={submit}>
          <Form.Item name="name" label={t('contact.name')} rules={[{ required: true, whitespace: true, message: t('contact.name.required') }]}>
            <Input maxLength={100} />
          </Form.Item>
          {account && (
            <>
              <Form.Item name="role" label={t('contact.role')} extra={t('contact.role.hint')}>
                <Input maxLength={60} />
              </Form.Item>
              <Form.Item name="isPrimary" valuePropName="checked">
                <Checkbox>{t('contact.isPrimary.set')}</Checkbox>
              </Form.Item>
            </>
          )}
          <Form.Item name="title" label={t('contact.title')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="department" label={t('contact.department')}>
            <Input maxLength={100} />
          </Form.Item>
          {shown('phones') && (
            <Form.Item name="phones" label={t('contact.phones')} extra={t('form.listHint')}>
              <ListInput />
            </Form.Item>
          )}
          {shown('emails') && (
            <Form.Item name="emails" label={t('contact.emails')} extra={t('form.listHint')}>
              <ListInput />
            </Form.Item>
          )}
          {shown('wechat') && (
            <Form.Item name="wechat" label={t('contact.wechat')}>
              <Input maxLength={60} />
            </Form.Item>
          )}
          {shown('birthday') && (
            <Form.Item name="birthday" label={t('contact.birthday')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Form.Item name="gender" label={t('contact.gender')}>
            <Select
              allowClear
              options={[
                { value: 'male', label: t('contact.gender.male') },
                { value: 'female', label: t('contact.gender.female') },
              ]}
            />
          </Form.Item>
          <Form.Item name="notes" label={t('contact.notes')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          {ownerEditable && (
            <Form.Item name="ownerId" label={t('contact.owner')}>
              <UserPicker />
            </Form.Item>
          )}
          <CustomFieldsFormSection defs={defs} />
        </Form>
      )}
    </Drawer>
  );
}
