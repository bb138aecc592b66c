import type { ClientPathsWithMethod, MethodResponse } from 'openapi-fetch';
import { api } from '../../app/api/client';

type Api = typeof api;
type Get<P extends ClientPathsWithMethod<Api, 'get'>> = MethodResponse<Api, 'get', P>;

export type Order = Get<'/api/v1/orders/{id}'>;
export type OrderRow = Get<'/api/v1/orders'>['items'][number];
export type Milestone = Order['milestones'][number];
export type WorkItem = Get<'/api/v1/order-work-queue'>['items'][number];
export type OrderReceivables = Get<'/api/v1/orders/{id}/receivables'>;
export type Product = Get<'/api/v1/products/{id}'>;
export const orderStatuses = ['active', 'completed', 'cancelled'] as const;
export const statusColor = { active: 'blue', completed: 'green', cancelled: 'default' } as const;

/** A milestone's name in the interface language. */
export const milestoneName = (m: { name: string; englishName: string | null }, locale: string) => (locale === 'en-US' ? (m.englishName ?? m.name) : m.name);
