import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Descriptions, Form, Input, Popconfirm, Row, Select, Typography } from 'antd';
import { api, call } from '../../app/api/client';
import { useReportError } from '../../app/api/report-error';
import { useAuth, useSignedIn } from '../../app/auth/auth-context';
import { useT } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';
import { PasswordForm } from './PasswordForm';

interface ProfileValues {
  name: string;
  email: string;
  phone: string;
  /** '' follows the browser */
  locale: '' | 'zh-CN' | 'en-US';
}

export default function ProfilePage() {
  const t = useT();
  const { me } = useSignedIn();
  const { setMe, forget } = useAuth();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<ProfileValues>();
  const [saving, setSaving] = useState(false);

  // The header's language switch saves the language too; keep this form in step with it.
  useEffect(() => form.setFieldsValue({ locale: me.user.locale ?? '' }), [form, me.user.locale]);

  const save = async (v: ProfileValues) => {
    setSaving(true);
    try {
      const next = await call(
        api.PATCH('/api/v1/auth/me', {
          body: { name: v.name.trim(), email: v.email.trim() || null, phone: v.phone.trim() || null, locale: v.locale || null },
        }),
      );
      setMe(next);
      void message.success(t('common.saved'));
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  const signOutEverywhere = async () => {
    try {
      const { sessionsEnded } = await call(api.POST('/api/v1/auth/logout-all'));
      void message.success(t('profile.sessions.ended', { n: sessionsEnded }));
      forget();
    } catch (err) {
      report(err);
    }
  };

  return (
    <>
      <PageHeader title={t('profile.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('profile.details')}>
            <Descriptions
              column={1}
              size="small"
              style={{ marginBottom: 16 }}
              items={[
                { key: 'login', label: t('user.login'), children: me.user.login },
                { key: 'unit', label: t('user.unit'), children: me.user.unitName ?? '—' },
                { key: 'tenant', label: t('profile.company'), children: `${me.tenant.name} (${me.tenant.slug})` },
              ]}
            />
            <Form
              name="profile"
              form={form}
              layout="vertical"
              onFinish={save}
              initialValues={{ name: me.user.name, email: me.user.email ?? '', phone: me.user.phone ?? '', locale: me.user.locale ?? '' }}
            >
              <Form.Item name="name" label={t('user.name')} rules={[{ required: true, whitespace: true, message: t('user.name.required') }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="email" label={t('user.email')} rules={[{ type: 'email', message: t('user.email.invalid') }]}>
                <Input maxLength={200} autoComplete="email" />
              </Form.Item>
              <Form.Item name="phone" label={t('user.phone')}>
                <Input maxLength={40} autoComplete="tel" />
              </Form.Item>
              <Form.Item name="locale" label={t('user.locale')}>
                <Select
                  options={[
                    { value: '', label: t('locale.browser') },
                    { value: 'zh-CN', label: '中文' },
                    { value: 'en-US', label: 'English' },
                  ]}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving}>
                {t('common.save')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('profile.password')} style={{ marginBottom: 16 }}>
            <PasswordForm onChanged={() => void message.success(t('profile.password.changed'))} />
          </Card>
          <Card title={t('profile.sessions')}>
            <Typography.Paragraph type="secondary">{t('profile.sessions.text')}</Typography.Paragraph>
            <Popconfirm title={t('profile.sessions.confirm')} onConfirm={signOutEverywhere} okButtonProps={{ danger: true }}>
              <Button danger>{t('profile.sessions.signOutAll')}</Button>
            </Popconfirm>
          </Card>
        </Col>
      </Row>
    </>
  );
}
