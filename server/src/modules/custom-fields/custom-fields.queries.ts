import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/engine.ts';
import { notFound } from '../../platform/http/errors.ts';
import { customFieldDefinitions, type FieldDefinition } from './custom-fields.schema.ts';

/**
 * Every definition of one object type in a tenant, archived ones included (their keys must stay
 * known: archived values are kept but hidden), in form order. One indexed query; callers load it
 * once per request and pass it on.
 */
export function loadCustomFields(db: Executor, tenantId: string, objectType: string): Promise<FieldDefinition[]> {
  return db
    .select()
    .from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.tenantId, tenantId), eq(customFieldDefinitions.objectType, objectType)))
    .orderBy(asc(customFieldDefinitions.position), asc(customFieldDefinitions.createdAt));
}

export const activeFields = (defs: FieldDefinition[]) => defs.filter((d) => !d.archivedAt);

export async function getDefinition(db: Executor, tenantId: string, id: string): Promise<FieldDefinition> {
  const [row] = await db
    .select()
    .from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.tenantId, tenantId), eq(customFieldDefinitions.id, id)));
  if (!row) throw notFound();
  return row;
}

export async function countActive(db: Executor, tenantId: string, objectType: string) {
  const rows = await db
    .select({ indexed: customFieldDefinitions.indexed })
    .from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.tenantId, tenantId), eq(customFieldDefinitions.objectType, objectType), isNull(customFieldDefinitions.archivedAt)));
  return { active: rows.length, indexed: rows.filter((r) => r.indexed).length };
}
