import { api, call } from '../../../app/api/client';
import type { Role } from '../../../app/api/schemas';
import { useApi, type Loaded } from '../../../app/api/use-api';

/** Every role of the company: names for tags and pickers (any signed-in user may read them). */
export const useRoles = (): Loaded<Role[]> => useApi(async () => (await call(api.GET('/api/v1/roles'))).items, []);
