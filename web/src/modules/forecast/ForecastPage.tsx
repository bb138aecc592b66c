import { useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Form, InputNumber, Modal, Popconfirm, Radio, Segmented, Table, TreeSelect } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import ReactECharts from 'echarts-for-react';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import { useSignedIn } from '../../app/auth/auth-context';
import { companyToday, formatMoney } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';
import { UserPicker } from '../org/users/UserPicker';

type Period = 'month' | 'quarter';
type By = 'owner' | 'unit';
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** Weighted and committed forecast per month or quarter by rep or unit against targets, and the targets themselves. */
export default function ForecastPage() {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const { message } = App.useApp();
  const report = useReportError();
  const [year, setYear] = useState<Dayjs>(companyToday().startOf('year'));
  const [period, setPeriod] = useState<Period>('month');
  const [by, setBy] = useState<By>('owner');
  const [adding, setAdding] = useState(false);
  const from = year.format('YYYY-01-01');
  const to = year.format('YYYY-12-31');
  const fc = useApi(() => call(api.GET('/api/v1/reports/forecast', { params: { query: { from, to, period, by } } })), [from, period, by]);
  const targets = useApi(() => call(api.GET('/api/v1/sales-targets', { params: { query: { from, to } } })), [from]);
  const rows = fc.data?.rows ?? [];
  const buckets = [...new Set(rows.map((r) => r.periodStart))];
  const sumOf = (key: 'weighted' | 'committed' | 'won' | 'target') => buckets.map((b) => rows.filter((r) => r.periodStart === b).reduce((s, r) => s + Number(r[key] ?? 0), 0));
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('forecast.weighted'), t('forecast.committed'), t('forecast.won'), t('forecast.target')] },
    xAxis: { type: 'category', data: buckets },
    yAxis: { type: 'value' },
    series: [
      { name: t('forecast.weighted'), type: 'bar', data: sumOf('weighted') },
      { name: t('forecast.committed'), type: 'bar', data: sumOf('committed') },
      { name: t('forecast.won'), type: 'bar', data: sumOf('won') },
      { name: t('forecast.target'), type: 'line', data: sumOf('target') },
    ],
  };
  const remove = async (id: string) => {
    try {
      await call(api.DELETE('/api/v1/sales-targets/{id}', { params: { path: { id } } }));
      void message.success(t('common.deleted'));
      targets.reload();
      fc.reload();
    } catch (err) {
      report(err);
    }
  };
  return (
    <>
      <PageHeader title={t('forecast.title')}>
        <Flex wrap gap={12} align="center">
          <DatePicker picker="year" value={year} allowClear={false} onChange={(v) => v && setYear(v.startOf('year'))} />
          <Segmented<Period> value={period} onChange={setPeriod} options={(['month', 'quarter'] as const).map((p) => ({ value: p, label: t(`forecast.period.${p}`) }))} />
          <Segmented<By> value={by} onChange={setBy} options={(['owner', 'unit'] as const).map((b) => ({ value: b, label: t(`forecast.by.${b}`) }))} />
        </Flex>
      </PageHeader>
      <Card size="small" loading={fc.loading}>
        {buckets.length > 0 && <ReactECharts option={option} style={{ height: 280 }} notMerge />}
        <Table
          size="small"
          rowKey={(r) => `${r.periodStart}|${r.key}`}
          pagination={false}
          dataSource={rows}
          scroll={{ x: 800 }}
          columns={[
            { title: t('forecast.periodStart'), dataIndex: 'periodStart' },
            { title: t('forecast.who'), dataIndex: 'label' },
            { title: t('forecast.pipeline'), align: 'right', render: (_, r) => formatMoney(r.pipeline) },
            { title: t('forecast.weighted'), align: 'right', render: (_, r) => formatMoney(r.weighted) },
            { title: t('forecast.committed'), align: 'right', render: (_, r) => formatMoney(r.committed) },
            { title: t('forecast.won'), align: 'right', render: (_, r) => formatMoney(r.won) },
            { title: t('forecast.target'), align: 'right', render: (_, r) => formatMoney(r.target) },
            { title: t('forecast.attainment'), align: 'right', render: (_, r) => pct(r.attainment) },
          ]}
        />
      </Card>
      {access.can('sales_target', 'read') && (
        <Card
          size="small"
          title={t('target.title')}
          style={{ marginTop: 16 }}
          extra={access.can('sales_target', 'create') && <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>{t('target.add')}</Button>}
        >
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            loading={targets.loading}
            dataSource={targets.data?.items ?? []}
            columns={[
              { title: t('forecast.periodStart'), render: (_, x) => `${x.periodStart} (${t(`forecast.period.${x.period}`)})` },
              { title: t('target.user'), render: (_, x) => x.userName ?? '—' },
              { title: t('target.unit'), dataIndex: 'unitName' },
              { title: t('target.amount'), align: 'right', render: (_, x) => formatMoney(x.amount) },
              {
                render: (_, x) => x.permissions.delete && (
                  <Popconfirm title={t('common.delete')} onConfirm={() => void remove(x.id)}><Button size="small" danger>{t('common.delete')}</Button></Popconfirm>
                ),
              },
            ]}
          />
        </Card>
      )}
      {adding && <TargetModal onClose={() => setAdding(false)} onSaved={() => { setAdding(false); targets.reload(); fc.reload(); }} />}
    </>
  );
}

