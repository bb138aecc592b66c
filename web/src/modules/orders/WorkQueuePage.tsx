import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { App, Button, Card, Empty, Flex, List, Segmented, Select, Spin, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';
import { milestoneName, type WorkItem } from './orders-api';

const views = ['mine', 'all', 'overdue'] as const;
type View = (typeof views)[number];

/**
 * The execution staff's queue: milestones due soon or overdue across every order they are
 * responsible for, by due date, one tap to complete. Built as a list so it works on a phone.
 */
export default function WorkQueuePage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const scope: View = views.find((v) => v === params.get('view')) ?? 'mine';
  const setScope = (v: View) => setParams(v === 'mine' ? {} : { view: v }, { replace: true });
  const [days, setDays] = useState(7);
  const [busy, setBusy] = useState<string>();
  // "overdue": every overdue milestone of active orders in the caller's scope, whoever is responsible.
  const { data, loading, reload } = useApi(
    () => (scope === 'overdue'
      ? call(api.GET('/api/v1/order-milestones/overdue', { params: { query: { limit: 500 } } }))
      : call(api.GET('/api/v1/order-work-queue', { params: { query: { scope, dueWithinDays: days, limit: 200 } } }))),
    [scope, days],
  );

  const complete = async (item: WorkItem) => {
    setBusy(item.id);
    try {
      await call(api.PATCH('/api/v1/orders/{id}/milestones/{milestoneId}', { params: { path: { id: item.orderId, milestoneId: item.id } }, body: { version: item.version, done: true } }));
      void message.success(t('milestone.completed'));
      reload();
    } catch (err) {
      report(err);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      <PageHeader title={t('workQueue.title')}>
        <Flex wrap gap={8}>
          <Segmented
            value={scope}
            onChange={(v) => setScope(v as View)}
            options={[{ value: 'mine', label: t('workQueue.mine') }, { value: 'all', label: t('workQueue.all') }, { value: 'overdue', label: <span data-testid="work-queue-overdue">{t('workQueue.overdue')}</span> }]}
          />
          {scope !== 'overdue' && <Select value={days} onChange={setDays} style={{ width: 160 }} options={[0, 3, 7, 14, 30].map((n) => ({ value: n, label: t('workQueue.within', { n }) }))} />}
        </Flex>
      </PageHeader>
      {loading && !data ? <Spin /> : !data?.items.length ? <Empty description={t('workQueue.empty')} /> : (
        <List
          dataSource={data.items}
          renderItem={(item) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid="work-item">
              <Flex justify="space-between" align="center" gap={8} wrap>
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Typography.Text strong>{milestoneName(item, locale)}</Typography.Text>
                  {item.overdue && <Tag color="red" style={{ marginLeft: 8 }}>{t('milestone.overdue')}</Tag>}
                  <div>
                    <Link to={`/orders/${item.orderId}`}>{item.orderNumber}</Link>
                    <Typography.Text type="secondary"> · {item.accountName ?? '—'} · {item.ownerName ?? ''}</Typography.Text>
                  </div>
                  <Typography.Text type={item.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{t('milestone.due')} {formatDate(item.dueOn)}</Typography.Text>
                </div>
                {item.permissions.update && (
                  <Button type="primary" size="large" icon={<CheckOutlined />} loading={busy === item.id} onClick={() => complete(item)} data-testid="work-item-done">
                    {t('milestone.done')}
                  </Button>
                )}
              </Flex>
            </Card>
          )}
        />
      )}
    </>
  );
}
