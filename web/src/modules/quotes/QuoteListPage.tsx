import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Flex, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useCursorList } from '../../app/api/use-cursor-list';
import { useSignedIn } from '../../app/auth/auth-context';
import { formatDate, formatMoney } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';
import { QuoteFormModal } from './QuoteFormModal';
import { quoteStatusColor, quoteStatuses, type QuoteRow } from './quotes-api';

/** Quotes in the user's scope (current versions), and a new one. */
export default function QuoteListPage() {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const navigate = useNavigate();
  const [status, setStatus] = useState<(typeof quoteStatuses)[number]>();
  const [creating, setCreating] = useState(false);
  const list = useCursorList((cursor) => call(api.GET('/api/v1/quotes', { params: { query: { status, cursor, limit: 50, current: 'true' } } })), [status]);

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
      {creating && <QuoteFormModal onClose={() => setCreating(false)} onSaved={(q) => void navigate(`/quotes/${q.id}`)} />}
    </>
  );
}
