import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Card, Descriptions, Flex, Result, Spin, Table, Tabs, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useSignedIn } from '../../app/auth/auth-context';
import { formatDate, formatMoney } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';
import { RecordHistory } from '../audit-log/RecordHistory';
import { EditOrderDrawer } from './EditOrderDrawer';
import { MilestonePlan } from './MilestonePlan';
import { statusColor, type Order } from './orders-api';
import { ReceivablesPanel } from './ReceivablesPanel';

/** One order: its header, lines, execution plan and money. */
export default function OrderPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { access } = useSignedIn();
  const loaded = useApi(() => call(api.GET('/api/v1/orders/{id}', { params: { path: { id: id! } } })), [id]);
  const [order, setOrder] = useState<Order>();
  const [editing, setEditing] = useState(false);
  useEffect(() => setOrder(loaded.data), [loaded.data]);
  if (loaded.failed) return <Result status="404" title={t('common.noResults')} />;
  if (!order) return <Spin />;
  return (
    <>
      <PageHeader title={<span data-testid="order-number">{order.number}</span>} extra={
          <Flex gap={8} align="center" wrap>
            <Tag color={statusColor[order.status]} data-testid="order-status">{t(`order.status.${order.status}`)}</Tag>
            {order.permissions.update && <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="order-edit">{t('common.edit')}</Button>}
          </Flex>
        }>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}
          items={[
            { label: t('order.account'), children: order.accountName ? <Link to={`/accounts/${order.accountId}`}>{order.accountName}</Link> : '—' },
            { label: t('order.signedOn'), children: formatDate(order.signedOn) },
            { label: t('order.total'), children: `${order.currency} ${formatMoney(order.total)}` },
            { label: t('order.owner'), children: order.ownerName },
            { label: t('order.unit'), children: order.unitName },
            { label: t('order.paymentTerms'), children: <span data-testid="order-terms">{order.paymentTerms ?? '—'}</span> },
            { label: t('order.delivery'), children: order.deliveryFrom || order.deliveryTo ? `${formatDate(order.deliveryFrom)} ~ ${formatDate(order.deliveryTo)}` : '—' },
            ...(order.title ? [{ label: t('order.orderTitle'), children: order.title }] : []),
            ...(order.note ? [{ label: t('order.note'), children: order.note }] : []),
          ]} />
      </PageHeader>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            { key: 'plan', label: t('order.plan'), children: <MilestonePlan order={order} onChanged={setOrder} /> },
            {
              key: 'lines', label: t('order.lines'), children: (
                <Table size="small" rowKey="id" pagination={false} dataSource={order.lines} scroll={{ x: 700 }}
                  summary={() => (
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0} colSpan={5} align="right">{t('order.subtotal')} {formatMoney(order.subtotal)} · {t('order.tax')} {formatMoney(order.taxAmount)}</Table.Summary.Cell>
                      <Table.Summary.Cell index={1} align="right"><b>{formatMoney(order.total)}</b></Table.Summary.Cell>
                    </Table.Summary.Row>
                  )}
                  columns={[
                    { title: t('order.line.product'), render: (_, l) => (l.productCode ? `${l.productCode} ${l.productName}` : l.description) },
                    { title: t('order.line.quantity'), align: 'right', render: (_, l) => `${l.quantity} ${l.unit ?? ''}` },
                    { title: t('order.line.unitPrice'), align: 'right', render: (_, l) => formatMoney(l.unitPrice) },
                    { title: t('order.line.discount'), align: 'right', dataIndex: 'discountPct' },
                    { title: t('product.taxRate'), align: 'right', dataIndex: 'taxRate' },
                    { title: t('order.line.amount'), align: 'right', render: (_, l) => formatMoney(l.amount) },
                  ]} />
              ),
            },
            ...(access.can('payment', 'read') ? [{ key: 'money', label: t('receivables.title'), children: <ReceivablesPanel orderId={order.id} /> }] : []),
            { key: 'history', label: t('account.tab.history'), children: <RecordHistory objectType="order" objectId={order.id} /> },
          ]}
        />
      </Card>
      {editing && <EditOrderDrawer order={order} onClose={() => setEditing(false)} onSaved={(o) => { setEditing(false); setOrder(o); }} />}
    </>
  );
}
