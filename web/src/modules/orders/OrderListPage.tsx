import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Checkbox, Flex, Input, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useCursorList } from '../../app/api/use-cursor-list';
import { useSignedIn } from '../../app/auth/auth-context';
import { formatDate, formatMoney } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { PageHeader } from '../../app/shell/PageHeader';
import { NewOrderModal } from './NewOrderModal';
import { orderStatuses, statusColor, type OrderRow } from './orders-api';

/** Orders in the user's scope, newest signing first; overdue execution flagged. */
export default function OrderListPage() {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [status, setStatus] = useState<(typeof orderStatuses)[number]>();
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const list = useCursorList(
    (cursor) => call(api.GET('/api/v1/orders', { params: { query: { status, overdue: overdue ? 'true' : undefined, q: q || undefined, cursor, limit: 50 } } })),
    [status, overdue, q],
  );
  return (
    <>
      <PageHeader
        title={t('order.title')}
        extra={access.can('order', 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="order-add">{t('order.add')}</Button>}
      />
      <Card size={isMobile ? 'small' : 'default'}>
        <Flex wrap gap={8} style={{ marginBottom: 12 }} align="center">
          <Select allowClear placeholder={t('order.status')} style={{ width: 140 }} value={status} onChange={setStatus}
            options={orderStatuses.map((s) => ({ value: s, label: t(`order.status.${s}`) }))} />
          <Input.Search allowClear placeholder={t('order.search')} style={{ width: 220 }} onSearch={(v) => setQ(v.trim())} />
          <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>{t('order.onlyOverdue')}</Checkbox>
        </Flex>
        <Table<OrderRow>
          size="small"
          rowKey={(r) => r.id!}
          loading={list.loading}
          pagination={false}
          dataSource={list.items}
          scroll={{ x: 900 }}
          columns={[
            { title: t('order.number'), render: (_, r) => <Link to={`/orders/${r.id}`}>{r.number}</Link> },
            { title: t('order.account'), render: (_, r) => r.accountName ?? '—' },
            { title: t('order.signedOn'), render: (_, r) => formatDate(r.signedOn) },
            { title: t('order.total'), align: 'right', render: (_, r) => `${r.currency} ${formatMoney(r.total)}` },
            { title: t('order.status'), render: (_, r) => r.status && <Tag color={statusColor[r.status]}>{t(`order.status.${r.status}`)}</Tag> },
            { title: t('order.plan'), render: (_, r) => (r.overdueMilestones ? <Tag color="red">{t('order.overdueCount', { n: r.overdueMilestones })}</Tag> : `${r.openMilestones ?? 0}`) },
            { title: t('order.owner'), dataIndex: 'ownerName' },
          ]}
        />
        {list.hasMore && <Button block style={{ marginTop: 8 }} onClick={list.loadMore}>{t('common.loadMore')}</Button>}
      </Card>
      {creating && <NewOrderModal onClose={() => setCreating(false)} onCreated={(o) => void navigate(`/orders/${o.id}`)} />}
    </>
  );
}
