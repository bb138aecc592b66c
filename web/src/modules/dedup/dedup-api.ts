import type { ClientPathsWithMethod, MethodResponse } from 'openapi-fetch';
import type { api } from '../../app/api/client';
import type { components } from '../../app/api-types';

type Api = typeof api;
type Get<P extends ClientPathsWithMethod<Api, 'get'>> = MethodResponse<Api, 'get', P>;

export type DuplicateCandidate = components['schemas']['DuplicateCandidate'];
export type DuplicateReport = Get<'/api/v1/duplicates/report'>;
export type DuplicateGroup = DuplicateReport['groups'][number];
export type DuplicateReportRun = components['schemas']['DuplicateReportRun'];
export type DuplicateReportStatus = Get<'/api/v1/duplicates/report/status'>;
