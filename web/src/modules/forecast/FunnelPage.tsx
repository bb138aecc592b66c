import { useState } from 'react';
import { Card, Col, DatePicker, Flex, Row, Segmented, Select, Statistic, Table, Typography } from 'antd';
import ReactECharts from 'echarts-for-react';
import type { Dayjs } from 'dayjs';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useSignedIn } from '../../app/auth/auth-context';
import { companyToday, formatMoney } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';
import { UserPicker } from '../org/users/UserPicker';
import { defaultPipelineOf, usePipelines } from '../pipelines/pipelines-api';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
type By = 'reason' | 'competitor' | 'source' | 'owner';

/** The funnel for a period, pipeline, unit or rep; time in stage; win/loss by reason, competitor, source, rep. */
export default function FunnelPage() {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([companyToday().startOf('year'), companyToday()]);
  const [pipelineId, setPipelineId] = useState<string>();
  const [ownerId, setOwnerId] = useState<string>();
  const [by, setBy] = useState<By>('reason');
  const { data: pipelines } = usePipelines();
  const current = pipelineId ?? defaultPipelineOf(pipelines)?.id;
  const query = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), pipelineId: current, ownerId };
  const deps = [query.from, query.to, current, ownerId];
  const funnel = useApi(() => call(api.GET('/api/v1/reports/funnel', { params: { query } })), deps);
  const times = useApi(() => call(api.GET('/api/v1/reports/stage-times', { params: { query } })), deps);
  const winLoss = useApi(() => call(api.GET('/api/v1/reports/win-loss', { params: { query: { ...query, by } } })), [...deps, by]);
  const f = funnel.data;
  const steps = (f?.stages ?? []).filter((s) => s.kind !== 'lost');
  const option = {
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [{
      type: 'funnel', sort: 'none', left: '10%', width: '80%', minSize: '10%', gap: 2,
      label: { show: true, position: 'inside', formatter: '{b}\n{c}' },
      data: steps.map((s) => ({ name: s.name, value: s.reached })),
    }],
  };
  return (
    <>
      <PageHeader title={t('funnel.title')}>
        <Flex wrap gap={12} align="center">
          <DatePicker.RangePicker aria-label={t('funnel.period')} value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
          {(pipelines?.length ?? 0) > 1 && (
            <Select style={{ width: 180 }} value={current} onChange={setPipelineId} options={pipelines!.map((p) => ({ value: p.id, label: p.name }))} />
          )}
          {access.scope('opportunity') !== 'own' && <UserPicker placeholder={t('funnel.owner')} value={ownerId} onChange={setOwnerId} style={{ width: 180 }} />}
        </Flex>
      </PageHeader>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" loading={funnel.loading}>
            <Flex gap={24} wrap>
              <Statistic title={t('funnel.reached')} value={f?.total.count ?? 0} />
              <Statistic title={t('funnel.won')} value={f?.won.count ?? 0} />
              <Statistic title={t('funnel.winRate')} value={pct(f?.winRate)} />
            </Flex>
            {steps.length > 0 && <ReactECharts option={option} style={{ height: 320 }} notMerge />}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" loading={funnel.loading}>
            <Table
              size="small"
              rowKey="stageId"
              pagination={false}
              dataSource={f?.stages ?? []}
              data-testid="funnel-table"
              columns={[
                { title: t('funnel.stage'), dataIndex: 'name' },
                { title: t('funnel.reached'), dataIndex: 'reached', align: 'right' },
                { title: t('funnel.reachedAmount'), align: 'right', render: (_, s) => formatMoney(s.reachedAmount) },
                { title: t('funnel.current'), dataIndex: 'current', align: 'right' },
                { title: t('funnel.conversion'), align: 'right', render: (_, s) => pct(s.conversion) },
              ]}
            />
          </Card>
          <Card size="small" title={t('funnel.stageTimes')} style={{ marginTop: 16 }} loading={times.loading}>
            <Table
              size="small"
              rowKey="stageId"
              pagination={false}
              dataSource={times.data?.stages ?? []}
              columns={[
                { title: t('funnel.stage'), dataIndex: 'name' },
                { title: t('funnel.stays'), dataIndex: 'stays', align: 'right' },
                { title: t('funnel.averageDays'), dataIndex: 'averageDays', align: 'right', render: (v: number | null) => v ?? '—' },
                { title: t('funnel.medianDays'), dataIndex: 'medianDays', align: 'right', render: (v: number | null) => v ?? '—' },
                { title: t('funnel.stillIn'), dataIndex: 'stillIn', align: 'right' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={t('funnel.winLoss')}
        extra={<Segmented<By> value={by} onChange={setBy} options={(['reason', 'competitor', 'source', 'owner'] as const).map((k) => ({ value: k, label: t(`funnel.by.${k}`) }))} />}
      >
        <Table
          size="small"
          rowKey={(r) => r.key ?? ''}
          pagination={false}
          loading={winLoss.loading}
          dataSource={winLoss.data?.rows ?? []}
          columns={[
            { title: t(`funnel.by.${by}`), render: (_, r) => r.label ?? <Typography.Text type="secondary">{t('funnel.notGiven')}</Typography.Text> },
            { title: t('funnel.won'), dataIndex: 'won', align: 'right' },
            { title: t('funnel.lost'), dataIndex: 'lost', align: 'right' },
            { title: t('funnel.winRate'), align: 'right', render: (_, r) => pct(r.winRate) },
            { title: t('funnel.wonAmount'), align: 'right', render: (_, r) => formatMoney(r.wonAmount) },
            { title: t('funnel.lostAmount'), align: 'right', render: (_, r) => formatMoney(r.lostAmount) },
          ]}
        />
      </Card>
    </>
  );
}
