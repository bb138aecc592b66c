import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Result, Spin, Table, Tag } from 'antd';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import { formatDate, formatMoney } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';
import { QuoteFormModal } from './QuoteFormModal';
import { quoteStatusColor, type Quote } from './quotes-api';

/** One quote: its lines and totals (changed while a draft or rejected), the approval step, versions, the PDF and the order it becomes. */
export default function QuotePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const loaded = useApi(() => call(api.GET('/api/v1/quotes/{id}', { params: { path: { id: id! } } })), [id]);
  const settings = useApi(() => call(api.GET('/api/v1/sales-settings')), []);
  const [quote, setQuote] = useState<Quote>();
  const [editing, setEditing] = useState(false);
  useEffect(() => setQuote(loaded.data), [loaded.data]);
  if (loaded.failed) return <Result status="404" title={t('common.noResults')} />;
  if (!quote) return <Spin />;
  const path = { params: { path: { id: quote.id } } };
  const act = async (fn: () => Promise<Quote>) => {
    try {
      const next = await fn();
      void message.success(t('common.saved'));
      if (next.id !== quote.id) void navigate(`/quotes/${next.id}`);
      else setQuote(next);
    } catch (err) {
      report(err);
    }
  };
  const decide = (approve: boolean) => {
    let note = '';
    Modal.confirm({
      title: approve ? t('quote.approve') : t('quote.reject'),
      content: <Input.TextArea placeholder={t('quote.decision')} onChange={(e) => { note = e.target.value; }} />,
      onOk: () => act(() => call(approve
        ? api.POST('/api/v1/quotes/{id}/approve', { ...path, body: { version: quote.version, note } })
        : api.POST('/api/v1/quotes/{id}/reject', { ...path, body: { version: quote.version, note } }))),
    });
  };
  const toOrder = async () => {
    try {
      const order = await call(api.POST('/api/v1/orders', { body: { accountId: quote.accountId, quoteId: quote.id, currency: quote.currency } }));
      void navigate(`/orders/${order.id}`);
    } catch (err) {
      report(err);
    }
  };
  return (
    <>
      <PageHeader
        title={`${quote.number} v${quote.revision}`}
        extra={
          <>
            <Tag color={quoteStatusColor[quote.status]}>{t(`quote.status.${quote.status}`)}</Tag>
            {quote.permissions.update && <Button onClick={() => setEditing(true)} data-testid="quote-edit">{t('common.edit')}</Button>}
            {quote.status === 'draft' && quote.permissions.update && <Button type="primary" onClick={() => act(() => call(api.POST('/api/v1/quotes/{id}/submit', { ...path, body: { version: quote.version } })))}>{t('quote.submit')}</Button>}
            {quote.permissions.approve && <Button type="primary" onClick={() => decide(true)}>{t('quote.approve')}</Button>}
            {quote.permissions.approve && <Button danger onClick={() => decide(false)}>{t('quote.reject')}</Button>}
            {quote.permissions.send && <Button onClick={() => act(() => call(api.POST('/api/v1/quotes/{id}/send', { ...path, body: { version: quote.version } })))}>{t('quote.send')}</Button>}
            {quote.permissions.order && <Button type="primary" onClick={toOrder}>{t('quote.toOrder')}</Button>}
            {!['superseded', 'accepted'].includes(quote.status) && <Button onClick={() => act(() => call(api.POST('/api/v1/quotes/{id}/revise', { ...path, body: { version: quote.version } })))}>{t('quote.revise')}</Button>}
            <Button href={`/api/v1/quotes/${quote.id}/pdf?lang=zh-CN`} target="_blank">{t('quote.pdfZh')}</Button>
            <Button href={`/api/v1/quotes/${quote.id}/pdf?lang=en-US`} target="_blank">{t('quote.pdfEn')}</Button>
          </>
        }
      >
        {quote.needsApproval && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t('quote.needsApproval', { limit: settings.data?.quoteDiscountLimitPct ?? '' })} />}
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}
          items={[
            { label: t('order.account'), children: quote.accountName ? <Link to={`/accounts/${quote.accountId}`}>{quote.accountName}</Link> : '—' },
            { label: t('order.total'), children: `${quote.currency} ${formatMoney(quote.total)}` },
            { label: t('quote.validUntil'), children: formatDate(quote.validUntil) },
            { label: t('order.owner'), children: quote.ownerName },
            { label: t('quote.maxDiscount'), children: `${quote.maxDiscountPct}%` },
            ...(quote.decidedByName ? [{ label: t('quote.decision'), children: `${quote.decidedByName}: ${quote.decisionNote ?? ''}` }] : []),
          ]} />
      </PageHeader>
      <Card>
        <Table size="small" rowKey="id" pagination={false} dataSource={quote.lines} scroll={{ x: 700 }}
          columns={[
            { title: t('order.line.product'), render: (_, l) => (l.productCode ? `${l.productCode} ${l.productName}` : l.description) },
            { title: t('order.line.quantity'), align: 'right', render: (_, l) => `${l.quantity} ${l.unit ?? ''}` },
            { title: t('order.line.unitPrice'), align: 'right', render: (_, l) => formatMoney(l.unitPrice) },
            { title: t('order.line.discount'), align: 'right', dataIndex: 'discountPct' },
            { title: t('order.line.amount'), align: 'right', render: (_, l) => formatMoney(l.amount) },
          ]} />
      </Card>
      {editing && <QuoteFormModal quote={quote} onClose={() => setEditing(false)} onSaved={(q) => { setEditing(false); setQuote(q); }} />}
    </>
  );
}
