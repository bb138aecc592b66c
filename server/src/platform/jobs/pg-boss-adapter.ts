/**
 * Kehu runs its background jobs on pg-boss 10 (v11+ needs Node 22), over the connection Kehu
 * already has, on both engines: pg-boss accepts a `db` object with `executeSql(text, values)`, and
 * these adapters back it with `Database.query`/`exec` or with a drizzle transaction.
 *
 * Why pg-boss rather than our own table: retries with exponential backoff, expiry of jobs whose
 * process died, cron schedules that fire once across processes, archiving and deletion of old jobs
 * are all done and tested there. It stores jobs in its own `pgboss` schema, which it creates and
 * migrates itself at start; that schema is not part of the drizzle schema (so backups skip it).
 *
 * What the adapter has to bridge (each found by running pg-boss on the engine):
 * - pg-boss installs and migrates its schema with one multi-statement text wrapped in
 *   `BEGIN; … COMMIT;`. PGlite runs it through `exec` (one connection, so the transaction is ours
 *   alone). postgres.js refuses it on a pool with `UNSAFE_TRANSACTION: Only use sql.begin,
 *   sql.reserved or max: 1`, so on PostgreSQL the body runs inside a drizzle transaction instead.
 * - pg-boss passes JSON payloads as plain objects and leaves optional values `undefined`, which the
 *   `pg` driver converts for it; postgres.js throws `UNDEFINED_VALUE` and cannot bind an object to a
 *   json parameter. We send `null` and JSON text (PGlite passes JSON text through unchanged).
 */
import { sql, type SQL } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Database, Executor } from '../db/engine.ts';

type Row = Record<string, unknown>;

const transactionScript = /^\s*BEGIN;([\s\S]*)COMMIT;\s*$/i;

/** pg-boss's connection for its own work (workers, maintenance, cron): the primary of `database`. */
export function databaseAdapter(database: Database): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const script = transactionScript.exec(text);
      if (script) {
        if (database.engine === 'pglite') await database.exec(text);
        else await database.db.transaction(async (tx) => void (await tx.execute(sql.raw(script[1]))));
        return { rows: [] };
      }
      return { rows: await database.query<Row>(text, toDriverParams(values)) };
    },
  };
}

/** pg-boss's connection for one send inside the caller's transaction, so a job is enqueued with the change that caused it. */
export function executorAdapter(executor: Executor): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const result: unknown = await executor.execute(withParams(text, toDriverParams(values)));
      // postgres.js returns the rows as an array, PGlite a result object holding them.
      return { rows: Array.isArray(result) ? (result as Row[]) : (result as { rows: Row[] }).rows };
    },
  };
}

function toDriverParams(values: unknown[] | undefined): unknown[] {
  return (values ?? []).map((v) => {
    if (v === undefined) return null;
    if (v !== null && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v) && !Buffer.isBuffer(v)) return JSON.stringify(v);
    return v;
  });
}

/** Turns `$1 … $n` text into a drizzle SQL object whose parameters are bound as they are (no array expansion). */
function withParams(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, i) => {
    chunks.push(i % 2 === 0 ? sql.raw(part) : sql`${sql.param(values[Number(part) - 1])}`);
  });
  return sql.join(chunks);
}
