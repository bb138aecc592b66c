import { useState } from 'react';
import { Checkbox, Form, Input, Modal } from 'antd';
import { api, call } from '../../../app/api/client';
import { useReportError } from '../../../app/api/report-error';
import { useT } from '../../../app/i18n/i18n-context';
import { ContactPicker } from './ContactPicker';

interface Values {
  contactId: string;
  role: string;
  isPrimary: boolean;
}

/**
 * Links a contact to an account, or changes their role there (`link` set: the contact is fixed).
 * A contact may work with several accounts, each with its own role.
 */
export function LinkContactModal({ accountId, link, onDone, onCancel }: {
  accountId: string;
  link?: { contactId: string; name: string; role: string | null; isPrimary: boolean };
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      await call(
        api.POST('/api/v1/accounts/{id}/contacts', {
          params: { path: { id: accountId } },
          body: { contactId: link?.contactId ?? v.contactId, role: v.role.trim() || null, isPrimary: v.isPrimary },
        }),
      );
      onDone();
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={link ? t('contact.link.editTitle', { name: link.name }) : t('contact.link.title')}
      okText={t('common.save')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form
        name="contact-link"
        form={form}
        layout="vertical"
        initialValues={{ contactId: undefined, role: link?.role ?? '', isPrimary: link?.isPrimary ?? false }}
        onFinish={submit}
      >
        {!link && (
          <Form.Item name="contactId" label={t('contact.link.contact')} rules={[{ required: true, message: t('contact.link.required') }]}>
            <ContactPicker />
          </Form.Item>
        )}
        <Form.Item name="role" label={t('contact.role')} extra={t('contact.role.hint')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="isPrimary" valuePropName="checked">
          <Checkbox>{t('contact.isPrimary.set')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
