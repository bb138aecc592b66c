import { Flex, Typography } from 'antd';
import type { Account, AccountType } from '../../../app/api/schemas';
import { useT } from '../../../app/i18n/i18n-context';
import { AccountBadges, TagList } from '../AccountBadges';

/** Under the account's name: short name, type and tier, owner and unit, tags. */
export function AccountHeader({ account: a, types }: { account: Account; types: AccountType[] }) {
  const t = useT();
  return (
    <Flex vertical gap={8} data-testid="account-header">
      <Flex wrap gap={8} align="center">
        {a.shortName && <Typography.Text type="secondary">{a.shortName}</Typography.Text>}
        <AccountBadges type={a.type} tier={a.tier} types={types} />
      </Flex>
      <Flex wrap gap={16}>
        <Typography.Text>
          <Typography.Text type="secondary">{t('account.owner')}：</Typography.Text>
          {a.ownerName ?? '—'}
        </Typography.Text>
        <Typography.Text>
          <Typography.Text type="secondary">{t('account.unit')}：</Typography.Text>
          {a.unitName ?? '—'}
        </Typography.Text>
        {a.regionName && (
          <Typography.Text>
            <Typography.Text type="secondary">{t('account.region')}：</Typography.Text>
            {a.regionName}
          </Typography.Text>
        )}
      </Flex>
      {a.tags.length > 0 && <TagList tags={a.tags} />}
    </Flex>
  );
}
