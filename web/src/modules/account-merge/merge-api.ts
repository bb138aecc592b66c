import type { ClientPathsWithMethod, MethodResponse } from 'openapi-fetch';
import { api, call } from '../../app/api/client';
import type { components } from '../../app/api-types';
import type { Account } from '../../app/api/schemas';

type Api = typeof api;
type Get<P extends ClientPathsWithMethod<Api, 'get'>> = MethodResponse<Api, 'get', P>;

export type AccountMerge = Get<'/api/v1/account-merges'>['items'][number];
export type MergeResult = components['schemas']['AccountMergeResult'];
export type MergeRequest = components['schemas']['AccountMergeRequest'];
/** Fields picked from one account (radio buttons), in the order the comparison shows them; as the server's merge-fields.ts. */
export const choosableFields = [
  'name', 'shortName', 'englishName', 'kind', 'creditCode', 'type', 'tier', 'industry', 'source', 'address', 'website', 'creditLimit',
] as const satisfies (keyof Account)[];
export type ChoosableField = (typeof choosableFields)[number];

const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** The values a choosable field stands for ('address' brings its region along). */
export function fieldValues(a: Account, field: ChoosableField): unknown[] {
  if (field === 'address') return [a.provinceCode, a.cityCode, a.districtCode, a.address];
  return [a[field]];
}

/** What the server does without a choice: the survivor's value, else the first other account that has one. */
export function defaultChoices(survivor: Account, others: Account[]): Record<ChoosableField, string> {
  const all = [survivor, ...others];
  return Object.fromEntries(
    choosableFields.map((f) => [f, (all.find((a) => fieldValues(a, f).some((v) => !empty(v))) ?? survivor).id]),
  ) as Record<ChoosableField, string>;
}

export function mergeAccounts(body: MergeRequest, dryRun: boolean) {
  return call(api.POST('/api/v1/accounts/merge', { params: { query: { dryRun: dryRun ? 'true' : undefined } }, body }));
}

export function undoMerge(id: string) {
  return call(api.POST('/api/v1/account-merges/{id}/undo', { params: { path: { id } } }));
}
