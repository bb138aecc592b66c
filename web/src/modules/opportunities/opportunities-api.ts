import type { ClientPathsWithMethod, MethodResponse } from 'openapi-fetch';
import { api, call } from '../../app/api/client';

type Api = typeof api;
type Get<P extends ClientPathsWithMethod<Api, 'get'>> = MethodResponse<Api, 'get', P>;

export type Opportunity = Get<'/api/v1/opportunities/{id}'>;
export type OpportunityRow = Get<'/api/v1/opportunities'>['items'][number];
export type Board = Get<'/api/v1/opportunities/board'>;
export type BoardColumn = Board['columns'][number];
export type BoardCard = BoardColumn['items'][number];
export type Coaching = Get<'/api/v1/opportunities/coaching'>;
export type StageStay = Get<'/api/v1/opportunities/{id}/stage-history'>['items'][number];

export const moveOpportunity = (id: string, body: { version: number; stageId: string; closeReason?: string | null; lostTo?: string | null }) =>
  call(api.POST('/api/v1/opportunities/{id}/move', { params: { path: { id } }, body }));
