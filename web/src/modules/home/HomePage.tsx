import { Link } from 'react-router';
import { Card, Col, Empty, Progress, Row, Spin, Statistic, Table, Tag } from 'antd';
import ReactECharts from 'echarts-for-react';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { formatDate, formatMoney } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';

const pct = (part: string | null, whole: string | null) => (part && whole && Number(whole) > 0 ? Math.round((Number(part) / Number(whole)) * 1000) / 10 : null);

/**
 * The management home: large orders signed lately, this month's bookings and collections against
 * target, six months of both, the pipeline by stage — all within the user's scope.
 */
export default function HomePage() {
  const { t } = useI18n();
  const { data } = useApi(() => call(api.GET('/api/v1/home', { params: { query: { days: 10 } } })), []);
  if (!data) return <Spin />;
  const progress = pct(data.month.bookings, data.month.target);
  const months = {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('home.bookings'), t('home.collections')] },
    grid: { left: 60, right: 20, bottom: 30, top: 40 },
    xAxis: { type: 'category', data: data.bookingsByMonth.map((m) => m.month) },
    yAxis: { type: 'value' },
    series: [
      { name: t('home.bookings'), type: 'bar', data: data.bookingsByMonth.map((m) => Number(m.bookings)) },
      { name: t('home.collections'), type: 'bar', data: data.bookingsByMonth.map((m) => Number(m.collections)) },
    ],
  };
  const pipeline = data.pipeline && {
    tooltip: { trigger: 'axis' },
    grid: { left: 120, right: 30, bottom: 30, top: 20 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: data.pipeline.map((s) => `${s.stageName} (${s.count})`) },
    series: [
      { name: t('home.amount'), type: 'bar', data: data.pipeline.map((s) => Number(s.amount)) },
      { name: t('home.weighted'), type: 'bar', data: data.pipeline.map((s) => Number(s.weighted)) },
    ],
  };
  return (
    <>
      <PageHeader title={t('home.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}><Card><Statistic title={t('home.bookings')} value={formatMoney(data.month.bookings)} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={t('home.collections')} value={formatMoney(data.month.collections)} /></Card></Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('home.target')} value={data.month.target ? formatMoney(data.month.target) : t('home.noTarget')} />
            {progress !== null && <Progress percent={progress} size="small" status={progress >= 100 ? 'success' : 'active'} />}
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('home.receivables')} value={formatMoney(data.receivables?.outstanding)} />
            {data.overdueMilestones ? <Link to="/work-queue?view=overdue"><Tag color="red">{t('home.overdueMilestones')}: {data.overdueMilestones}</Tag></Link> : null}
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('home.largeOrders', { days: 10, amount: formatMoney(data.largeOrderAmount) })} data-testid="large-orders">
            <Table size="small" rowKey="id" pagination={false} dataSource={data.largeOrders ?? []} scroll={{ x: 700 }}
              columns={[
                { title: t('order.number'), render: (_, o) => <Link to={`/orders/${o.id}`}>{o.number}</Link> },
                { title: t('order.account'), render: (_, o) => o.accountName ?? '—' },
                { title: t('order.total'), align: 'right', render: (_, o) => `${o.currency} ${formatMoney(o.total)}` },
                { title: t('order.signedOn'), render: (_, o) => formatDate(o.signedOn) },
                { title: t('order.owner'), render: (_, o) => `${o.ownerName ?? ''} · ${o.unitName ?? ''}` },
                { title: t('order.plan'), render: (_, o) => (o.overdueMilestones ? <Tag color="red">{t('order.overdueCount', { n: o.overdueMilestones })}</Tag> : null) },
              ]} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('home.byMonth')}><ReactECharts option={months} style={{ height: 280 }} notMerge /></Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('home.pipeline')}>
            {pipeline && data.pipeline!.length ? <ReactECharts option={pipeline} style={{ height: 280 }} notMerge /> : <Empty />}
          </Card>
        </Col>
      </Row>
    </>
  );
}
