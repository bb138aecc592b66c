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

/** Writes one audit event; call it with the transaction that makes the change. */
export async function audit(tx: Executor, actor: Actor, event: AuditInput | AuditInput[]): Promise<void> {
  const events = Array.isArray(event) ? event : [event];
  if (!events.length) return;
  await tx.insert(auditEvents).values(
    events.map((e) => ({
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
    })),
  );
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
