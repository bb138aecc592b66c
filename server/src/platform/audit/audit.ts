import type { Executor } from '../db/engine.ts';
import { newId } from '../db/ids.ts';
import { auditEvents, type FieldChanges } from './audit.table.ts';

export interface Actor {
  tenantId: string;
  userId?: string;
  apiKeyId?: string;
  /** request id, ip, import id… whatever helps answer "where did this change come from" */
  context?: Record<string, unknown>;
}

export interface AuditInput {
  action: 'create' | 'update' | 'delete' | 'restore' | 'purge' | string;
  objectType: string;
  objectId?: string;
  objectLabel?: string;
  changes?: FieldChanges;
  context?: Record<string, unknown>;
}

/** An audit event as written: what `audit()` was given, with its id and time. */
export interface AuditedEvent extends AuditInput {
  id: string;
  occurredAt: Date;
}

/**
 * Called after `audit()` writes events, with the same transaction: whatever a listener writes
 * commits or rolls back with the change itself (a transactional outbox, e.g. for webhooks). A
 * listener that throws fails the change, so it must only write, never call out.
 */
export type AuditListener = (tx: Executor, actor: Actor, events: AuditedEvent[]) => Promise<void>;
const listeners = new Set<AuditListener>();

/** Registers a listener for every audit write in this process; returns its removal. */
export function onAudit(listener: AuditListener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Writes one audit event; call it with the transaction that makes the change. */
export async function audit(tx: Executor, actor: Actor, event: AuditInput | AuditInput[]): Promise<void> {
  const events = Array.isArray(event) ? event : [event];
  if (!events.length) return;
  const rows = events.map((e) => ({
    tenantId: actor.tenantId,
    id: newId(),
    actorUserId: actor.userId,
    actorApiKeyId: actor.apiKeyId,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    objectLabel: e.objectLabel,
    changes: e.changes,
    context: { ...actor.context, ...e.context },
  }));
  if (!listeners.size) {
    await tx.insert(auditEvents).values(rows);
    return;
  }
  const written = await tx.insert(auditEvents).values(rows).returning({ id: auditEvents.id, occurredAt: auditEvents.occurredAt });
  const at = new Map(written.map((w) => [w.id, w.occurredAt]));
  const audited = events.map((e, i) => ({ ...e, id: rows[i].id, occurredAt: at.get(rows[i].id)!, context: rows[i].context }));
  for (const listener of listeners) await listener(tx, actor, audited);
}

const normalise = (v: unknown) => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);

/** The changed fields between two versions of a record, limited to `fields`; secrets are never logged. */
export function diff<T extends Record<string, unknown>>(
  before: Partial<T> | null,
  after: Partial<T> | null,
  fields: readonly (keyof T & string)[],
): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    const a = normalise(before?.[field]);
    const b = normalise(after?.[field]);
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[field] = [a, b];
  }
  return changes;
}
