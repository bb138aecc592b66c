import { useState } from 'react';
import { Card, DatePicker, Flex, Segmented, Table } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { formatMoney } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';

type Grouping = 'none' | 'order' | 'account' | 'owner' | 'unit';

/** Receivables ageing (not due, 0-30, 31-60, 61-90, 90+ days) in total or per order, customer, rep or unit. */
export default function ReceivablesPage() {
  const { t } = useI18n();
  const [groupBy, setGroupBy] = useState<Grouping>('account');
  const [asOf, setAsOf] = useState(dayjs());
  const total = useApi(() => call(api.GET('/api/v1/receivables/ageing', { params: { query: { groupBy: 'none', asOf: asOf.format('YYYY-MM-DD') } } })), [asOf.format('YYYY-MM-DD')]);
  const rows = useApi(() => call(api.GET('/api/v1/receivables/ageing', { params: { query: { groupBy, asOf: asOf.format('YYYY-MM-DD'), limit: 200 } } })), [groupBy, asOf.format('YYYY-MM-DD')]);
  type Row = NonNullable<typeof rows.data>['rows'][number];
  const money = (k: keyof Row) => ({ title: '', align: 'right' as const, render: (_: unknown, r: Row) => formatMoney(r[k] as string) });
  const columns = [
    { title: t(`receivables.group.${groupBy}`), render: (_: unknown, r: Row) => (groupBy === 'order' && r.id ? <Link to={`/orders/${r.id}`}>{r.label}</Link> : groupBy === 'account' && r.id ? <Link to={`/accounts/${r.id}`}>{r.label ?? '—'}</Link> : (r.label ?? t('receivables.group.none'))) },
    { ...money('notDue'), title: t('receivables.notDue') },
    { ...money('d0_30'), title: '0-30' },
    { ...money('d31_60'), title: '31-60' },
    { ...money('d61_90'), title: '61-90' },
    { ...money('d90plus'), title: '90+' },
    { ...money('outstanding'), title: t('receivables.outstanding') },
  ];
  return (
    <>
      <PageHeader title={t('receivables.ageing')}>
        <Flex wrap gap={8} align="center">
          <Segmented value={groupBy} onChange={(v) => setGroupBy(v as Grouping)}
            options={(['account', 'order', 'owner', 'unit'] as const).map((g) => ({ value: g, label: t(`receivables.group.${g}`) }))} />
          <span>{t('receivables.asOf')}</span>
          <DatePicker value={asOf} allowClear={false} onChange={(d) => d && setAsOf(d)} />
        </Flex>
      </PageHeader>
      <Card>
        <Table size="small" rowKey={(r) => r.id ?? 'total'} pagination={false} loading={rows.loading} dataSource={rows.data?.rows ?? []} columns={columns} scroll={{ x: 800 }}
          summary={() => total.data?.rows[0] && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}><b>{t('receivables.group.none')}</b></Table.Summary.Cell>
              {(['notDue', 'd0_30', 'd31_60', 'd61_90', 'd90plus', 'outstanding'] as const).map((k, i) => (
                <Table.Summary.Cell key={k} index={i + 1} align="right"><b data-testid={`ageing-total-${k}`}>{formatMoney(total.data!.rows[0][k])}</b></Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )} />
      </Card>
    </>
  );
}
