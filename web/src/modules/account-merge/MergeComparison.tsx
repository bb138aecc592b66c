import type { ReactNode } from 'react';
import { Radio, Table, Tag, Typography } from 'antd';
import type { Account, AccountType } from '../../app/api/schemas';
import { formatMoney, formatPhone } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import type { MessageKey } from '../../app/i18n/translate';
import { typeLabel } from '../accounts/use-account-types';
import type { ChoosableField } from './merge-api';
import { choosableFields } from './merge-api';

const labels: Record<ChoosableField | 'phones' | 'emails' | 'tags' | 'formerNames', MessageKey> = {
  name: 'account.name',
  shortName: 'account.shortName',
  englishName: 'account.englishName',
  kind: 'account.kind',
  creditCode: 'account.creditCode',
  type: 'account.type',
  tier: 'account.tier',
  industry: 'account.industry',
  source: 'account.source',
  address: 'account.address',
  website: 'account.website',
  creditLimit: 'account.creditLimit',
  phones: 'account.phones',
  emails: 'account.emails',
  tags: 'account.tags',
  formerNames: 'merge.formerNames',
};
const unionFields = ['phones', 'emails', 'tags', 'formerNames'] as const;

interface Row {
  key: string;
  field: ChoosableField | (typeof unionFields)[number];
  union: boolean;
}

/**
 * The accounts side by side: a column per account (its header chooses the survivor), a row per
 * field with a radio button in each cell for the value to keep. Phones, e-mails, tags and former
 * names are united, so their rows have no choice.
 */
export function MergeComparison({ accounts, survivorId, choices, types, onSurvivor, onChoose }: {
  accounts: Account[];
  survivorId: string;
  choices: Record<ChoosableField, string>;
  types: AccountType[];
  onSurvivor: (id: string) => void;
  onChoose: (field: ChoosableField, id: string) => void;
}) {
  const { t, locale } = useI18n();
  const show = (a: Account, field: Row['field']): ReactNode => {
    const dash = <Typography.Text type="secondary">—</Typography.Text>;
    switch (field) {
      case 'kind': return t(a.kind === 'person' ? 'account.kind.person' : 'account.kind.company');
      case 'type': return typeLabel(types, a.type, locale) ?? dash;
      case 'tier': return a.tier ? t('account.tier.value', { tier: a.tier }) : dash;
      case 'address': return [a.regionName, a.address].filter(Boolean).join(' ') || dash;
      case 'creditLimit': return a.creditLimit ? formatMoney(a.creditLimit) : dash;
      case 'phones': return a.phones?.length ? a.phones.map(formatPhone).join('、') : dash;
      case 'emails': return a.emails?.length ? a.emails.join('、') : dash;
      case 'tags': return a.tags.length ? a.tags.map((x) => <Tag key={x}>{x}</Tag>) : dash;
      case 'formerNames': return a.formerNames.length ? a.formerNames.join('、') : dash;
      default: return (a[field] as string | null) || dash;
    }
  };
  const rows: Row[] = [
    ...choosableFields.map((field) => ({ key: field, field, union: false })),
    ...unionFields.map((field) => ({ key: field, field, union: true })),
  ];
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      data-testid="merge-comparison"
      columns={[
        {
          key: 'field',
          title: t('merge.field'),
          fixed: 'left',
          width: 140,
          render: (_, r) => (
            <>
              {t(labels[r.field])}
              {r.union && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('merge.union')}</Typography.Text>}
            </>
          ),
        },
        ...accounts.map((a) => ({
          key: a.id,
          title: (
            <Radio checked={a.id === survivorId} onChange={() => onSurvivor(a.id)} data-testid={`merge-keep-${a.id}`}>
              <Typography.Text strong>{a.name}</Typography.Text>{' '}
              <Tag color={a.id === survivorId ? 'green' : 'default'}>{t(a.id === survivorId ? 'merge.survivor' : 'merge.mergedAway')}</Tag>
            </Radio>
          ),
          render: (_: unknown, r: Row) =>
            r.union ? (
              show(a, r.field)
            ) : (
              <Radio
                checked={choices[r.field as ChoosableField] === a.id}
                onChange={() => onChoose(r.field as ChoosableField, a.id)}
                data-testid={`merge-pick-${r.field}-${a.id}`}
              >
                {show(a, r.field)}
              </Radio>
            ),
        })),
      ]}
    />
  );
}
