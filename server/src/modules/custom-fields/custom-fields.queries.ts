import { and, asc, eq, isNull } from 'drizzle-orm';
import { TtlCache } from '../../platform/auth/ttl-cache.ts';
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

/**
 * loadCustomFields for reads outside a transaction (presenting, filtering and sorting records): kept
 * per tenant and object type for five seconds instead of one query per request. Every command of
 * this module forgets them at once in this process; other processes see a change within the five
 * seconds, as they see role and session changes (platform/auth).
 */
const cache = new TtlCache<FieldDefinition[]>(5_000, 10_000);
// A load that began before a change must not put what it read back into the cache after the change.
let generation = 0;

export async function cachedCustomFields(db: Executor, tenantId: string, objectType: string): Promise<FieldDefinition[]> {
  const key = `${tenantId}:${objectType}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const started = generation;
  const defs = await loadCustomFields(db, tenantId, objectType);
  if (generation === started) cache.set(key, defs);
  return defs;
}

export function forgetCustomFields(): void {
  generation++;
  cache.clear();
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
