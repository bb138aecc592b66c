import type { ReactNode } from 'react';
import { Descriptions, Typography } from 'antd';
import type { Account, AccountType, CustomField } from '../../../app/api/schemas';
import { formatDateTime, formatMoney, formatPhone } from '../../../app/format';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../app/responsive';
import { CustomFieldsDescriptions } from '../../custom-fields/CustomFieldsDescriptions';
import { TagList, TierTag } from '../AccountBadges';
import { typeLabel } from '../use-account-types';

const orDash = (v: string | null | undefined) => v || '—';
const website = (url: string) => (/^https?:\/\//i.test(url) ? url : `https://${url}`);

/** Every static field of an account, then its custom fields in the sections the administrator defined. */
export function AccountDetails({ account: a, types, defs }: { account: Account; types: AccountType[]; defs: CustomField[] }) {
  const { t, locale } = useI18n();
  const columns = useIsMobile() ? 1 : 2;
  // A field the reader's role hides is absent from the record: it is left out, not shown empty.
  const present = (value: unknown, item: { key: string; label: string; children: ReactNode }) => (value === undefined ? [] : [item]);
  return (
    <>
      <Descriptions
        size="small"
        column={columns}
        items={[
          { key: 'kind', label: t('account.kind'), children: t(a.kind === 'person' ? 'account.kind.person' : 'account.kind.company') },
          { key: 'name', label: t('account.name'), children: a.name },
          { key: 'shortName', label: t('account.shortName'), children: orDash(a.shortName) },
          { key: 'englishName', label: t('account.englishName'), children: orDash(a.englishName) },
          { key: 'formerNames', label: t('account.formerNames'), children: a.formerNames.length ? a.formerNames.join('、') : '—' },
          { key: 'type', label: t('account.type'), children: orDash(typeLabel(types, a.type, locale)) },
          { key: 'tier', label: t('account.tier'), children: a.tier ? <TierTag tier={a.tier} /> : '—' },
          { key: 'industry', label: t('account.industry'), children: orDash(a.industry) },
          { key: 'source', label: t('account.source'), children: orDash(a.source) },
          { key: 'tags', label: t('account.tags'), children: <TagList tags={a.tags} /> },
        ]}
      />
      <Descriptions
        title={t('account.section.registration')}
        size="small"
        column={columns}
        style={{ marginTop: 16 }}
        items={[
          {
            key: 'creditCode',
            label: t('account.creditCode'),
            children: a.creditCode ? <Typography.Text copyable style={{ fontFamily: 'monospace' }}>{a.creditCode}</Typography.Text> : '—',
          },
          { key: 'region', label: t('account.region'), children: orDash(a.regionName) },
          { key: 'address', label: t('account.address'), children: orDash(a.address) },
          ...present(a.phones, { key: 'phones', label: t('account.phones'), children: a.phones?.length ? a.phones.map(formatPhone).join('，') : '—' }),
          ...present(a.emails, {
            key: 'emails',
            label: t('account.emails'),
            children: a.emails?.length ? a.emails.map((e) => <div key={e}>{e.includes('*') ? e : <Typography.Link href={`mailto:${e}`}>{e}</Typography.Link>}</div>) : '—',
          }),
          {
            key: 'website',
            label: t('account.website'),
            children: a.website ? <Typography.Link href={website(a.website)} target="_blank" rel="noreferrer">{a.website}</Typography.Link> : '—',
          },
          ...present(a.creditLimit, { key: 'creditLimit', label: t('account.creditLimit'), children: formatMoney(a.creditLimit) }),
          { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(a.createdAt) },
          { key: 'updatedAt', label: t('common.updatedAt'), children: formatDateTime(a.updatedAt) },
        ]}
      />
      <CustomFieldsDescriptions defs={defs} values={a.custom} columns={columns} />
    </>
  );
}
