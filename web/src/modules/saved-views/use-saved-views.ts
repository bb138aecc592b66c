import { api, call } from '../../app/api/client';
import type { SavedView } from '../../app/api/schemas';
import { useApi, type Loaded } from '../../app/api/use-api';

/** The user's views of a list and those shared with them. */
export const useSavedViews = (objectType: string): Loaded<SavedView[]> =>
  useApi(async () => (await call(api.GET('/api/v1/saved-views', { params: { query: { objectType } } }))).items, [objectType]);
