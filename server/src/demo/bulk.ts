import { getTableColumns, getTableName, sql, type Table } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import type { Sql } from 'postgres';
import type { Database, Executor } from '../platform/db/engine.ts';
import { rowsOf } from '../modules/search/fenced-query.ts';

/**
 * Where generated rows go. Both writers take the same drizzle table and typed rows, so a generator
 * part does not know which path it feeds:
 * - insert: multi-row INSERTs of ~1,000 rows through drizzle, on any executor, so a whole demo
 *   company is written inside one transaction and appears all at once or not at all;
 * - copy: COPY … FROM STDIN (PostgreSQL) or FROM '/dev/blob' (PGlite), 2-3× faster (NOTES.md), one
 *   autocommitted statement per call; used to build the large bench company.
 */
export interface BulkWriter {
  readonly mode: 'insert' | 'copy';
  /** Writes the rows; every row of one call has the same keys (the first row decides the columns). */
  write<T extends Table>(table: T, rows: readonly T['$inferInsert'][]): Promise<void>;
  /** rows and milliseconds per table, in the order tables were first written */
  readonly stats: Map<string, { rows: number; ms: number }>;
  /** ANALYZE every table written since its last ANALYZE, so the first queries get good plans */
  analyze(): Promise<void>;
}

export const INSERT_BATCH = 1_000;

async function analyzeRest(db: Executor, stats: BulkWriter['stats'], analyzed: Map<string, number>) {
  for (const [name, s] of stats) {
    if (analyzed.get(name) === s.rows) continue;
    await db.execute(sql.raw(`analyze "${name}"`));
    analyzed.set(name, s.rows);
  }
}

async function track(stats: BulkWriter['stats'], analyzed: Map<string, number>, db: Executor, table: Table, rows: number, started: number) {
  const name = getTableName(table);
  const s = stats.get(name) ?? { rows: 0, ms: 0 };
  s.rows += rows;
  // A freshly filled table has no statistics, so the planner takes it for empty and checks every
  // foreign key that points at it with a sequential scan: 2,000 user_roles rows took 0.9 s on
  // PGlite. ANALYZE whenever the table has doubled since the last one (~log2(n) times in all).
  if (s.rows >= 2 * (analyzed.get(name) ?? 500)) {
    await db.execute(sql.raw(`analyze "${name}"`));
    analyzed.set(name, s.rows);
  }
  s.ms += performance.now() - started;
  stats.set(name, s);
}

/**
 * Multi-row INSERTs. With `transaction: true` (executor is the database, not a transaction) each
 * call runs its batches in one transaction of its own.
 */
export function insertWriter(db: Executor, opts: { transaction?: boolean; batch?: number } = {}): BulkWriter {
  const stats: BulkWriter['stats'] = new Map();
  const analyzed = new Map<string, number>();
  const batch = opts.batch ?? INSERT_BATCH;
  // Rows become one INSERT … VALUES text with quoted literals, converted by drizzle's own column
  // mappers as for COPY: building a parameterised drizzle insert cost ~1.5 ms per activity row on
  // PGlite (drizzle's is()/param building), more than the insert itself.
  const run = async (ex: Executor, table: Table, rows: readonly object[]) => {
    const { columns, toValues } = insertLayout(table, rows[0] as Record<string, unknown>);
    const target = `insert into "${getTableName(table)}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
    for (let i = 0; i < rows.length; i += batch) {
      const values = rows.slice(i, i + batch).map((r) => toValues(r as Record<string, unknown>));
      await ex.execute(sql.raw(target + values.join(',\n')));
    }
  };
  return {
    mode: 'insert',
    stats,
    analyze: () => analyzeRest(db, stats, analyzed),
    async write(table, rows) {
      if (!rows.length) return;
      const started = performance.now();
      if (opts.transaction) await db.transaction((tx) => run(tx, table, rows));
      else await run(db, table, rows);
      await track(stats, analyzed, db, table, rows.length, started);
    },
  };
}

/** COPY in text format on the primary; rows are converted with drizzle's own column mappers. */
export function copyWriter(database: Database, opts: { chunk?: number } = {}): BulkWriter {
  const stats: BulkWriter['stats'] = new Map();
  const analyzed = new Map<string, number>();
  const chunk = opts.chunk ?? 5_000;
  // drizzle exposes the driver client it wraps as $client; Database does not, and only the bulk
  // path needs it.
  const client = (database.db as unknown as { $client: PGlite | Sql }).$client;
  return {
    mode: 'copy',
    stats,
    analyze: () => analyzeRest(database.db, stats, analyzed),
    async write(table, rows) {
      if (!rows.length) return;
      const started = performance.now();
      const { columns, toLine } = copyLayout(table, rows[0] as Record<string, unknown>);
      const target = `"${getTableName(table)}" (${columns.map((c) => `"${c}"`).join(', ')})`;
      if (database.engine === 'pglite') {
        const parts: string[] = [];
        for (const row of rows) parts.push(toLine(row as Record<string, unknown>));
        await (client as PGlite).query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob(parts) });
      } else {
        const stream = await (client as Sql).unsafe(`copy ${target} from stdin`).writable();
        await new Promise<void>((resolve, reject) => {
          stream.on('error', reject);
          stream.on('finish', resolve);
          let i = 0;
          const pump = () => {
            while (i < rows.length) {
              let text = '';
              for (const end = Math.min(i + chunk, rows.length); i < end; i++) text += toLine(rows[i] as Record<string, unknown>);
              if (!stream.write(text)) return void stream.once('drain', pump);
            }
            stream.end();
          };
          pump();
        });
      }
      await track(stats, analyzed, database.db, table, rows.length, started);
    },
  };
}

/** The column list (keys the first row sets) and a row → COPY text line function. */
export function copyLayout(table: Table, first: Record<string, unknown>) {
  const cols = Object.entries(getTableColumns(table)).filter(([key]) => first[key] !== undefined);
  const toLine = (row: Record<string, unknown>) => {
    let line = '';
    for (let i = 0; i < cols.length; i++) {
      const [key, col] = cols[i];
      const v = row[key];
      line += (i ? '\t' : '') + (v === null || v === undefined ? '\\N' : copyText(col.mapToDriverValue(v)));
    }
    return line + '\n';
  };
  return { columns: cols.map(([, col]) => col.name), toLine };
}

/** The column list (keys the first row sets) and a row → "(literal, …)" function for INSERT … VALUES. */
export function insertLayout(table: Table, first: Record<string, unknown>) {
  const cols = Object.entries(getTableColumns(table)).filter(([key]) => first[key] !== undefined);
  const toValues = (row: Record<string, unknown>) => {
    const out: string[] = [];
    for (const [key, col] of cols) {
      const v = row[key];
      out.push(v === null || v === undefined ? 'null' : sqlLiteral(col.mapToDriverValue(v)));
    }
    return `(${out.join(', ')})`;
  };
  return { columns: cols.map(([, col]) => col.name), toValues };
}

// A quoted literal, typed by its target column (standard_conforming_strings: only quotes double).
const sqlLiteral = (v: unknown): string => {
  const s = typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return `'${s.replace(/'/g, "''")}'`;
};

