import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useCursorList } from '../../app/api/use-cursor-list';
import { useSignedIn } from '../../app/auth/auth-context';
import { formatDate, formatMoney } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { NewOrderModal } from './NewOrderModal';
import { statusColor, type OrderRow } from './orders-api';

/** The account page's orders section: the customer's orders the user may see, and a new one. */
export function AccountOrders({ account }: { account: { id: string; name: string } }) {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useCursorList((cursor) => call(api.GET('/api/v1/orders', { params: { query: { accountId: account.id, cursor, limit: 50 } } })), [account.id]);
  return (
    <>
      {access.can('order', 'create') && (
        <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setCreating(true)} data-testid="account-order-add">{t('order.add')}</Button>
      )}
      <Table<OrderRow> size="small" rowKey={(r) => r.id!} pagination={false} loading={list.loading} dataSource={list.items} scroll={{ x: 600 }}
        columns={[
          { title: t('order.number'), render: (_, r) => <Link to={`/orders/${r.id}`}>{r.number}</Link> },
          { title: t('order.signedOn'), render: (_, r) => formatDate(r.signedOn) },
          { title: t('order.total'), align: 'right', render: (_, r) => `${r.currency} ${formatMoney(r.total)}` },
          { title: t('order.status'), render: (_, r) => r.status && <Tag color={statusColor[r.status]}>{t(`order.status.${r.status}`)}</Tag> },
          { title: t('order.plan'), render: (_, r) => (r.overdueMilestones ? <Tag color="red">{t('order.overdueCount', { n: r.overdueMilestones })}</Tag> : null) },
        ]} />
      {list.hasMore && <Button block style={{ marginTop: 8 }} onClick={list.loadMore}>{t('common.loadMore')}</Button>}
      {creating && <NewOrderModal account={account} onClose={() => setCreating(false)} onCreated={(o) => void navigate(`/orders/${o.id}`)} />}
    </>
  );
}
