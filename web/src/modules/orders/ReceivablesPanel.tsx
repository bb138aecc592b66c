import { useState } from 'react';
import { App, Button, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import { formatDate, formatMoney } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import type { OrderReceivables } from './orders-api';

/** An order's instalments and payments; recording a payment allocates it oldest first. */
export function ReceivablesPanel({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const { data, reload } = useApi(() => call(api.GET('/api/v1/orders/{id}/receivables', { params: { path: { id: orderId } } })), [orderId]);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ amount: number; receivedOn: Dayjs; method?: string; reference?: string }>();
  if (!data) return null;
  const r: OrderReceivables = data;
  const save = async (v: { amount: number; receivedOn: Dayjs; method?: string; reference?: string }) => {
    try {
      await call(api.POST('/api/v1/orders/{id}/payments', { params: { path: { id: orderId } }, body: { amount: v.amount.toFixed(2), receivedOn: v.receivedOn.format('YYYY-MM-DD'), method: v.method, reference: v.reference } }));
      void message.success(t('receivables.recorded'));
      setOpen(false);
      reload();
    } catch (err) {
      report(err);
    }
  };
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} style={{ marginBottom: 12 }}
        items={[
          { label: t('order.total'), children: `${r.currency} ${formatMoney(r.total)}` },
          { label: t('receivables.received'), children: <span data-testid="received">{formatMoney(r.received)}</span> },
          { label: t('receivables.outstanding'), children: <span data-testid="outstanding">{formatMoney(r.outstanding)}</span> },
          { label: t('receivables.overdue'), children: <Typography.Text type={r.overdue !== '0.00' ? 'danger' : undefined}>{formatMoney(r.overdue)}</Typography.Text> },
        ]} />
      {r.permissions.recordPayment && r.outstanding !== '0.00' && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => { form.setFieldsValue({ amount: Number(r.outstanding), receivedOn: dayjs() }); setOpen(true); }} data-testid="record-payment">
          {t('receivables.recordPayment')}
        </Button>
      )}
      <Typography.Title level={5}>{t('receivables.plan')}</Typography.Title>
      <Table size="small" rowKey="id" pagination={false} dataSource={r.instalments}
        columns={[
          { title: '#', dataIndex: 'seq' },
          { title: t('receivables.dueOn'), render: (_, i) => formatDate(i.dueOn) },
          { title: t('receivables.amount'), align: 'right', render: (_, i) => formatMoney(i.amount) },
          { title: t('receivables.paid'), align: 'right', render: (_, i) => formatMoney(i.paid) },
          { title: t('receivables.outstanding'), align: 'right', render: (_, i) => (i.overdue ? <Tag color="red">{formatMoney(i.outstanding)}</Tag> : formatMoney(i.outstanding)) },
        ]} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('receivables.payments')}</Typography.Title>
      <Table size="small" rowKey="id" pagination={false} dataSource={r.payments}
        columns={[
          { title: t('receivables.receivedOn'), render: (_, p) => formatDate(p.receivedOn) },
          { title: t('receivables.amount'), align: 'right', render: (_, p) => formatMoney(p.amount) },
          { title: t('receivables.method'), dataIndex: 'method' },
          { title: t('receivables.reference'), dataIndex: 'reference' },
          { title: t('order.owner'), dataIndex: 'createdByName' },
        ]} />
      <Modal open={open} title={t('receivables.recordPayment')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('common.save')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="amount" label={t('receivables.amount')} rules={[{ required: true }]}><InputNumber min={0.01} precision={2} style={{ width: 200 }} /></Form.Item>
          <Form.Item name="receivedOn" label={t('receivables.receivedOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="method" label={t('receivables.method')}><Input /></Form.Item>
          <Form.Item name="reference" label={t('receivables.reference')}><Input /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
