import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Tx } from '../db/engine.ts';
import { appliedMigration } from './applied-migration.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, SKIPPED, type BackupHeader } from './backup-format.ts';
import { BackupError } from './backup-error.ts';
import { schemaTables, type BackupTable } from './backup-tables.ts';
import { columnList, rowsOf, tableRef, textParam, useNeutralTextForms } from './sql-rows.ts';

export interface BackupOptions {
  /** defaults to every table of the drizzle schema */
  tables?: BackupTable[];
  /** rows read per query; memory holds one page at a time */
  pageSize?: number;
}

export interface BackupSummary {
  tables: number;
  rows: number;
  migration: string;
}

/**
 * Writes every table to `output` from one REPEATABLE READ snapshot, so the backup is consistent
 * even while the server keeps writing (on PostgreSQL; PGlite's single connection is held throughout).
 */
export async function writeBackup(database: Database, output: Writable, opts: BackupOptions = {}): Promise<BackupSummary> {
  const tables = opts.tables ?? schemaTables();
  const pageSize = opts.pageSize ?? 5_000;
  let summary: BackupSummary | undefined;
  await database.db.transaction(
    async (tx) => {
      await useNeutralTextForms(tx);
      const migration = await appliedMigration(tx);
      const counts = await countRows(tx, tables);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        engine: database.engine,
        migration,
        tables: tables.map((t, i) => ({ name: t.name, columns: t.columns.map((c) => c.name), rows: counts[i] })),
        skipped: SKIPPED,
      };
      async function* lines() {
        yield `${JSON.stringify(header)}\n`;
        for (const [i, table] of tables.entries()) {
          yield `${JSON.stringify({ table: table.name })}\n`;
          let written = 0;
          for await (const page of pages(tx, table, pageSize)) {
            written += page.length;
            yield `${page.join('\n')}\n`;
          }
          // The snapshot cannot change under us; a shortfall means rows the parents-first order cannot reach.
          if (written !== counts[i]) {
            throw new BackupError(`table ${table.name}: wrote ${written} of ${counts[i]} rows (rows whose ${table.selfReference?.columns.join(', ')} form a cycle?)`);
          }
        }
        yield `${JSON.stringify({ end: { tables: tables.length, rows: counts.reduce((a, b) => a + b, 0) } })}\n`;
      }
      await pipeline(Readable.from(lines()), createGzip(), output);
      summary = { tables: tables.length, rows: counts.reduce((a, b) => a + b, 0), migration: migration.tag };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  return summary!;
}

async function countRows(tx: Tx, tables: BackupTable[]): Promise<number[]> {
  const counts: number[] = [];
  for (const t of tables) {
    const [row] = rowsOf<{ n: string | number }>(await tx.execute(sql`select count(*) as n from ${tableRef(t)}`));
    counts.push(Number(row.n));
  }
  return counts;
}

const DEPTH = 'kehu_backup_depth';

/** Where the next page starts: the last row's primary key (text form) and tree depth. */
interface PageEnd {
  key: (string | null)[];
  depth: number;
}

/**
 * Pages of rows, each row one NDJSON line: a JSON array of its columns' text values, built by the
 * database (cheaper than reading the columns and encoding them here). Paged by primary key (keyset),
 * or for a self-referencing table by (depth in its tree, primary key), so parents precede children.
 */
async function* pages(tx: Tx, table: BackupTable, pageSize: number): AsyncGenerator<string[]> {
  const keyTypes = table.primaryKey.map((k) => table.columns.find((c) => c.name === k)!.sqlType);
  // array[…] rather than json_build_array(…): functions take at most 100 arguments, arrays any number.
  const line = sql`array_to_json(array[${sql.join(table.columns.map((c) => sql`${sql.identifier('t')}.${sql.identifier(c.name)}::text`), sql`, `)}]::text[])::text`;
  const keys = sql.join(table.primaryKey.map((k, i) => sql`${sql.identifier('t')}.${sql.identifier(k)}::text as ${sql.identifier(`k${i}`)}`), sql`, `);
  const key = columnList(table.primaryKey, 't');
  const tree = table.selfReference ? treeDepth(table) : undefined;
  const depth = sql`${sql.identifier('tree')}.${sql.identifier(DEPTH)}`;
  let after: PageEnd | undefined;
  for (;;) {
    const lastKey = after && sql.join(after.key.map((v, i) => textParam(v, keyTypes[i])), sql`, `);
    const query = tree
      ? sql`${tree} select ${line} as line, ${keys}, ${depth} as depth from ${tableRef(table)} t join tree using (${columnList(table.primaryKey)})
          ${after ? sql`where (${depth}, ${key}) > (${after.depth}::int, ${lastKey})` : sql``} order by ${depth}, ${key} limit ${pageSize}`
      : sql`select ${line} as line, ${keys} from ${tableRef(table)} t ${after ? sql`where (${key}) > (${lastKey})` : sql``} order by ${key} limit ${pageSize}`;
    const rows = rowsOf<Record<string, string | number | null>>(await tx.execute(query));
    if (!rows.length) return;
    yield rows.map((r) => r.line as string);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    after = { key: table.primaryKey.map((_, i) => last[`k${i}`] as string | null), depth: Number(last.depth ?? 0) };
  }
}

/** `with recursive tree`: each row's primary key and its depth below a root (a row whose parent reference is null). */
function treeDepth(table: BackupTable): SQL {
  const ref = table.selfReference!;
  const keep = [...new Set([...table.primaryKey, ...ref.foreignColumns])];
  const roots = sql.join(ref.columns.map((c) => sql`${sql.identifier(c)} is null`), sql` or `);
  const join = sql.join(ref.columns.map((c, i) => sql`${sql.identifier('c')}.${sql.identifier(c)} = ${sql.identifier('tree')}.${sql.identifier(ref.foreignColumns[i])}`), sql` and `);
  return sql`with recursive tree as (
    select ${columnList(keep)}, 0 as ${sql.identifier(DEPTH)} from ${tableRef(table)} where ${roots}
    union all
    select ${columnList(keep, 'c')}, ${sql.identifier('tree')}.${sql.identifier(DEPTH)} + 1 from ${tableRef(table)} c join tree on ${join}
  )`;
}
