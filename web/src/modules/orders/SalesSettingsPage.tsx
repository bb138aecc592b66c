import { useState } from 'react';
import { App, Button, Card, Form, InputNumber, Spin } from 'antd';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import { useSignedIn } from '../../app/auth/auth-context';
import { useI18n } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';

interface Values {
  quoteDiscountLimitPct: number;
  largeOrderAmount: number;
}

/** The tenant's quote discount approval limit and the amount from which an order counts as large on the management home. */
export default function SalesSettingsPage() {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const { message } = App.useApp();
  const report = useReportError();
  const settings = useApi(() => call(api.GET('/api/v1/sales-settings')), []);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const canEdit = access.has('sales_settings.manage');
  const s = settings.data;
  if (!s) return <Spin spinning={settings.loading}><div style={{ minHeight: 200 }} /></Spin>;

  const save = async (v: Values) => {
    setSaving(true);
    try {
      await call(api.PATCH('/api/v1/sales-settings', {
        body: { version: s.version, quoteDiscountLimitPct: v.quoteDiscountLimitPct.toFixed(2), largeOrderAmount: v.largeOrderAmount.toFixed(2) },
      }));
      void message.success(t('common.saved'));
      settings.reload();
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title={t('salesSettings.title')} />
      <Card style={{ maxWidth: 560 }}>
        <Form
          key={s.version}
          form={form}
          layout="vertical"
          disabled={!canEdit}
          onFinish={save}
          initialValues={{ quoteDiscountLimitPct: Number(s.quoteDiscountLimitPct), largeOrderAmount: Number(s.largeOrderAmount) }}
        >
          <Form.Item name="quoteDiscountLimitPct" label={t('salesSettings.discountLimit')} extra={t('salesSettings.discountLimitHint')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="largeOrderAmount" label={t('salesSettings.largeOrder')} extra={t('salesSettings.largeOrderHint')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} style={{ width: 200 }} />
          </Form.Item>
          {canEdit && <Button type="primary" htmlType="submit" loading={saving} data-testid="sales-settings-save">{t('common.save')}</Button>}
        </Form>
      </Card>
    </>
  );
}
