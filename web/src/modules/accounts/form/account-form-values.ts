import type { Account, CreateAccountInput, CustomField, UpdateAccountInput } from '../../../app/api/schemas';
import { customChanges, customForCreate, customFormValues, type CustomValues } from '../../custom-fields/custom-values';
import type { RegionCodes } from '../regions/region-cache';

export interface AccountFormValues {
  kind: Account['kind'];
  name: string;
  shortName: string;
  englishName: string;
  formerNames: string[];
  type: string | undefined;
  tier: Account['tier'] | undefined;
  industry: string;
  source: string;
  tags: string[];
  ownerId: string | undefined;
  creditCode: string;
  region: RegionCodes;
  address: string;
  phones: string[];
  emails: string[];
  website: string;
  creditLimit: string | undefined;
  custom: CustomValues;
}

const noRegion: RegionCodes = { provinceCode: null, cityCode: null, districtCode: null };

/** The form's values for an account, or for a new one (with each custom field's default). */
export function toFormValues(defs: CustomField[], a?: Account): AccountFormValues {
  return {
    kind: a?.kind ?? 'company',
    name: a?.name ?? '',
    shortName: a?.shortName ?? '',
    englishName: a?.englishName ?? '',
    formerNames: a?.formerNames ?? [],
    type: a?.type ?? undefined,
    tier: a?.tier ?? undefined,
    industry: a?.industry ?? '',
    source: a?.source ?? '',
    tags: a?.tags ?? [],
    ownerId: a?.ownerId,
    creditCode: a?.creditCode ?? '',
    region: a ? { provinceCode: a.provinceCode, cityCode: a.cityCode, districtCode: a.districtCode } : noRegion,
    address: a?.address ?? '',
    phones: a?.phones ?? [],
    emails: a?.emails ?? [],
    website: a?.website ?? '',
    creditLimit: a?.creditLimit ?? undefined,
    custom: customFormValues(defs, a?.custom),
  };
}

const orNull = (s: string | undefined) => s?.trim() || null;
const cleanList = (list: string[]) => list.map((s) => s.trim()).filter(Boolean);

/** The fields as the API takes them (blank → null, lists trimmed). */
function apiFields(v: AccountFormValues) {
  return {
    kind: v.kind,
    name: v.name.trim(),
    shortName: orNull(v.shortName),
    englishName: orNull(v.englishName),
    formerNames: cleanList(v.formerNames),
    type: v.type ?? null,
    tier: v.tier ?? null,
    industry: orNull(v.industry),
    source: orNull(v.source),
    tags: cleanList(v.tags),
    creditCode: orNull(v.creditCode),
    provinceCode: v.region?.provinceCode ?? null,
    cityCode: v.region?.cityCode ?? null,
    districtCode: v.region?.districtCode ?? null,
    address: orNull(v.address),
    phones: cleanList(v.phones),
    emails: cleanList(v.emails),
    website: orNull(v.website),
    creditLimit: orNull(v.creditLimit),
  };
}

export function createBody(defs: CustomField[], v: AccountFormValues): CreateAccountInput {
  return { ...apiFields(v), ownerId: v.ownerId, custom: customForCreate(defs, v.custom) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const regionKeys = ['provinceCode', 'cityCode', 'districtCode'] as const;

/**
 * Only what the user changed goes to the server. Besides being tidy this protects masked values: a
 * phone shown as 138****8000 must not be written back over the real number.
 */
export function updateBody(defs: CustomField[], account: Account, before: AccountFormValues, after: AccountFormValues): UpdateAccountInput {
  const was = apiFields(before);
  const now = apiFields(after);
  const body: UpdateAccountInput = { version: account.version };
  const changed = (Object.keys(now) as (keyof typeof now)[]).filter((k) => !same(was[k], now[k]));
  // The three region codes are one value: sent together or not at all.
  const regionChanged = changed.some((k) => (regionKeys as readonly string[]).includes(k));
  Object.assign(body, Object.fromEntries(changed.filter((k) => !(regionKeys as readonly string[]).includes(k)).map((k) => [k, now[k]])));
  if (regionChanged) for (const k of regionKeys) body[k] = now[k];
  if (after.ownerId && after.ownerId !== account.ownerId) body.ownerId = after.ownerId;
  const custom = customChanges(defs, account.custom, after.custom);
  if (custom) body.custom = custom;
  return body;
}
