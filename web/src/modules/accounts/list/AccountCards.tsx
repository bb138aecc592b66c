import { Link } from 'react-router';
import { Card, Empty, Flex, Spin, Typography } from 'antd';
import type { AccountRow, AccountType } from '../../../app/api/schemas';
import { useT } from '../../../app/i18n/i18n-context';
import { AccountBadges, TagList } from '../AccountBadges';

/** The fields a card shows, asked for on a phone instead of the table's columns. */
export const cardFields = ['name', 'shortName', 'type', 'tier', 'regionName', 'ownerName', 'unitName', 'tags'];

/** On a phone each account is a card: name, type and tier, where, whose, tags. */
export function AccountCards({ items, types, loading }: { items: AccountRow[]; types: AccountType[]; loading: boolean }) {
  const t = useT();
  return (
    <Flex vertical gap={8}>
      {items.map((a) => (
        <Link key={a.id} to={`/accounts/${a.id}`}>
          <Card size="small" data-testid="account-card" hoverable>
            <Typography.Text strong>{a.name}</Typography.Text>
            {a.shortName && <Typography.Text type="secondary"> {a.shortName}</Typography.Text>}
            <div style={{ marginTop: 6 }}>
              <AccountBadges type={a.type} tier={a.tier} types={types} />
            </div>
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
              {[a.regionName, a.ownerName && `${t('account.owner')}: ${a.ownerName}`, a.unitName].filter(Boolean).join(' · ') || '—'}
            </Typography.Text>
            {!!a.tags?.length && (
              <div style={{ marginTop: 6 }}>
                <TagList tags={a.tags} />
              </div>
            )}
          </Card>
        </Link>
      ))}
      {loading && <Spin />}
      {!loading && !items.length && <Empty description={t('common.noResults')} />}
    </Flex>
  );
}
