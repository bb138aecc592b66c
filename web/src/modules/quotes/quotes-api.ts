import type { ClientPathsWithMethod, MethodResponse } from 'openapi-fetch';
import { api } from '../../app/api/client';

type Api = typeof api;
type Get<P extends ClientPathsWithMethod<Api, 'get'>> = MethodResponse<Api, 'get', P>;

export type Quote = Get<'/api/v1/quotes/{id}'>;
export type QuoteRow = Get<'/api/v1/quotes'>['items'][number];
export const quoteStatuses = ['draft', 'pending_approval', 'approved', 'rejected', 'sent', 'accepted', 'superseded'] as const;
export const quoteStatusColor = { draft: 'default', pending_approval: 'orange', approved: 'green', rejected: 'red', sent: 'blue', accepted: 'purple', superseded: 'default' } as const;
