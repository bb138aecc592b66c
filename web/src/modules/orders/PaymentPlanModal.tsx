import { useState } from 'react';
import { App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call } from '../../app/api/client';
import { useReportError } from '../../app/api/report-error';
import { formatMoney } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import type { OrderReceivables } from './orders-api';

interface Row {
  id?: string;
  paid: number;
  dueOn: Dayjs;
  amount: number;
  note?: string;
}

/** Cents, so that adding instalments up never drifts (0.1 + 0.2). */
const cents = (v: number | string | undefined | null) => Math.round(Number(v ?? 0) * 100);

/**
 * Adds, changes and removes instalments of an order's payment plan. An instalment that received
 * money stays and keeps at least what it got; the whole plan adds up to the order's total.
 */
export function PaymentPlanModal({ receivables: r, onClose, onSaved }: { receivables: OrderReceivables; onClose: () => void; onSaved: (r: OrderReceivables) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<{ rows: Row[] }>();
  const [saving, setSaving] = useState(false);
  const rows = Form.useWatch('rows', form) ?? [];
  const sum = rows.reduce((s, x) => s + cents(x?.amount), 0);
  const total = cents(r.total);

  const submit = async (v: { rows: Row[] }) => {
    setSaving(true);
    try {
      const saved = await call(api.PUT('/api/v1/orders/{id}/payment-plan', {
        params: { path: { id: r.orderId } },
        body: { instalments: v.rows.map((x) => ({ ...(x.id ? { id: x.id } : {}), dueOn: x.dueOn.format('YYYY-MM-DD'), amount: (cents(x.amount) / 100).toFixed(2), note: x.note?.trim() || null })) },
      }));
      void message.success(t('plan.saved'));
      onSaved(saved);
    } catch (err) {
      report(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('plan.edit')}
      width={640}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ disabled: sum !== total, loading: saving, 'data-testid': 'plan-save' }}
      destroyOnHidden
    >
      <Form
        form={form}
        onFinish={submit}
        initialValues={{ rows: r.instalments.map((i) => ({ id: i.id, paid: Number(i.paid), dueOn: dayjs(i.dueOn), amount: Number(i.amount), note: i.note ?? '' })) }}
      >
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => {
                const paid = rows[f.name]?.paid ?? 0;
                return (
                  <Flex key={f.key} gap={8} wrap align="start" data-testid="plan-row">
                    <Form.Item name={[f.name, 'id']} hidden><Input /></Form.Item>
                    <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                      <DatePicker aria-label={t('receivables.dueOn')} allowClear={false} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'amount']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                      <InputNumber aria-label={t('receivables.amount')} min={paid > 0 ? paid : 0.01} precision={2} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'note']} style={{ marginBottom: 8, flex: '1 1 120px' }}>
                      <Input aria-label={t('order.note')} placeholder={t('order.note')} maxLength={200} />
                    </Form.Item>
                    {paid > 0 ? (
                      <Tooltip title={t('plan.paidLocked', { paid: formatMoney(paid.toFixed(2)) })}>
                        <Button icon={<DeleteOutlined />} disabled />
                      </Tooltip>
                    ) : (
                      <Button icon={<DeleteOutlined />} aria-label={t('common.delete')} disabled={fields.length === 1} onClick={() => remove(f.name)} />
                    )}
                  </Flex>
                );
              })}
              <Button
                icon={<PlusOutlined />}
                data-testid="plan-add"
                onClick={() => add({ paid: 0, dueOn: rows.length ? rows[rows.length - 1]!.dueOn.add(1, 'month') : dayjs(), amount: Math.max(total - sum, 0) / 100 })}
              >
                {t('plan.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      <Typography.Paragraph type={sum === total ? 'secondary' : 'danger'} style={{ marginTop: 12 }} data-testid="plan-sum">
        {t('plan.sum', { sum: formatMoney((sum / 100).toFixed(2)), total: formatMoney(r.total) })}
        {sum !== total && ` · ${t('plan.mismatch')}`}
      </Typography.Paragraph>
    </Modal>
  );
}
