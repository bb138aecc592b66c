import { useState } from 'react';
import { App, Button, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Modal, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import { formatDate, formatMoney } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import type { OrderReceivables } from './orders-api';
import { PaymentPlanModal } from './PaymentPlanModal';

/**
 * An order's instalments and payments; recording a payment allocates it oldest first. The plan is
 * edited here, and a payment booked by mistake (or bounced) is reversed with a reason.
 */
export function ReceivablesPanel({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const { data, reload } = useApi(() => call(api.GET('/api/v1/orders/{id}/receivables', { params: { path: { id: orderId } } })), [orderId]);
  const [open, setOpen] = useState(false);
  const [editingPlan, setEditingPlan] = useState(false);
  const [reversing, setReversing] = useState<OrderReceivables['payments'][number]>();
  const [form] = Form.useForm<{ amount: number; receivedOn: Dayjs; method?: string; reference?: string }>();
  const [reverseForm] = Form.useForm<{ reason: string }>();
  if (!data) return null;
  const r: OrderReceivables = data;
  const reverse = async (v: { reason: string }) => {
    try {
      await call(api.POST('/api/v1/orders/{id}/payments/{paymentId}/reverse', { params: { path: { id: orderId, paymentId: reversing!.id } }, body: { reason: v.reason } }));
      void message.success(t('payment.reversed'));
      setReversing(undefined);
      reload();
    } catch (err) {
      report(err, reverseForm);
    }
  };
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
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {r.permissions.recordPayment && r.outstanding !== '0.00' && (
          <Button type="primary" onClick={() => { form.setFieldsValue({ amount: Number(r.outstanding), receivedOn: dayjs() }); setOpen(true); }} data-testid="record-payment">
            {t('receivables.recordPayment')}
          </Button>
        )}
        {r.permissions.editPlan && <Button onClick={() => setEditingPlan(true)} data-testid="edit-plan">{t('plan.edit')}</Button>}
      </Flex>
      <Typography.Title level={5}>{t('receivables.plan')}</Typography.Title>
      <Table size="small" rowKey="id" pagination={false} dataSource={r.instalments} scroll={{ x: 480 }}
        columns={[
          { title: '#', dataIndex: 'seq' },
          { title: t('receivables.dueOn'), render: (_, i) => formatDate(i.dueOn) },
          { title: t('receivables.amount'), align: 'right', render: (_, i) => formatMoney(i.amount) },
          { title: t('receivables.paid'), align: 'right', render: (_, i) => formatMoney(i.paid) },
          { title: t('receivables.outstanding'), align: 'right', render: (_, i) => (i.overdue ? <Tag color="red">{formatMoney(i.outstanding)}</Tag> : formatMoney(i.outstanding)) },
        ]} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('receivables.payments')}</Typography.Title>
      <Table size="small" rowKey="id" pagination={false} dataSource={r.payments} scroll={{ x: 560 }}
        columns={[
          { title: t('receivables.receivedOn'), render: (_, p) => formatDate(p.receivedOn) },
          { title: t('receivables.amount'), align: 'right', render: (_, p) => formatMoney(p.amount) },
          { title: t('receivables.method'), dataIndex: 'method' },
          { title: t('receivables.reference'), dataIndex: 'reference' },
          { title: t('order.owner'), dataIndex: 'createdByName' },
          ...(r.permissions.reversePayment
            ? [{ title: '', key: 'reverse', render: (_: unknown, p: OrderReceivables['payments'][number]) => <Button size="small" danger onClick={() => { reverseForm.resetFields(); setReversing(p); }} data-testid="reverse-payment">{t('payment.reverse')}</Button> }]
            : []),
        ]} />
      <Modal open={open} title={t('receivables.recordPayment')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('common.save')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="amount" label={t('receivables.amount')} rules={[{ required: true }]}><InputNumber min={0.01} precision={2} style={{ width: 200 }} /></Form.Item>
          <Form.Item name="receivedOn" label={t('receivables.receivedOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="method" label={t('receivables.method')}><Input /></Form.Item>
          <Form.Item name="reference" label={t('receivables.reference')}><Input /></Form.Item>
        </Form>
      </Modal>
      {editingPlan && <PaymentPlanModal receivables={r} onClose={() => setEditingPlan(false)} onSaved={() => { setEditingPlan(false); reload(); }} />}
      <Modal open={!!reversing} title={t('payment.reverseTitle')} onCancel={() => setReversing(undefined)} onOk={() => reverseForm.submit()} okText={t('payment.reverse')} okButtonProps={{ danger: true }} destroyOnHidden>
        {reversing && <Typography.Paragraph><b>{formatDate(reversing.receivedOn)} · {r.currency} {formatMoney(reversing.amount)}</b>{reversing.reference ? ` · ${reversing.reference}` : ''}</Typography.Paragraph>}
        <Typography.Paragraph type="secondary">{t('payment.reverseText')}</Typography.Paragraph>
        <Form form={reverseForm} layout="vertical" onFinish={reverse}>
          <Form.Item name="reason" label={t('payment.reason')} rules={[{ required: true, whitespace: true }]}><Input maxLength={500} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
