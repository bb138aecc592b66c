import type { ClientPathsWithMethod, MethodResponse } from 'openapi-fetch';
import { api, call } from '../../app/api/client';
import { useApi, type Loaded } from '../../app/api/use-api';

type Api = typeof api;
type Get<P extends ClientPathsWithMethod<Api, 'get'>> = MethodResponse<Api, 'get', P>;

export type Webhook = Get<'/api/v1/webhooks/{id}'>;
export type WebhookEvent = Get<'/api/v1/webhook-events'>['items'][number];
export type Delivery = Get<'/api/v1/webhooks/{id}/deliveries'>['items'][number];
export type DeliveryDetail = Get<'/api/v1/webhook-deliveries/{id}'>;
export type DeliveryStatus = Delivery['status'];

export const ALL_EVENTS = '*';

export function useWebhookEvents(): Loaded<WebhookEvent[]> {
  return useApi(async () => (await call(api.GET('/api/v1/webhook-events'))).items, []);
}

export const deliveryColors: Record<DeliveryStatus, string> = { pending: 'processing', delivered: 'success', failed: 'error' };
