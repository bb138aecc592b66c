import { invalid } from '../../platform/http/errors.ts';
import type { AccountRecord } from '../accounts/accounts.queries.ts';

/**
 * Fields the user picks from one of the accounts (radio buttons side by side). `address` carries
 * the region codes with it: a street without its city would be wrong.
 */
export const choosableFields = [
  'kind', 'name', 'shortName', 'englishName', 'creditCode', 'address', 'website', 'industry', 'type', 'tier', 'source', 'creditLimit',
] as const;
export type ChoosableField = (typeof choosableFields)[number];
export type FieldChoices = Partial<Record<ChoosableField, string>>;

const columnsOf: Record<ChoosableField, readonly (keyof AccountRecord)[]> = {
  kind: ['kind'],
  name: ['name'],
  shortName: ['shortName'],
  englishName: ['englishName'],
  creditCode: ['creditCode'],
  address: ['provinceCode', 'cityCode', 'districtCode', 'address'],
  website: ['website'],
  industry: ['industry'],
  type: ['type'],
  tier: ['tier'],
  source: ['source'],
  creditLimit: ['creditLimit'],
};

/** The same caps as the account form, so the merged survivor can still be saved from it. */
const listCaps = { phones: 20, emails: 20, tags: 50, formerNames: 20 } as const;

const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const union = (lists: string[][], cap: number) => [...new Set(lists.flat())].slice(0, cap);

export interface MergedFields {
  values: Partial<AccountRecord>;
  custom: Record<string, unknown>;
  /** which account each choosable field came from */
  sources: Record<ChoosableField, string>;
}

/**
 * The survivor's fields after the merge. A choosable field comes from the account the user picked;
 * unpicked, the survivor keeps its value and an empty one is filled from the merged accounts in
 * their order. Phones, e-mails and tags are united; every other name becomes a former name.
 * Custom fields: the survivor's values, empty ones filled the same way.
 */
export function mergeFields(survivor: AccountRecord, merged: AccountRecord[], choices: FieldChoices = {}): MergedFields {
  const all = [survivor, ...merged];
  const values: Partial<AccountRecord> = {};
  const sources = {} as Record<ChoosableField, string>;
  for (const field of choosableFields) {
    const cols = columnsOf[field];
    const chosen = choices[field];
    let from: AccountRecord | undefined;
    if (chosen) {
      from = all.find((a) => a.id === chosen);
      if (!from) throw invalid(`fields.${field}`, 'not one of the accounts being merged');
    } else {
      from = all.find((a) => cols.some((c) => !empty(a[c]))) ?? survivor;
    }
    sources[field] = from.id;
    for (const c of cols) Object.assign(values, { [c]: from[c] });
  }
  const name = values.name!;
  values.phones = union(all.map((a) => a.phones), listCaps.phones);
  values.emails = union(all.map((a) => a.emails), listCaps.emails);
  values.tags = union(all.map((a) => a.tags), listCaps.tags);
  values.formerNames = union([...all.map((a) => [a.name, ...a.formerNames])], listCaps.formerNames + 1)
    .filter((n) => n !== name)
    .slice(0, listCaps.formerNames);
  const custom: Record<string, unknown> = { ...(survivor.custom as Record<string, unknown>) };
  for (const m of merged) {
    for (const [key, value] of Object.entries((m.custom ?? {}) as Record<string, unknown>)) {
      if (empty(custom[key]) && !empty(value)) custom[key] = value;
    }
  }
  return { values, custom, sources };
}
