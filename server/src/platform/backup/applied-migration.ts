import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrationsFolder, type Executor } from '../db/engine.ts';
import { BackupError } from './backup-error.ts';
import { rowsOf } from './sql-rows.ts';

export interface MigrationStamp {
  /** file name in server/migrations, e.g. 0003_jobs ("unknown" when this release does not have it) */
  tag: string;
  /** drizzle's SHA-256 of the migration file: what identifies the schema the rows fit */
  hash: string;
}

interface Journal {
  entries: { tag: string; when: number }[];
}

/** The last migration applied to the database, as drizzle's migrator recorded it. */
export async function appliedMigration(db: Executor): Promise<MigrationStamp> {
  let rows: { hash: string; created_at: string | number }[];
  try {
    rows = rowsOf(await db.execute(sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`));
  } catch {
    throw new BackupError('the database has never been migrated: run `kehu migrate` first');
  }
  if (!rows.length) throw new BackupError('the database has never been migrated: run `kehu migrate` first');
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as Journal;
  // drizzle stores the journal's `when` as created_at: that is how a hash is named.
  const entry = journal.entries.find((e) => String(e.when) === String(rows[0].created_at));
  return { tag: entry?.tag ?? 'unknown', hash: rows[0].hash };
}
