import { api, call } from '../../app/api/client';
import type { CustomField } from '../../app/api/schemas';
import { useApi, type Loaded } from '../../app/api/use-api';

/** The custom fields of an object type in form order (any signed-in user may read them: every form needs them). */
export const useCustomFields = (objectType: string, includeArchived = false): Loaded<CustomField[]> =>
  useApi(
    async () =>
      (await call(api.GET('/api/v1/custom-fields', { params: { query: { objectType, includeArchived: includeArchived ? 'true' : 'false' } } }))).items,
    [objectType, includeArchived],
  );
