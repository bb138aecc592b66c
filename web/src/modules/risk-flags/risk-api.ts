import type { ClientPathsWithMethod, MethodResponse } from 'openapi-fetch';
import type { api } from '../../app/api/client';
import type { components } from '../../app/api-types';

type Api = typeof api;
type Get<P extends ClientPathsWithMethod<Api, 'get'>> = MethodResponse<Api, 'get', P>;

export type RiskFlag = Get<'/api/v1/accounts/{id}/risk-flags'>['items'][number];
export type RiskWarning = components['schemas']['RiskWarning'];
export type RiskKind = RiskFlag['kind'];
export const riskKinds: RiskKind[] = ['bad_debt', 'fraud', 'malicious'];

// The account page's banner, tab and flag button read the same flags: a change in one reloads the others.
const listeners = new Set<(accountId: string) => void>();
export const onRiskFlagsChanged = (listener: (accountId: string) => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
export const riskFlagsChanged = (accountId: string) => listeners.forEach((l) => l(accountId));
