import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Checkbox, Empty, Flex, List, Spin, Tag, Typography } from 'antd';
import { MergeCellsOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useT } from '../../app/i18n/i18n-context';
import { hasMessage } from '../../app/i18n/translate';
import { PageHeader } from '../../app/shell/PageHeader';
import type { DuplicateGroup } from './dedup-api';

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

/** The administrators' report of likely duplicate groups across the whole company. */
export default function DuplicateReportPage() {
  const t = useT();
  const [tick, setTick] = useState(0);
  const { data, loading } = useApi(() => call(api.GET('/api/v1/duplicates/report', { params: { query: { limit: 500 } } })), [tick]);
  return (
    <>
      <PageHeader
        title={t('dup.report.title')}
        extra={
          <Button icon={<ReloadOutlined />} loading={loading} onClick={() => setTick((n) => n + 1)}>
            {t('dup.report.refresh')}
          </Button>
        }
      >
        <Typography.Text type="secondary">{t('dup.report.text')}</Typography.Text>
        {data && (
          <Typography.Text type="secondary" style={{ display: 'block' }} data-testid="duplicate-stats">
            {t('dup.report.groups', { groups: data.totalGroups, accounts: data.stats.accounts, ms: data.stats.loadMs + data.stats.matchMs })}
          </Typography.Text>
        )}
      </PageHeader>
      {!data ? (
        <Spin />
      ) : !data.groups.length ? (
        <Empty description={t('common.noResults')} />
      ) : (
        <List
          grid={{ gutter: 12, xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
          dataSource={data.groups}
          pagination={{ pageSize: 30, hideOnSinglePage: true, size: 'small' }}
          renderItem={(group, i) => (
            <List.Item>
              <GroupCard group={group} index={i} />
            </List.Item>
          )}
        />
      )}
    </>
  );
}
