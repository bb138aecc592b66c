import { useState } from 'react';
import { Button, Form, Input } from 'antd';
import { api, call } from '../../app/api/client';
import { useReportError } from '../../app/api/report-error';
import { useAuth } from '../../app/auth/auth-context';
import { useT } from '../../app/i18n/i18n-context';
import { confirmPasswordRules, newPasswordRules } from './password-rules';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change your own password; the server signs out your other sessions. */
export function PasswordForm({ oneTime = false, onChanged }: { oneTime?: boolean; onChanged: () => void | Promise<void> }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const report = useReportError();
  const { me } = useAuth();

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await call(api.POST('/api/v1/auth/password', { body: { currentPassword: values.currentPassword, newPassword: values.newPassword } }));
      form.resetFields();
      await onChanged();
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form name="password" form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ currentPassword: '', newPassword: '', confirm: '' }}>
      {/* Lets password managers file the new password under the right login. */}
      <input type="text" name="username" autoComplete="username" value={me?.user.login ?? ''} readOnly hidden />
      <Form.Item
        name="currentPassword"
        label={t(oneTime ? 'password.oneTime' : 'password.current')}
        rules={[{ required: true, message: t('password.current.required') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('password.new')} rules={newPasswordRules(t)} extra={t('password.new.hint')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="confirm" label={t('password.confirm')} dependencies={['newPassword']} rules={confirmPasswordRules(t)}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} block={oneTime}>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
