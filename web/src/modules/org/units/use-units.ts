import { api, call } from '../../../app/api/client';
import type { OrgUnit } from '../../../app/api/schemas';
import { useApi, type Loaded } from '../../../app/api/use-api';
import { useSignedIn } from '../../../app/auth/auth-context';

/** The units the user may see (empty for someone without read on units, who then sees no unit pickers). */
export function useUnits(): Loaded<OrgUnit[]> {
  const { access } = useSignedIn();
  const allowed = access.can('org_unit', 'read');
  return useApi(async () => (allowed ? (await call(api.GET('/api/v1/org-units'))).items : []), [allowed]);
}
