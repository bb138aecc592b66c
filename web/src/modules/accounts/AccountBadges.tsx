import { Flex, Tag } from 'antd';
import type { AccountType } from '../../app/api/schemas';
import { useI18n } from '../../app/i18n/i18n-context';
import { typeLabel } from './use-account-types';

const tierColors: Record<string, string> = { A: 'gold', B: 'blue', C: 'default' };

export function TierTag({ tier }: { tier: string | null | undefined }) {
  const { t } = useI18n();
  if (!tier) return null;
  return <Tag color={tierColors[tier]}>{t('account.tier.value', { tier })}</Tag>;
}

/** Type and tier side by side, as the list, the cards and the account header show them. */
export function AccountBadges({ type, tier, types }: { type: string | null | undefined; tier: string | null | undefined; types: AccountType[] }) {
  const { locale } = useI18n();
  const label = typeLabel(types, type, locale);
  if (!label && !tier) return null;
  return (
    <Flex wrap gap={4}>
      {label && <Tag color="cyan" style={{ marginInlineEnd: 0 }}>{label}</Tag>}
      <TierTag tier={tier} />
    </Flex>
  );
}

export function TagList({ tags }: { tags: string[] | undefined }) {
  if (!tags?.length) return <>—</>;
  return (
    <Flex wrap gap={4}>
      {tags.map((tag) => (
        <Tag key={tag} style={{ marginInlineEnd: 0 }}>
          {tag}
        </Tag>
      ))}
    </Flex>
  );
}
