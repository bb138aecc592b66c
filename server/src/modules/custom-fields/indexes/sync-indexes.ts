import type { Database } from '../../../platform/db/engine.ts';
import { customFieldDefinitions, type FieldDefinition } from '../custom-fields.schema.ts';
import { getCustomFieldTarget } from '../targets.ts';
import { allIndexNames, plannedIndexes } from './index-plan.ts';

/** A unique index could not be built because live records already share a value. */
export class DuplicateValuesError extends Error {
  constructor(readonly key: string) {
    super(`values of custom field ${key} are not unique`);
  }
}

const quoteList = (names: string[]) => names.map((n) => `'${n}'`).join(', ');

/**
 * Brings one field's indexes in line with its definition: creates what its flags ask for, drops
 * the rest (all of them once archived). On PostgreSQL indexes are built CONCURRENTLY, outside any
 * transaction, so writers to the record table are never blocked; PGlite has one connection and
 * builds them plainly. Idempotent: safe to re-run after a crash (an invalid leftover from an
 * interrupted concurrent build is dropped and rebuilt). Call it after the definition's transaction
 * has committed; it returns when the indexes are ready.
 */
export async function syncFieldIndexes(database: Database, def: FieldDefinition): Promise<{ created: string[]; dropped: string[] }> {
  const target = getCustomFieldTarget(def.objectType);
  if (!target) return { created: [], dropped: [] };
  const concurrently = database.engine === 'postgres';
  const planned = plannedIndexes(target, def);
  const names = allIndexNames(target, def.tenantId, def.key);
  // Names are generated from validated identifiers, so they can be inlined.
  const existing = await database.query<{ name: string; valid: boolean }>(
    `select c.relname as name, i.indisvalid as valid from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname in (${quoteList(names)})`,
  );
  const state = new Map(existing.map((e) => [e.name, e.valid]));
  const dropped: string[] = [];
  const created: string[] = [];
  const drop = async (name: string) => {
    await database.exec(`drop index${concurrently ? ' concurrently' : ''} if exists "${name}"`);
    dropped.push(name);
  };
  for (const name of names) {
    if (state.has(name) && !planned.some((p) => p.name === name)) await drop(name);
  }
  for (const index of planned) {
    if (state.get(index.name) === true) continue;
    if (state.get(index.name) === false) await drop(index.name);
    try {
      await database.exec(index.create(concurrently));
      created.push(index.name);
    } catch (err) {
      // A failed concurrent build leaves an invalid index behind that would still slow writes.
      await database.exec(`drop index${concurrently ? ' concurrently' : ''} if exists "${index.name}"`);
      if (index.kind === 'unique' && pgCode(err) === '23505') throw new DuplicateValuesError(def.key);
      throw err;
    }
  }
  return { created, dropped };
}

function pgCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  return e.code ?? e.cause?.code;
}

/**
 * Every field of every tenant: for `kehu` maintenance after a restore into a fresh database, or
 * when a sync was interrupted. Fields whose unique index cannot be built are reported, not fixed.
 */
export async function syncAllFieldIndexes(database: Database): Promise<{ created: string[]; dropped: string[]; notUnique: string[] }> {
  const defs = await database.db.select().from(customFieldDefinitions);
  const out = { created: [] as string[], dropped: [] as string[], notUnique: [] as string[] };
  for (const def of defs) {
    try {
      const r = await syncFieldIndexes(database, def);
      out.created.push(...r.created);
      out.dropped.push(...r.dropped);
    } catch (err) {
      if (!(err instanceof DuplicateValuesError)) throw err;
      out.notUnique.push(`${def.tenantId}/${def.objectType}.${def.key}`);
    }
  }
  return out;
}
