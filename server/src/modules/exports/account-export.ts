import type { Locale, Principal } from '../../platform/access/principal.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { listAccountTypes } from '../accounts/account-types/account-types.queries.ts';
import { presentAccount } from '../accounts/accounts.presenter.ts';
import { listAccounts } from '../accounts/accounts.queries.ts';
import type { AccountDto, ListAccountsQuery } from '../accounts/accounts.types.ts';
import { formatCustomValue, loadCustomFields, type FieldDefinition } from '../custom-fields/index.ts';
import { accountImportFields } from '../imports/targets/accounts.target.ts';

export const EXPORT_PAGE = 1000;

type Label = Record<Locale, string>;
interface Column {
  key: string;
  label: Label;
  value(a: AccountDto, ctx: { typeLabel(key: string | null): string; locale: Locale }): string;
}

const importLabel = (key: string): Label => accountImportFields.find((f) => f.key === key)!.label;
const list = (v: string[] | undefined, locale: Locale) => (v ?? []).join(locale === 'zh-CN' ? '、' : ', ');

/**
 * The columns of an account export. Headers are the import's field names, so an exported file
 * imports back with the suggested mapping unchanged (the round trip the tests make).
 */
export const accountColumns: Column[] = [
  { key: 'name', label: importLabel('name'), value: (a) => a.name },
  { key: 'shortName', label: importLabel('shortName'), value: (a) => a.shortName ?? '' },
  { key: 'englishName', label: importLabel('englishName'), value: (a) => a.englishName ?? '' },
  { key: 'creditCode', label: importLabel('creditCode'), value: (a) => a.creditCode ?? '' },
  { key: 'phones', label: importLabel('phones'), value: (a, c) => list(a.phones, c.locale) },
  { key: 'emails', label: importLabel('emails'), value: (a, c) => list(a.emails, c.locale) },
  { key: 'region', label: importLabel('region'), value: (a) => a.regionName ?? '' },
  { key: 'address', label: importLabel('address'), value: (a) => a.address ?? '' },
  { key: 'website', label: importLabel('website'), value: (a) => a.website ?? '' },
  { key: 'industry', label: importLabel('industry'), value: (a) => a.industry ?? '' },
  { key: 'type', label: importLabel('type'), value: (a, c) => c.typeLabel(a.type) },
  { key: 'tier', label: importLabel('tier'), value: (a) => a.tier ?? '' },
  { key: 'source', label: importLabel('source'), value: (a) => a.source ?? '' },
  { key: 'tags', label: importLabel('tags'), value: (a, c) => list(a.tags, c.locale) },
  { key: 'creditLimit', label: importLabel('creditLimit'), value: (a) => a.creditLimit ?? '' },
  { key: 'owner', label: importLabel('owner'), value: (a) => a.ownerName ?? '' },
  { key: 'unit', label: { 'zh-CN': '所属部门', 'en-US': 'Unit' }, value: (a) => a.unitName ?? '' },
  { key: 'createdAt', label: { 'zh-CN': '创建时间', 'en-US': 'Created' }, value: (a) => a.createdAt.slice(0, 19).replace('T', ' ') },
  { key: 'updatedAt', label: { 'zh-CN': '更新时间', 'en-US': 'Updated' }, value: (a) => a.updatedAt.slice(0, 19).replace('T', ' ') },
];

const customColumn = (def: FieldDefinition): Column => ({
  key: `custom.${def.key}`,
  label: def.label as Label,
  value: (a, c) => formatCustomValue(def, a.custom[def.key], c.locale),
});

/** The chosen columns (all when none are named), custom fields included, unknown keys ignored. */
export function chooseColumns(all: Column[], wanted: string[] | undefined): Column[] {
  if (!wanted?.length) return all;
  return wanted.map((k) => all.find((c) => c.key === k)).filter((c): c is Column => !!c);
}

/**
 * Every account of the list view the caller is looking at (its filters and sort), page by page
 * through the same scoped keyset query as the list, each row through the presenter so field masks
 * apply exactly as on screen.
 */
export async function* accountExportRows(db: Executor, p: Principal, q: ListAccountsQuery, columns: string[] | undefined, locale: Locale): AsyncGenerator<string[]> {
  const defs = await loadCustomFields(db, p.tenantId, 'account');
  const types = await listAccountTypes(db, p.tenantId, true);
  const typeLabel = (key: string | null) => (key ? types.find((t) => t.key === key)?.[locale === 'zh-CN' ? 'labelZh' : 'labelEn'] ?? key : '');
  const chosen = chooseColumns([...accountColumns, ...defs.filter((d) => !d.archivedAt).map(customColumn)], columns);
  yield chosen.map((c) => c.label[locale]);
  let cursor: string | undefined;
  for (;;) {
    const page = await listAccounts(db, p, { ...q, cursor, limit: EXPORT_PAGE, count: 'false' }, defs);
    for (const row of page.items) {
      const dto = presentAccount(p, row, defs);
      yield chosen.map((c) => c.value(dto, { typeLabel, locale }));
    }
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
