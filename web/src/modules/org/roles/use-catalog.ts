import { api, call } from '../../../app/api/client';
import type { RoleCatalog } from '../../../app/api/schemas';
import { useApi, type Loaded } from '../../../app/api/use-api';
import { useI18n } from '../../../app/i18n/i18n-context';

/** Object types, actions, scopes and capabilities; the server labels them in the interface language. */
export function useCatalog(): Loaded<RoleCatalog> {
  const { locale } = useI18n();
  return useApi(() => call(api.GET('/api/v1/roles/catalog')), [locale]);
}
