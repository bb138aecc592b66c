import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { AppstoreOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useCursorList } from '../../app/api/use-cursor-list';
import { formatDate, formatMoney } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { PageHeader } from '../../app/shell/PageHeader';
import { usePipelines } from '../pipelines/pipelines-api';
import type { OpportunityRow } from './opportunities-api';

type Status = 'open' | 'won' | 'lost';
const statusColor = { open: 'blue', won: 'green', lost: 'red' } as const;

/** Every deal the user may see, filtered by status, pipeline and name; sorted by close date or amount. */
export default function OpportunityListPage() {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [status, setStatus] = useState<Status | ''>('open');
  const [pipelineId, setPipelineId] = useState<string>();
  const [text, setText] = useState('');
  const [sort, setSort] = useState<'updatedAt' | 'expectedCloseDate' | 'amount'>('updatedAt');
  const { data: pipelines } = usePipelines();
  const list = useCursorList(
    (cursor) => call(api.GET('/api/v1/opportunities', {
      params: { query: { status: status || undefined, pipelineId, q: text.trim() || undefined, sort, order: sort === 'expectedCloseDate' ? 'asc' : 'desc', cursor, limit: 50 } },
    })),
    [status, pipelineId, text, sort],
  );
  return (
    <>
      <PageHeader title={t('opp.list.title')} extra={<Link to="/opportunities/board"><Button icon={<AppstoreOutlined />}>{t('opp.view.board')}</Button></Link>} />
      <Card size={isMobile ? 'small' : 'default'}>
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Select<Status | ''>
            aria-label={t('opp.status')}
            style={{ width: 140 }}
            value={status}
            onChange={setStatus}
            options={[{ value: '', label: '—' }, ...(['open', 'won', 'lost'] as const).map((s) => ({ value: s, label: t(`opp.status.${s}`) }))]}
          />
          <Select allowClear aria-label={t('opp.pipeline')} placeholder={t('opp.pipeline')} style={{ width: 180 }} value={pipelineId} onChange={setPipelineId}
            options={(pipelines ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          <Input.Search allowClear placeholder={t('opp.name')} style={{ width: 220 }} onSearch={setText} />
          <Select aria-label="sort" style={{ width: 160 }} value={sort} onChange={setSort}
            options={[{ value: 'updatedAt', label: t('common.updatedAt') }, { value: 'expectedCloseDate', label: t('opp.expectedCloseDate') }, { value: 'amount', label: t('opp.amount') }]} />
        </Flex>
        <Table<OpportunityRow>
          size="small"
          rowKey={(r) => r.id!}
          loading={list.loading}
          pagination={false}
          dataSource={list.items}
          scroll={{ x: 900 }}
          columns={[
            { title: t('opp.name'), render: (_, r) => <Link to={`/opportunities/${r.id}`}>{r.name}</Link> },
            { title: t('opp.account'), render: (_, r) => (r.accountId ? <Link to={`/accounts/${r.accountId}`}>{r.accountName ?? '—'}</Link> : '—') },
            { title: t('opp.stage'), render: (_, r) => <Tag color={statusColor[r.status ?? 'open']}>{r.stageName}</Tag> },
            { title: t('opp.amount'), align: 'right', render: (_, r) => formatMoney(r.amount) },
            { title: t('opp.probability'), align: 'right', render: (_, r) => `${r.probability}%` },
            { title: t('opp.expectedCloseDate'), render: (_, r) => <Typography.Text type={r.overdue ? 'danger' : undefined}>{formatDate(r.expectedCloseDate)}</Typography.Text> },
            { title: t('opp.owner'), dataIndex: 'ownerName' },
          ]}
        />
        {list.hasMore && <Button block style={{ marginTop: 8 }} onClick={list.loadMore}>{t('common.loadMore')}</Button>}
      </Card>
    </>
  );
}
