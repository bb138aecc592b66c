import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useCursorList } from '../../app/api/use-cursor-list';
import { useReportError } from '../../app/api/report-error';
import { useSignedIn } from '../../app/auth/auth-context';
import { formatDate, formatMoney } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';
import { AccountPicker } from '../opportunities/AccountPicker';
import { ProductPicker } from '../orders/ProductPicker';
import { quoteStatusColor, quoteStatuses, type QuoteRow } from './quotes-api';

interface Values {
  accountId: string;
  title?: string;
  lines: { productId?: string; description?: string; quantity?: number; unitPrice?: number | null; discountPct?: number }[];
}

/** Quotes in the user's scope (current versions), and a new one. */
export default function QuoteListPage() {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const [status, setStatus] = useState<(typeof quoteStatuses)[number]>();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<Values>();
  const list = useCursorList((cursor) => call(api.GET('/api/v1/quotes', { params: { query: { status, cursor, limit: 50, current: 'true' } } })), [status]);

  const save = async (v: Values) => {
    try {
      const q = await call(api.POST('/api/v1/quotes', {
        body: {
          accountId: v.accountId, title: v.title || undefined, currency: 'CNY',
          lines: v.lines.map((l) => ({ productId: l.productId, description: l.description || undefined, quantity: (l.quantity ?? 1).toFixed(4), unitPrice: l.unitPrice === null || l.unitPrice === undefined ? undefined : l.unitPrice.toFixed(2), discountPct: (l.discountPct ?? 0).toFixed(2) })),
        },
      }));
      void message.success(t('common.saved'));
      void navigate(`/quotes/${q.id}`);
    } catch (err) {
      report(err);
    }
  };

  return (
    <>
      <PageHeader title={t('quote.title')} extra={access.can('quote', 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('quote.add')}</Button>} />
      <Card>
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <Select allowClear placeholder={t('quote.status')} style={{ width: 180 }} value={status} onChange={setStatus} options={quoteStatuses.map((s) => ({ value: s, label: t(`quote.status.${s}`) }))} />
        </Flex>
        <Table<QuoteRow> size="small" rowKey="id" loading={list.loading} pagination={false} dataSource={list.items} scroll={{ x: 800 }}
          columns={[
            { title: t('quote.number'), render: (_, q) => <Link to={`/quotes/${q.id}`}>{q.number} v{q.revision}</Link> },
            { title: t('order.account'), render: (_, q) => q.accountName ?? '—' },
            { title: t('order.total'), align: 'right', render: (_, q) => `${q.currency} ${formatMoney(q.total)}` },
            { title: t('quote.maxDiscount'), align: 'right', render: (_, q) => `${q.maxDiscountPct}%` },
            { title: t('quote.status'), render: (_, q) => <Tag color={quoteStatusColor[q.status]}>{t(`quote.status.${q.status}`)}</Tag> },
            { title: t('order.owner'), dataIndex: 'ownerName' },
            { title: t('common.createdAt'), render: (_, q) => formatDate(q.createdAt) },
          ]} />
        {list.hasMore && <Button block style={{ marginTop: 8 }} onClick={list.loadMore}>{t('common.loadMore')}</Button>}
      </Card>
      <Modal open={creating} title={t('quote.add')} width={860} onCancel={() => setCreating(false)} onOk={() => form.submit()} okText={t('common.save')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save} initialValues={{ lines: [{ quantity: 1, discountPct: 0 }] }}>
          <Form.Item name="accountId" label={t('order.account')} rules={[{ required: true }]}><AccountPicker /></Form.Item>
          <Form.Item name="title" label={t('order.orderTitle')}><Input /></Form.Item>
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="start">
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
    </>
  );
}
