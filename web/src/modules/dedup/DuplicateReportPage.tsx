import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Checkbox, Empty, Flex, List, Segmented, Spin, Tag, Typography } from 'antd';
import { MergeCellsOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useT } from '../../app/i18n/i18n-context';
import { hasMessage } from '../../app/i18n/translate';
import { PageHeader } from '../../app/shell/PageHeader';
import type { DuplicateGroup } from './dedup-api';
import { ReportRunStatus } from './ReportRunStatus';

const PAGE_SIZE = 30;

/** One group: its accounts to tick (two or more go to the merge page), the reasons that link them. */
function GroupCard({ group, index }: { group: DuplicateGroup; index: number }) {
  const t = useT();
  const navigate = useNavigate();
  const [picked, setPicked] = useState<string[]>(() => group.accounts.map((a) => a.id));
  const kinds = [...new Set(group.links.flatMap((l) => l.reasons.filter((r) => r.score > 0).map((r) => r.kind)))];
  return (
    <Card
      size="small"
      data-testid="duplicate-group"
      title={
        <Flex gap={8} align="center" wrap>
          <span>#{index + 1}</span>
          <Tag color={group.score >= 0.9 ? 'red' : 'gold'}>{t('dup.score', { score: Math.round(group.score * 100) })}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dup.report.size', { size: group.size })}</Typography.Text>
        </Flex>
      }
      extra={
        <Button
          size="small"
          type="primary"
          icon={<MergeCellsOutlined />}
          disabled={picked.length < 2}
          title={picked.length < 2 ? t('dup.report.pick') : undefined}
          onClick={() => navigate(`/accounts/merge?ids=${picked.join(',')}`)}
        >
          {t('dup.report.merge')}
        </Button>
      }
    >
      <Checkbox.Group value={picked} onChange={(v) => setPicked(v as string[])} style={{ display: 'block' }}>
        <Flex vertical gap={6}>
          {group.accounts.map((a) => (
            <Checkbox key={a.id} value={a.id}>
              <Link to={`/accounts/${a.id}`} onClick={(e) => e.stopPropagation()}>
                {a.name}
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                {[a.ownerName, a.unitName].filter(Boolean).join(' · ')}
              </Typography.Text>
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      <Flex wrap gap={4} style={{ marginTop: 8 }}>
        {kinds.map((k) => {
          const key = `dup.reason.${k}`;
          return <Tag key={k}>{hasMessage(key) ? t(key) : k}</Tag>;
        })}
      </Flex>
    </Card>
  );
}

/** The administrators' report of likely duplicate groups across the company, from the latest computed run. */
export default function DuplicateReportPage() {
  const t = useT();
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<'score' | 'size'>('score');
  const [tick, setTick] = useState(0);
  const { data } = useApi(
    () => call(api.GET('/api/v1/duplicates/report', { params: { query: { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, sort } } })),
    [page, sort, tick],
  );
  const status = useMemo(() => data && { latest: data.latest, active: data.active, failed: data.failed }, [data]);
  return (
    <>
      <PageHeader title={t('dup.report.title')}>
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>{t('dup.report.text')}</Typography.Text>
        {status && <ReportRunStatus initial={status} onFinished={() => { setPage(1); setTick((n) => n + 1); }} />}
      </PageHeader>
      {!data ? (
        <Spin />
      ) : (
        <>
          <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
            <Typography.Text>{t('dup.report.total', { total: data.total })}</Typography.Text>
            <Segmented
              size="small"
              value={sort}
              onChange={(v) => { setSort(v as 'score' | 'size'); setPage(1); }}
              options={[{ value: 'score', label: t('dup.report.sort.score') }, { value: 'size', label: t('dup.report.sort.size') }]}
              data-testid="duplicate-sort"
            />
          </Flex>
          {!data.groups.length ? (
            <Empty description={data.latest ? t('common.noResults') : t('dup.report.never')} />
          ) : (
            <List
              grid={{ gutter: 12, xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
              dataSource={data.groups}
              rowKey="groupNo"
              pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false, size: 'small', hideOnSinglePage: true }}
              renderItem={(group, i) => (
                <List.Item>
                  <GroupCard group={group} index={(page - 1) * PAGE_SIZE + i} />
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </>
  );
}
