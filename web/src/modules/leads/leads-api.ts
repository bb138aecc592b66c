import type { ClientPathsWithMethod, MethodResponse } from 'openapi-fetch';
import { api } from '../../app/api/client';

type Api = typeof api;
type Get<P extends ClientPathsWithMethod<Api, 'get'>> = MethodResponse<Api, 'get', P>;

export type Lead = Get<'/api/v1/leads/{id}'>;
export type LeadRow = Get<'/api/v1/leads'>['items'][number];
export const leadSources = ['exhibition', 'website', 'referral', 'campaign', 'cold_call', 'inbound_call', 'social', 'other'] as const;
export const leadStatuses = ['new', 'contacted', 'qualified', 'unqualified', 'converted'] as const;
export const leadRatings = ['hot', 'warm', 'cold'] as const;
