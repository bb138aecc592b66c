import type { ReactNode } from 'react';
import type { AccountRow, AccountType, CustomField } from '../../../app/api/schemas';
import { formatDateTime, formatMoney, formatPhone } from '../../../app/format';
import type { Locale } from '../../../app/i18n/locale';
import type { Translate } from '../../../app/i18n/translate';
import { CustomFieldValue } from '../../custom-fields/CustomFieldValue';
import { typeTraits } from '../../custom-fields/field-types';
import { localized } from '../../custom-fields/localized';
import { TagList, TierTag } from '../AccountBadges';
import { typeLabel } from '../use-account-types';

/** A column the user may show beside the name. */
export interface AccountColumn {
  /** stored in saved views: a field name, or custom.<key> */
  key: string;
  title: string;
  /** what the column needs from the list endpoint (`fields=`) */
  fields: string[];
  /** the endpoint's sort value, for columns the list can be sorted by */
  sortField?: string;
  render: (a: AccountRow) => ReactNode;
}

/** What a new user sees before choosing columns or a view. */
export const defaultColumns = ['type', 'tier', 'region', 'owner', 'unit', 'tags', 'lastActivityAt', 'updatedAt'];

const list = (values: string[] | undefined) => (values?.length ? values.join(', ') : '—');

/** Every column of the accounts list: built-in fields first, then the custom fields in form order. */
export function accountColumns(t: Translate, locale: Locale, types: AccountType[], defs: CustomField[]): AccountColumn[] {
  const text = (key: string, title: string, value: (a: AccountRow) => string | null | undefined): AccountColumn => ({
    key,
    title,
    fields: [key],
    render: (a) => value(a) || '—',
  });
  const builtIn: AccountColumn[] = [
    { key: 'type', title: t('account.type'), fields: ['type'], render: (a) => typeLabel(types, a.type, locale) ?? '—' },
    { key: 'tier', title: t('account.tier'), fields: ['tier'], render: (a) => (a.tier ? <TierTag tier={a.tier} /> : '—') },
    text('industry', t('account.industry'), (a) => a.industry),
    { key: 'region', title: t('account.region'), fields: ['regionName'], render: (a) => a.regionName ?? '—' },
    text('address', t('account.address'), (a) => a.address),
    { key: 'phones', title: t('account.phones'), fields: ['phones'], render: (a) => list(a.phones?.map(formatPhone)) },
    { key: 'emails', title: t('account.emails'), fields: ['emails'], render: (a) => list(a.emails) },
    text('website', t('account.website'), (a) => a.website),
    text('creditCode', t('account.creditCode'), (a) => a.creditCode),
    text('source', t('account.source'), (a) => a.source),
    { key: 'tags', title: t('account.tags'), fields: ['tags'], render: (a) => <TagList tags={a.tags} /> },
    { key: 'creditLimit', title: t('account.creditLimit'), fields: ['creditLimit'], render: (a) => formatMoney(a.creditLimit) },
    { key: 'owner', title: t('account.owner'), fields: ['ownerName'], render: (a) => a.ownerName ?? '—' },
    { key: 'unit', title: t('account.unit'), fields: ['unitName'], render: (a) => a.unitName ?? '—' },
    { key: 'createdAt', title: t('common.createdAt'), fields: ['createdAt'], sortField: 'createdAt', render: (a) => formatDateTime(a.createdAt) },
    { key: 'updatedAt', title: t('common.updatedAt'), fields: ['updatedAt'], sortField: 'updatedAt', render: (a) => formatDateTime(a.updatedAt) },
    { key: 'lastActivityAt', title: t('account.lastActivityAt'), fields: ['lastActivityAt'], sortField: 'lastActivityAt', render: (a) => formatDateTime(a.lastActivityAt) },
  ];
  const custom = defs
    .filter((d) => !d.archived)
    .map((def): AccountColumn => ({
      key: `custom.${def.key}`,
      title: localized(def.label, locale),
      fields: ['custom'],
      sortField: typeTraits[def.type].sort ? `custom.${def.key}` : undefined,
      render: (a) => <CustomFieldValue def={def} value={a.custom?.[def.key]} />,
    }));
  return [...builtIn, ...custom];
}

/** The columns to show, in the chosen order, skipping any whose field is gone. */
export function visibleColumns(all: AccountColumn[], chosen: string[] | undefined): AccountColumn[] {
  return (chosen ?? defaultColumns).flatMap((key) => all.find((c) => c.key === key) ?? []);
}

/** `fields=` for the visible columns, plus what every row shows (name, short name) and what bulk actions need. */
export const fieldsFor = (columns: AccountColumn[]) => [...new Set(['name', 'shortName', ...columns.flatMap((c) => c.fields)])];
