import { api, call } from '../../app/api/client';
import type { AccountType } from '../../app/api/schemas';
import { useApi, type Loaded } from '../../app/api/use-api';
import type { Locale } from '../../app/i18n/locale';

/** The company's account types in display order; inactive ones too, so old records still show a name. */
export const useAccountTypes = (): Loaded<AccountType[]> =>
  useApi(async () => (await call(api.GET('/api/v1/account-types', { params: { query: { includeInactive: 'true' } } }))).items, []);

export function typeLabel(types: AccountType[], key: string | null | undefined, locale: Locale): string | undefined {
  if (!key) return undefined;
  const type = types.find((x) => x.key === key);
  return type ? type.label[locale] : key;
}

/** Types that may be chosen for a record now. */
export const typeOptions = (types: AccountType[], locale: Locale) =>
  types.filter((x) => x.active).map((x) => ({ value: x.key, label: x.label[locale] }));
