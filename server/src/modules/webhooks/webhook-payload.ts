import type { AuditedEvent } from '../../platform/audit/audit.ts';
import type { WebhookEventDefinition } from './webhook-events.ts';

/**
 * What a receiver gets, as JSON. Tenant-free: ids of records and users, never the company's id.
 * `id` is the event's id (the audit event's): the same event delivered twice (a retry, a replay)
 * carries the same id, so a receiver can ignore what it has already processed.
 */
export interface WebhookPayload {
  id: string;
  event: string;
  occurredAt: string;
  object: { type: string; id: string | null; label: string | null };
  /** changed fields as the audit log records them */
  changes: Record<string, { before: unknown; after: unknown }>;
  /** ids of records the change belongs to (the order of a payment, the account of an order…) */
  related: Record<string, string>;
  actor: { type: 'user' | 'api_key' | 'system'; id: string | null; name: string | null };
}

// Context keys worth passing on; the rest (request id, ip, import internals) stays in the audit log.
const relatedKeys = ['accountId', 'contactId', 'opportunityId', 'orderId', 'paymentId', 'milestoneId', 'revisionOf', 'mergedIntoId'];

export function payloadOf(e: AuditedEvent, def: WebhookEventDefinition, actor: WebhookPayload['actor']): WebhookPayload {
  const related: Record<string, string> = {};
  for (const key of relatedKeys) {
    const value = e.context?.[key];
    if (typeof value === 'string') related[key] = value;
  }
  let object: WebhookPayload['object'] = { type: def.type, id: e.objectId ?? null, label: e.objectLabel ?? null };
  if (def.type !== def.auditType) {
    // a sub-record audited on its parent (a payment on its order): the parent becomes related
    related[`${def.auditType}Id`] = e.objectId ?? '';
    const ownId = related[`${def.type}Id`] ?? null;
    delete related[`${def.type}Id`];
    object = { type: def.type, id: ownId, label: e.objectLabel ?? null };
  }
  const changes: WebhookPayload['changes'] = {};
  for (const [field, [before, after]] of Object.entries(e.changes ?? {})) changes[field] = { before, after };
  return { id: e.id, event: def.name, occurredAt: e.occurredAt.toISOString(), object, changes, related, actor };
}
