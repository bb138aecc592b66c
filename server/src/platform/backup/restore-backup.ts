import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/engine.ts';
import { appliedMigration } from './applied-migration.ts';
import { headerSchema, tableStartSchema, trailerSchema, type BackupHeader } from './backup-format.ts';
import { BackupError } from './backup-error.ts';
import { schemaTables, type BackupTable } from './backup-tables.ts';
import { columnList, rowsOf, tableRef, useNeutralTextForms } from './sql-rows.ts';

export interface RestoreOptions {
  /** replace the data of a database that is not empty (its tables are emptied in the same transaction) */
  force?: boolean;
  /** defaults to every table of the drizzle schema */
  tables?: BackupTable[];
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  migration: string;
  /** tables that held rows before and were emptied (with force) */
  replaced: string[];
}

/**
 * Restores a backup in one transaction: all of it or, on any error (wrong migration, truncated or
 * altered file, constraint violation), nothing. Tables are filled in the file's foreign-key order.
 */
export async function restoreBackup(database: Database, input: Readable, opts: RestoreOptions = {}): Promise<RestoreSummary> {
  const tables = opts.tables ?? schemaTables();
  try {
    return await restoreLines(database, backupLines(input), tables, opts.force === true);
  } finally {
    // On a refusal the rest of the file is never read; let go of it.
    input.destroy();
  }
}

async function restoreLines(database: Database, lines: AsyncGenerator<string>, tables: BackupTable[], force: boolean): Promise<RestoreSummary> {
  const first = await lines.next();
  const header = parseHeader(first.done ? undefined : first.value);
  return database.db.transaction(async (tx) => {
    const current = await appliedMigration(tx);
    if (current.hash !== header.migration.hash) {
      throw new BackupError(
        `the backup was made at migration ${header.migration.tag} but this database is at ${current.tag}: ` +
          'restore it with the Kehu release that made it, then upgrade that release',
      );
    }
    checkSameTables(header, tables);
    await useNeutralTextForms(tx);
    const replaced = await emptyTarget(tx, tables, force);

    let total = 0;
    let index = -1;
    let batch: (string | null)[][] = [];
    let restored = 0;
    const finishTable = async () => {
      if (index < 0) return;
      if (batch.length) await insertRows(tx, tables[index], batch);
      restored += batch.length;
      batch = [];
      const expected = header.tables[index].rows;
      if (restored !== expected) throw new BackupError(`table ${tables[index].name}: the file holds ${restored} rows, its header says ${expected}`);
      total += restored;
      restored = 0;
    };
    for await (const line of lines) {
      const value = parseLine(line);
      if (Array.isArray(value)) {
        if (index < 0) throw new BackupError('the file has rows before its first table');
        if (value.length !== tables[index].columns.length || !value.every((v) => v === null || typeof v === 'string')) {
          throw new BackupError(`table ${tables[index].name}: a row does not have ${tables[index].columns.length} text values`);
        }
        batch.push(value as (string | null)[]);
        if (batch.length >= BATCH_ROWS) {
          await insertRows(tx, tables[index], batch);
          restored += batch.length;
          batch = [];
        }
        continue;
      }
      await finishTable();
      const start = tableStartSchema.safeParse(value);
      if (start.success) {
        index += 1;
        if (tables[index]?.name !== start.data.table) throw new BackupError(`table ${start.data.table} is out of order in the file (expected ${tables[index]?.name ?? 'the end'})`);
        continue;
      }
      const end = trailerSchema.safeParse(value);
      if (!end.success) throw new BackupError('the file holds a line that is neither a table, a row nor its end');
      if (index !== tables.length - 1 || end.data.end.rows !== total) throw new BackupError('the file ends before all its tables were read');
      if (!(await lines.next()).done) throw new BackupError('the file continues after its end line');
      return { tables: tables.length, rows: total, migration: header.migration.tag, replaced };
    }
    throw new BackupError('the file is truncated: its end line is missing');
  });
}

/** Lines of the gunzipped file; corrupt gzip surfaces as a BackupError where the lines are read. */
async function* backupLines(input: Readable): AsyncGenerator<string> {
  const gunzip = createGunzip();
  input.on('error', (err) => gunzip.destroy(err));
  input.pipe(gunzip).setEncoding('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      rest += chunk as string;
      let nl: number;
      while ((nl = rest.indexOf('\n')) >= 0) {
        yield rest.slice(0, nl);
        rest = rest.slice(nl + 1);
      }
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code?.startsWith('Z_')) throw new BackupError(`not a readable Kehu backup (gzip: ${(err as Error).message})`);
    throw err;
  }
  if (rest) yield rest;
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupError(`not a readable Kehu backup: a line is not JSON (${line.slice(0, 40)}…)`);
  }
}

function parseHeader(line: string | undefined): BackupHeader {
  const parsed = headerSchema.safeParse(line === undefined ? undefined : parseLine(line));
  if (!parsed.success) throw new BackupError('not a Kehu backup, or one of a format this release cannot read (its first line is not a Kehu backup header)');
  return parsed.data;
}

/** Same migration means same schema; this guards against a file edited by hand or a schema changed without a migration. */
function checkSameTables(header: BackupHeader, tables: BackupTable[]) {
  const describe = (name: string, columns: string[]) => `${name}(${columns.join(',')})`;
  const inFile = header.tables.map((t) => describe(t.name, t.columns));
  const here = tables.map((t) => describe(t.name, t.columns.map((c) => c.name)));
  const differ = [...inFile.filter((t) => !here.includes(t)), ...here.filter((t) => !inFile.includes(t))];
  if (differ.length || inFile.join() !== here.join()) {
    throw new BackupError(`the backup's tables differ from this database's: ${differ.join('; ') || 'same tables in another order'}`);
  }
}

/** Refuses a database that holds data, unless forced: then empties every table in this transaction. */
async function emptyTarget(tx: Tx, tables: BackupTable[], force: boolean): Promise<string[]> {
  const holding: string[] = [];
  for (const t of tables) {
    const rows = rowsOf(await tx.execute(sql`select 1 from ${tableRef(t)} limit 1`));
    if (rows.length) holding.push(t.name);
  }
  if (!holding.length) return [];
  if (!force) {
    const [tenants] = rowsOf<{ n: string | number }>(await tx.execute(sql`select count(*) as n from tenants`));
    throw new BackupError(
      `the database already holds data (${Number(tenants.n) === 1 ? '1 company' : `${Number(tenants.n)} companies`}; tables ${holding.join(', ')}). ` +
        'A restore replaces everything in it: run again with --force to do that',
    );
  }
  await tx.execute(sql`truncate ${sql.join(tables.map(tableRef), sql`, `)}`);
  return holding;
}

// Rows per insert: large enough to amortise a statement, small enough that one batch stays a few MB.
const BATCH_ROWS = 2_000;

/**
 * One statement per batch with one parameter, the batch as a JSON array of rows: each value is taken
 * out as text (`->>`) and cast to its column's type. Binding every value as its own parameter was
 * 2.3k rows/s on PostgreSQL, mostly spent building and binding tens of thousands of parameters.
 */
async function insertRows(tx: Tx, table: BackupTable, rows: (string | null)[][]) {
  const values = sql.join(table.columns.map((c, i) => sql`(${sql.identifier('r')}->>${sql.raw(String(i))})::${sql.raw(c.sqlType)}`), sql`, `);
  await tx.execute(sql`insert into ${tableRef(table)} (${columnList(table.columns.map((c) => c.name))})
    select ${values} from json_array_elements(${JSON.stringify(rows)}::json) ${sql.identifier('r')}`);
}
