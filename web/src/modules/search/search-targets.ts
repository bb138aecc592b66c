import type { MessageKey } from '../../app/i18n/translate';

/** Record types the search box can open, in the order their groups appear, with where each one lives. */
export const searchTargets: { type: string; label: MessageKey; path?: (id: string) => string }[] = [
  { type: 'account', label: 'object.account', path: (id) => `/accounts/${id}` },
  { type: 'contact', label: 'object.contact', path: (id) => `/contacts/${id}` },
  { type: 'lead', label: 'object.lead', path: (id) => `/leads/${id}` },
  { type: 'opportunity', label: 'object.opportunity', path: (id) => `/opportunities/${id}` },
  // Another branch's warning about a customer: shown to everyone, opens nothing (the account may be out of scope).
  { type: 'risk_flag', label: 'object.risk_flag' },
];

export const hitKey = (type: string, id: string) => `${type}:${id}`;

/** The page of a hit's option value ("account:<id>"), or undefined for a type the app has no page for. */
export function hitPath(key: string): string | undefined {
  const [type, id] = key.split(':');
  return searchTargets.find((target) => target.type === type)?.path?.(id);
}

/** An option value rather than typed text (a result that opens nothing still is one). */
export const isHitKey = (key: string) => searchTargets.some((target) => key.startsWith(`${target.type}:`));
