import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError } from '../../app/api/api-error';
import { describeError, useReportError } from '../../app/api/report-error';
import { useAuth, type SignInInput } from '../../app/auth/auth-context';
import { useT } from '../../app/i18n/i18n-context';
import { Brand } from '../../app/shell/Brand';
import { LocaleSwitch } from '../../app/shell/LocaleSwitch';

// Remembered on this device: people who need a company code need it every time.
const COMPANY_KEY = 'kehu.company';

export default function LoginPage() {
  const t = useT();
  const { me, signIn } = useAuth();
  const location = useLocation();
  const report = useReportError();
  const [form] = Form.useForm<SignInInput>();
  const [failure, setFailure] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const savedCompany = localStorage.getItem(COMPANY_KEY) ?? '';
  const [askCompany, setAskCompany] = useState(savedCompany !== '');

  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (me) return <Navigate to={from === '/login' ? '/' : from} replace />;

  const submit = async (values: SignInInput) => {
    setSubmitting(true);
    setFailure(undefined);
    const tenant = values.tenant?.trim() || undefined;
    try {
      await signIn({ login: values.login.trim(), password: values.password, tenant });
      if (tenant) localStorage.setItem(COMPANY_KEY, tenant);
      else localStorage.removeItem(COMPANY_KEY);
    } catch (err) {
      if (err instanceof ApiError && !err.issues.length) setFailure(describeError(t, err));
      else report(err, form);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: 16 }}>
      <Flex justify="flex-end" style={{ width: '100%' }}>
        <LocaleSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 380, marginTop: '8vh' }}>
        <Flex vertical align="center" style={{ marginBottom: 16 }}>
          <Brand />
          <Typography.Text type="secondary">{t('login.tagline')}</Typography.Text>
        </Flex>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
        <Form name="signIn" form={form} layout="vertical" requiredMark={false} onFinish={submit} initialValues={{ login: '', password: '', tenant: savedCompany }}>
          <Form.Item name="login" label={t('login.login')} rules={[{ required: true, whitespace: true, message: t('login.login.required') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="off" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.password.required') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {askCompany ? (
            <Form.Item name="tenant" label={t('login.company')} extra={t('login.company.hint')}>
              <Input autoCapitalize="off" />
            </Form.Item>
          ) : (
            <Button type="link" size="small" style={{ padding: 0, marginBottom: 16 }} onClick={() => setAskCompany(true)}>
              {t('login.company.ask')}
            </Button>
          )}
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
