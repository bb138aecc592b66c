import { useState } from 'react';
import { Link } from 'react-router';
import { Card, Flex, InputNumber, Table, Tag, Typography } from 'antd';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { formatDate, formatMoney } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';
import { UserPicker } from '../org/users/UserPicker';
import type { Coaching } from './opportunities-api';

/**
 * The manager's one-to-one view of each rep's pipeline: open deals, and the ones to talk about —
 * no activity for N days, close date passed, no next step.
 */
export default function CoachingPage() {
  const { t } = useI18n();
  const [staleDays, setStaleDays] = useState(14);
  const [ownerId, setOwnerId] = useState<string>();
  const { data, loading } = useApi(() => call(api.GET('/api/v1/opportunities/coaching', { params: { query: { staleDays, ownerId } } })), [staleDays, ownerId]);
  return (
    <>
      <PageHeader title={t('coach.title')}>
        <Flex wrap gap={12} align="center">
          <span>{t('coach.staleDays')} <InputNumber min={1} max={365} value={staleDays} onChange={(v) => setStaleDays(v ?? 14)} /></span>
          <UserPicker placeholder={t('coach.rep')} value={ownerId} onChange={setOwnerId} style={{ width: 200 }} />
        </Flex>
      </PageHeader>
      <Card size="small">
        <Table<Coaching['reps'][number]>
          size="small"
          rowKey="ownerId"
          loading={loading}
          pagination={false}
          dataSource={data?.reps ?? []}
          onRow={(r) => ({ onClick: () => setOwnerId(r.ownerId), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('coach.rep'), dataIndex: 'ownerName' },
            { title: t('coach.open'), dataIndex: 'open', align: 'right' },
            { title: t('coach.openAmount'), align: 'right', render: (_, r) => formatMoney(r.openAmount) },
            { title: t('opp.weighted'), align: 'right', render: (_, r) => formatMoney(r.weightedAmount) },
            { title: t('coach.stale'), dataIndex: 'stale', align: 'right', render: (n: number) => <Typography.Text type={n ? 'warning' : undefined}>{n}</Typography.Text> },
            { title: t('coach.pastClose'), dataIndex: 'pastClose', align: 'right', render: (n: number) => <Typography.Text type={n ? 'danger' : undefined}>{n}</Typography.Text> },
            { title: t('coach.noNextStep'), dataIndex: 'noNextStep', align: 'right' },
          ]}
        />
      </Card>
      <Card size="small" title={t('coach.deals')} style={{ marginTop: 16 }}>
        <Table<Coaching['deals'][number]>
          size="small"
          rowKey="id"
          loading={loading}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          dataSource={data?.deals ?? []}
          scroll={{ x: 800 }}
          columns={[
            { title: t('opp.name'), render: (_, d) => <Link to={`/opportunities/${d.id}`}>{d.name}</Link> },
            { title: t('opp.account'), dataIndex: 'accountName' },
            { title: t('opp.stage'), dataIndex: 'stageName' },
            { title: t('opp.amount'), align: 'right', render: (_, d) => formatMoney(d.amount) },
            { title: t('opp.expectedCloseDate'), render: (_, d) => formatDate(d.expectedCloseDate) },
            { title: t('opp.owner'), dataIndex: 'ownerName' },
            { title: '', render: (_, d) => d.flags.map((f) => <Tag key={f} color={f === 'past_close' ? 'red' : f === 'stale' ? 'orange' : 'default'}>{t(`coach.flag.${f}`)}</Tag>) },
          ]}
        />
      </Card>
    </>
  );
}
