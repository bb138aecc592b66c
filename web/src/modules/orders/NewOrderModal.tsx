import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call } from '../../app/api/client';
import { useReportError } from '../../app/api/report-error';
import { useI18n } from '../../app/i18n/i18n-context';
import { AccountPicker } from '../opportunities/AccountPicker';
import type { Order } from './orders-api';
import { ProductPicker } from './ProductPicker';

interface LineValues {
  productId?: string;
  description?: string;
  quantity?: number;
  unitPrice?: number | null;
  discountPct?: number;
}
interface Values {
  accountId: string;
  title?: string;
  signedOn?: Dayjs;
  paymentTerms?: string;
  lines: LineValues[];
}

const dec = (v: number | null | undefined, places: number) => (v === null || v === undefined ? undefined : v.toFixed(places));

/** A new order for an account: lines priced from the price lists unless a price is typed. */
export function NewOrderModal({ account, onClose, onCreated }: { account?: { id: string; name: string }; onClose: () => void; onCreated: (o: Order) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const order = await call(api.POST('/api/v1/orders', {
        body: {
          accountId: v.accountId,
          title: v.title || undefined,
          signedOn: v.signedOn?.format('YYYY-MM-DD'),
          paymentTerms: v.paymentTerms || undefined,
          currency: 'CNY',
          lines: v.lines.map((l) => ({
            productId: l.productId, description: l.description || undefined, quantity: dec(l.quantity, 4)!,
            unitPrice: dec(l.unitPrice, 2), discountPct: dec(l.discountPct ?? 0, 2)!,
          })),
        },
      }));
      void message.success(t('order.created'));
      onCreated(order);
    } catch (err) {
      report(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={t('order.add')} onCancel={onClose} width={860} okText={t('common.save')} onOk={() => form.submit()} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ accountId: account?.id, signedOn: dayjs(), lines: [{ quantity: 1, discountPct: 0 }] }}>
        <Form.Item name="accountId" label={t('order.account')} rules={[{ required: true }]}>
          <AccountPicker initial={account} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="title" label={t('order.orderTitle')}><Input style={{ width: 280 }} /></Form.Item>
          <Form.Item name="signedOn" label={t('order.signedOn')}><DatePicker /></Form.Item>
          <Form.Item name="paymentTerms" label={t('order.paymentTerms')}><Input style={{ width: 260 }} /></Form.Item>
        </Space>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="start" data-testid="order-line">
                  <Form.Item name={[f.name, 'productId']} label={t('order.line.product')}><ProductPicker /></Form.Item>
                  <Form.Item name={[f.name, 'description']} label={t('order.line.description')}><Input style={{ width: 150 }} /></Form.Item>
                  <Form.Item name={[f.name, 'quantity']} label={t('order.line.quantity')} rules={[{ required: true }]}><InputNumber min={0.0001} style={{ width: 90 }} /></Form.Item>
                  <Form.Item name={[f.name, 'unitPrice']} label={t('order.line.unitPrice')}><InputNumber min={0} placeholder={t('order.line.unitPriceAuto')} style={{ width: 110 }} /></Form.Item>
                  <Form.Item name={[f.name, 'discountPct']} label={t('order.line.discount')}><InputNumber min={0} max={100} style={{ width: 80 }} /></Form.Item>
                  {fields.length > 1 && <Button icon={<DeleteOutlined />} style={{ marginTop: 30 }} onClick={() => remove(f.name)} />}
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ quantity: 1, discountPct: 0 })}>{t('order.addLine')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
