import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Empty, Flex, Input, Select, Spin, Table, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useReportError } from '../../app/api/report-error';
import { useCursorList } from '../../app/api/use-cursor-list';
import { useSignedIn } from '../../app/auth/auth-context';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { PageHeader } from '../../app/shell/PageHeader';
import { AccountBadges } from '../accounts/AccountBadges';
import { useAccountTypes } from '../accounts/use-account-types';
import { AssignModal } from './AssignModal';
import { assignFromPool, claimFromPool, usePoolSummary, type PoolItem } from './pool-api';
import { PoolCap } from './PoolCap';

const tiers = ['A', 'B', 'C'] as const;

/** Text typed in a filter box reaches the query once typing pauses. */
function useDebounced<T>(value: T, ms = 300): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

/**
 * The public pool (公海): customers nobody holds, in the pools of the units the user sees. A rep
 * claims one within their cap (shown at the top); a manager may hand one to someone they manage.
 */
export default function PoolPage() {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const { message } = App.useApp();
  const report = useReportError();
  const isMobile = useIsMobile();
  const [unitId, setUnitId] = useState<string>();
  const [text, setText] = useState('');
  const [tier, setTier] = useState<(typeof tiers)[number]>();
  const [busy, setBusy] = useState<string>();
  const [assigning, setAssigning] = useState<PoolItem>();
  const q = useDebounced(text.trim());
  const { data: summary, reload: reloadSummary } = usePoolSummary();
  const { data: types = [] } = useAccountTypes();
  const list = useCursorList(
    (cursor) => call(api.GET('/api/v1/pool', { params: { query: { unitId, q: q || undefined, tier, cursor, limit: 50 } } })),
    [unitId, q, tier],
  );
  const canClaim = access.can('account', 'update');
  const canAssign = access.can('account', 'assign');

  const claim = async (item: PoolItem) => {
    setBusy(item.id);
    try {
      await claimFromPool(item.id);
      void message.success(t('pool.claimed', { name: item.name }));
    } catch (err) {
      report(err);
    } finally {
      setBusy(undefined);
      list.reload();
      reloadSummary();
    }
  };

  const actions = (item: PoolItem) => (
    <Flex gap={4} wrap>
      {canClaim && (
        <Button size="small" type="primary" loading={busy === item.id} onClick={() => void claim(item)} data-testid="pool-claim">
          {t('pool.claim')}
        </Button>
      )}
      {canAssign && (
        <Button size="small" onClick={() => setAssigning(item)}>
          {t('pool.assign')}
        </Button>
      )}
    </Flex>
  );

  const name = (item: PoolItem) =>
    // A rep sees pool customers only here: the account page opens for whoever may read it anyway.
    access.scope('account') === 'own' ? (
      <Typography.Text strong>{item.name}</Typography.Text>
    ) : (
      <Link to={`/accounts/${item.id}`}>
        <Typography.Text strong>{item.name}</Typography.Text>
      </Link>
    );

  return (
    <>
      <PageHeader
        title={t('pool.title')}
        extra={
          <>
            <PoolCap summary={summary} />
            {access.has('pool.rules.manage') && (
              <Link to="/pool/rules">
                <Button icon={<SettingOutlined />}>{t('pool.rules')}</Button>
              </Link>
            )}
          </>
        }
      />
      <Card size={isMobile ? 'small' : 'default'}>
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Select
            aria-label={t('pool.unit')}
            style={{ width: isMobile ? '100%' : 220 }}
            value={unitId ?? ''}
            onChange={(v: string) => setUnitId(v || undefined)}
            options={[
              { value: '', label: t('pool.unit.all') },
              ...(summary?.units ?? []).map((u) => ({ value: u.id, label: `${'\u3000'.repeat(Math.max(0, u.depth - 1))}${u.name}` })),
            ]}
          />
          <Input.Search
            allowClear
            aria-label={t('pool.search')}
            placeholder={t('pool.search')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            style={{ width: isMobile ? '100%' : 240 }}
          />
          <Select
            allowClear
            aria-label={t('pool.tier')}
            placeholder={t('pool.tier')}
            style={{ width: isMobile ? '100%' : 120 }}
            value={tier}
            onChange={setTier}
            options={tiers.map((x) => ({ value: x, label: t('account.tier.value', { tier: x }) }))}
          />
        </Flex>
        {isMobile ? (
          <Flex vertical gap={8}>
            {list.items.map((item) => (
              <Card size="small" key={item.id} data-testid="pool-card">
                {name(item)}
                {item.shortName && <Typography.Text type="secondary"> {item.shortName}</Typography.Text>}
                <div style={{ marginTop: 6 }}>
                  <AccountBadges type={item.type} tier={item.tier} types={types} />
                </div>
                <Typography.Text type="secondary" style={{ display: 'block', margin: '6px 0' }}>
                  {[item.unitName, `${t('pool.lastActivity')}: ${formatDate(item.lastActivityAt)}`].filter(Boolean).join(' · ')}
                </Typography.Text>
                {actions(item)}
              </Card>
            ))}
            {list.loading && <Spin />}
            {!list.loading && !list.items.length && <Empty description={t('common.noResults')} />}
          </Flex>
        ) : (
          <Table<PoolItem>
            rowKey="id"
            size="middle"
            loading={list.loading}
            dataSource={list.items}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'name', title: t('account.name'), render: (_, item) => <>{name(item)}{item.shortName && <Typography.Text type="secondary"> {item.shortName}</Typography.Text>}</> },
              { key: 'badges', title: t('account.type'), render: (_, item) => <AccountBadges type={item.type} tier={item.tier} types={types} /> },
              { key: 'unit', title: t('pool.unit'), dataIndex: 'unitName' },
              { key: 'last', title: t('pool.lastActivity'), render: (_, item) => formatDate(item.lastActivityAt) },
              { key: 'since', title: t('pool.inPoolSince'), render: (_, item) => formatDate(item.inPoolSince) },
              { key: 'actions', title: '', render: (_, item) => actions(item) },
            ]}
          />
        )}
        {list.hasMore && (
          <Flex justify="center" style={{ marginTop: 12 }}>
            <Button onClick={list.loadMore} loading={list.loading}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        )}
      </Card>
      {assigning && (
        <AssignModal
          name={assigning.name}
          assign={(userId) => assignFromPool(assigning.id, userId)}
          onClose={() => setAssigning(undefined)}
          onDone={() => {
            setAssigning(undefined);
            void message.success(t('pool.assigned'));
            list.reload();
          }}
        />
      )}
    </>
  );
}