// COPY text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
const copyText = (v: unknown): string => {
  const s = typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s;
};

/**
 * A bulk load into empty tables builds their secondary indexes once at the end instead of row by row,
 * and checks their foreign keys once per constraint (one join, when the constraint is added back)
 * instead of once per row: GIN indexes over chunks and trigrams cost most of the load otherwise
 * (20,000 accounts took 25 s with them, PostgreSQL on 2 busy cores), and the per-row foreign-key
 * triggers most of what was left (the generator waited on the database 60 % of the time). Primary
 * keys stay (foreign keys need them). Only with COPY and only when every table is empty: never on a
 * database someone uses. Returns the function that puts everything back, or null when nothing was
 * deferred.
 */
export async function deferIndexes(
  ctx: { db: Executor; engine: Database['engine']; log(line: string): void },
  label: string,
  tables: readonly string[],
): Promise<(() => Promise<void>) | null> {
  const db = ctx.db;
  for (const table of tables) {
    const rows = rowsOf<{ one: number }>(await db.execute(sql.raw(`select 1 as one from "${table}" limit 1`)));
    if (rows.length) return null;
  }
  const list = sql.join(tables.map((t) => sql`${t}`), sql`, `);
  const indexes = rowsOf<{ name: string; def: string }>(await db.execute(sql`
    select i.indexname as name, i.indexdef as def from pg_indexes i
    where i.schemaname = current_schema() and i.tablename in (${list})
      and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`));
  const foreignKeys = rowsOf<{ table: string; name: string; def: string }>(await db.execute(sql`
    select t.relname as table, c.conname as name, pg_get_constraintdef(c.oid) as def
    from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
    where c.contype = 'f' and n.nspname = current_schema() and t.relname in (${list})
    order by t.relname, c.conname`));
  for (const fk of foreignKeys) await db.execute(sql.raw(`alter table "${fk.table}" drop constraint "${fk.name}"`));
  for (const ix of indexes) await db.execute(sql.raw(`drop index "${ix.name}"`));
  ctx.log(`${label}: ${indexes.length} secondary indexes and ${foreignKeys.length} foreign keys dropped for the load, rebuilt at the end`);
  return async () => {
    const started = performance.now();
    const memory = ctx.engine === 'postgres' ? '1GB' : '256MB';
    for (const ix of indexes) {
      await db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local maintenance_work_mem = '${memory}'`));
        await tx.execute(sql.raw(ix.def));
      });
    }
    const indexed = performance.now();
    // Adding a foreign key checks every row at once (one join), so the data is still proven consistent.
    for (const fk of foreignKeys) {
      await db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local work_mem = '${ctx.engine === 'postgres' ? '256MB' : '64MB'}'`));
        await tx.execute(sql.raw(`alter table "${fk.table}" add constraint "${fk.name}" ${fk.def}`));
      });
    }
    const checked = performance.now();
    // VACUUM marks the freshly written pages all-visible, so the reports' index-only scans read the
    // index alone from the first query on (and ANALYZE gives the planner the final statistics).
    for (const table of tables) await db.execute(sql.raw(`vacuum (analyze) "${table}"`));
    ctx.log(`${label}: ${indexes.length} indexes built in ${Math.round(indexed - started)} ms, ${foreignKeys.length} foreign keys checked in ${Math.round(checked - indexed)} ms, vacuumed in ${Math.round(performance.now() - checked)} ms`);
  };
}
