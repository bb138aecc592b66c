import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call } from '../../app/api/client';
import { useReportError } from '../../app/api/report-error';
import { useI18n } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { AccountPicker } from '../opportunities/AccountPicker';
import { ProductPicker } from '../orders/ProductPicker';
import type { Quote } from './quotes-api';

export interface QuoteLineValues {
  productId?: string;
  /** shown for a product already on the quote */
  productLabel?: string;
  description?: string;
  quantity?: number;
  unitPrice?: number | null;
  discountPct?: number;
}
interface Values {
  accountId: string;
  title?: string;
  validUntil?: Dayjs | null;
  note?: string;
  lines: QuoteLineValues[];
}

const dec = (v: number | null | undefined, places: number) => (v === null || v === undefined ? undefined : v.toFixed(places));
const linesBody = (lines: QuoteLineValues[]) => lines.map((l) => ({
  productId: l.productId, description: l.description || undefined, quantity: dec(l.quantity ?? 1, 4)!, unitPrice: dec(l.unitPrice, 2), discountPct: dec(l.discountPct ?? 0, 2)!,
}));

/**
 * A new quote (for an account, or from a deal with its lines) or a draft or rejected one changed:
 * lines with product, quantity, price and discount; prices left empty come from the price lists.
 */
export function QuoteFormModal({ quote, account, opportunity, lines: initialLines, onClose, onSaved }: {
  quote?: Quote;
  account?: { id: string; name: string };
  opportunity?: { id: string; name: string };
  lines?: QuoteLineValues[];
  onClose: () => void;
  onSaved: (q: Quote) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const common = { title: v.title?.trim() || null, validUntil: v.validUntil?.format('YYYY-MM-DD') ?? null, note: v.note?.trim() || null, lines: linesBody(v.lines) };
      const saved = quote
        ? await call(api.PATCH('/api/v1/quotes/{id}', { params: { path: { id: quote.id } }, body: { version: quote.version, ...common } }))
        : await call(api.POST('/api/v1/quotes', { body: { accountId: v.accountId, opportunityId: opportunity?.id ?? null, currency: 'CNY', ...common } }));
      void message.success(t('common.saved'));
      onSaved(saved);
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  const known = [
    ...(quote?.lines ?? []).flatMap((l) => (l.productId ? [{ value: l.productId, label: `${l.productCode ?? ''} ${l.productName ?? ''}`.trim(), unit: l.unit ?? '', name: l.productName ?? '' }] : [])),
    ...(initialLines ?? []).flatMap((l) => (l.productId && l.productLabel ? [{ value: l.productId, label: l.productLabel, unit: '', name: l.productLabel }] : [])),
  ];
  const initial: Values = quote
    ? {
      accountId: quote.accountId, title: quote.title ?? undefined, validUntil: quote.validUntil ? dayjs(quote.validUntil) : null, note: quote.note ?? undefined,
      lines: quote.lines.map((l) => ({ productId: l.productId ?? undefined, description: l.description ?? undefined, quantity: Number(l.quantity), unitPrice: Number(l.unitPrice), discountPct: Number(l.discountPct) })),
    }
    : { accountId: account?.id ?? '', title: opportunity?.name, validUntil: dayjs().add(30, 'day'), lines: initialLines?.length ? initialLines.map(({ productLabel: _label, ...l }) => l) : [{ quantity: 1, discountPct: 0 }] };

  return (
    <Modal open title={quote ? t('quote.edit') : t('quote.add')} width={isMobile ? '100%' : 860} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')}
      okButtonProps={{ loading: saving, 'data-testid': 'quote-save' }} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        {!quote && <Form.Item name="accountId" label={t('order.account')} rules={[{ required: true }]}><AccountPicker initial={account} /></Form.Item>}
        <Space wrap>
          <Form.Item name="title" label={t('order.orderTitle')}><Input style={{ width: 280 }} maxLength={200} /></Form.Item>
          <Form.Item name="validUntil" label={t('quote.validUntil')}><DatePicker /></Form.Item>
        </Space>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="start" data-testid="quote-line">
                  <Form.Item name={[f.name, 'productId']} label={t('order.line.product')}><ProductPicker known={known} /></Form.Item>
                  <Form.Item name={[f.name, 'description']} label={t('order.line.description')}><Input style={{ width: 150 }} /></Form.Item>
                  <Form.Item name={[f.name, 'quantity']} label={t('order.line.quantity')} rules={[{ required: true }]}><InputNumber min={0.0001} style={{ width: 90 }} /></Form.Item>
                  <Form.Item name={[f.name, 'unitPrice']} label={t('order.line.unitPrice')}><InputNumber min={0} placeholder={t('order.line.unitPriceAuto')} style={{ width: 110 }} /></Form.Item>
                  <Form.Item name={[f.name, 'discountPct']} label={t('order.line.discount')}><InputNumber min={0} max={100} style={{ width: 80 }} /></Form.Item>
                  {fields.length > 1 && <Button icon={<DeleteOutlined />} aria-label={t('common.delete')} style={{ marginTop: 30 }} onClick={() => remove(f.name)} />}
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ quantity: 1, discountPct: 0 })}>{t('order.addLine')}</Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={t('order.note')} style={{ marginTop: 12 }}><Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} /></Form.Item>
      </Form>
    </Modal>
  );
}