interface TargetValues { kind: 'user' | 'unit'; userId?: string; unitId?: string; period: 'month' | 'quarter' | 'year'; start: Dayjs; amount: number }

function TargetModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const report = useReportError();
  const [form] = Form.useForm<TargetValues>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form) ?? 'user';
  const period = Form.useWatch('period', form) ?? 'month';
  const { data: units = [] } = useApi(async () => (await call(api.GET('/api/v1/org-units'))).items, []);
  interface UnitNode { value: string; title: string; children: UnitNode[] }
  const tree = (parentId: string | null): UnitNode[] =>
    units.filter((u) => u.parentId === parentId).map((u) => ({ value: u.id, title: u.name, children: tree(u.id) }));
  const submit = async (v: TargetValues) => {
    setSaving(true);
    try {
      const start = v.period === 'month' ? v.start.startOf('month') : v.period === 'quarter' ? v.start.month(Math.floor(v.start.month() / 3) * 3).startOf('month') : v.start.startOf('year');
      await call(api.POST('/api/v1/sales-targets', {
        body: { ...(v.kind === 'user' ? { userId: v.userId } : { unitId: v.unitId }), period: v.period, periodStart: start.format('YYYY-MM-DD'), amount: String(v.amount), currency: 'CNY' },
      }));
      onSaved();
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={t('target.add')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'user', period: 'month', start: dayjs() }} onFinish={(v) => void submit(v)}>
        <Form.Item name="kind" label={t('target.for')}>
          <Radio.Group options={[{ value: 'user', label: t('target.for.user') }, { value: 'unit', label: t('target.for.unit') }]} />
        </Form.Item>
        {kind === 'user' ? (
          <Form.Item name="userId" label={t('target.user')} rules={[{ required: true }]}><UserPicker /></Form.Item>
        ) : (
          <Form.Item name="unitId" label={t('target.unit')} rules={[{ required: true }]}><TreeSelect treeData={tree(null)} treeDefaultExpandAll /></Form.Item>
        )}
        <Form.Item name="period" label={t('forecast.period')}>
          <Radio.Group options={(['month', 'quarter', 'year'] as const).map((p) => ({ value: p, label: t(`forecast.period.${p}`) }))} />
        </Form.Item>
        <Form.Item name="start" label={t('forecast.periodStart')} rules={[{ required: true }]}>
          <DatePicker picker={period === 'month' ? 'month' : period === 'quarter' ? 'quarter' : 'year'} />
        </Form.Item>
        <Form.Item name="amount" label={t('target.amount')} rules={[{ required: true }]}><InputNumber min={0} precision={2} style={{ width: '100%' }} /></Form.Item>
      </Form>
    </Modal>
  );
}
