import type { ClientPathsWithMethod, MethodResponse } from 'openapi-fetch';
import { api, call } from '../../app/api/client';
import { useApi, type Loaded } from '../../app/api/use-api';

type Api = typeof api;
type Get<P extends ClientPathsWithMethod<Api, 'get'>> = MethodResponse<Api, 'get', P>;

export type Pipeline = Get<'/api/v1/pipelines'>['items'][number];
export type PipelineStage = Pipeline['stages'][number];

/** The company's pipelines with their stages; the default one first among equals. */
export function usePipelines(deps: readonly unknown[] = []): Loaded<Pipeline[]> {
  return useApi(async () => (await call(api.GET('/api/v1/pipelines'))).items, deps);
}

export const activeStages = (p: Pipeline | undefined) => (p?.stages ?? []).filter((s) => s.active);
export const defaultPipelineOf = (list: Pipeline[] | undefined) => list?.find((p) => p.isDefault && p.active) ?? list?.find((p) => p.active);
