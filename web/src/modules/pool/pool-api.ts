import type { ClientPathsWithMethod, MethodResponse } from 'openapi-fetch';
import { api, call } from '../../app/api/client';
import { useApi, type Loaded } from '../../app/api/use-api';

type Api = typeof api;
type Get<P extends ClientPathsWithMethod<Api, 'get'>> = MethodResponse<Api, 'get', P>;

export type PoolItem = Get<'/api/v1/pool'>['items'][number];
export type PoolSummary = Get<'/api/v1/pool/summary'>;
export type PoolRule = Get<'/api/v1/pool/rules'>['items'][number];
export type OwnerChange = Get<'/api/v1/accounts/{id}/owner-history'>['items'][number];

/** My private customers against my cap, the pools I see and who holds pool accounts. */
export function usePoolSummary(deps: readonly unknown[] = []): Loaded<PoolSummary> {
  return useApi(() => call(api.GET('/api/v1/pool/summary')), deps);
}

export const claimFromPool = (id: string) => call(api.POST('/api/v1/pool/{id}/claim', { params: { path: { id } } }));
export const assignFromPool = (id: string, userId: string) =>
  call(api.POST('/api/v1/pool/{id}/assign', { params: { path: { id } }, body: { userId } }));
