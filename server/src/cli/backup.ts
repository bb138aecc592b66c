import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../platform/config.ts';
import { BackupError } from '../platform/backup/backup-error.ts';
import { writeBackup } from '../platform/backup/write-backup.ts';
import { openDatabase, type Database } from '../platform/db/engine.ts';
import { AppError } from '../platform/http/errors.ts';

/** `kehu backup FILE`: a consistent, engine-neutral backup (gzip of NDJSON) of the whole database. */
export async function backupCommand(config: Config, file: string) {
  await reportingBackupErrors(async () => {
    // Opening a folder without a database would create an empty one (and back that up).
    if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pg'))) {
      throw new BackupError(`no embedded database in ${config.dataDir}: set KEHU_DATA_DIR (or DATABASE_URL) to the database to back up`);
    }
    // No migration here: a backup records the database as it is.
    const database = await openForBackup(config, 'backup', false);
    // Written beside the target and renamed at the end, so a failed run never leaves a file that looks whole.
    const partial = `${file}.partial`;
    try {
      const started = performance.now();
      const summary = await writeBackup(database, fs.createWriteStream(partial));
      fs.renameSync(partial, file);
      const mb = (fs.statSync(file).size / 1e6).toFixed(1);
      console.log(`kehu: backed up ${summary.rows} rows of ${summary.tables} tables (migration ${summary.migration}) to ${file} (${mb} MB) in ${Math.round(performance.now() - started)} ms`);
    } catch (err) {
      fs.rmSync(partial, { force: true });
      throw err;
    } finally {
      await database.close();
    }
  });
}

/**
 * The embedded database's folder is locked by a running server (see db/lock.ts), and the CLI cannot
 * share it: say so plainly instead of the generic "in use" error.
 */
export async function openForBackup(config: Config, action: 'backup' | 'restore', migrate: boolean): Promise<Database> {
  try {
    return await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2, migrate });
  } catch (err) {
    if (err instanceof AppError && err.code === 'data_dir_locked') {
      throw new BackupError(
        `the embedded database in ${config.dataDir} is in use by a running Kehu server. ` +
          `Stop the server, run \`kehu ${action}\` again, then start the server. ` +
          '(With PostgreSQL, DATABASE_URL, a backup can be made while the server runs.)',
      );
    }
    throw err;
  }
}

/** Operator mistakes (locked folder, wrong file, non-empty database) print one line and exit 1, without a stack. */
export async function reportingBackupErrors(run: () => Promise<void>) {
  try {
    await run();
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    console.error(`kehu: ${err.message}`);
    process.exitCode = 1;
  }
}
