import fs from 'node:fs';
import type { Config } from '../platform/config.ts';
import { BackupError } from '../platform/backup/backup-error.ts';
import { restoreBackup } from '../platform/backup/restore-backup.ts';
import { openForBackup, reportingBackupErrors } from './backup.ts';

/** `kehu restore FILE [--force]`: fills a freshly migrated database from a backup, in one transaction. */
export async function restoreCommand(config: Config, file: string, o: { force?: boolean }) {
  await reportingBackupErrors(async () => {
    if (!fs.existsSync(file)) throw new BackupError(`no such file: ${file}`);
    // Migrating first makes a new database ready; restore then checks the backup was made at this same migration.
    const database = await openForBackup(config, 'restore', true);
    try {
      const started = performance.now();
      const summary = await restoreBackup(database, fs.createReadStream(file), { force: o.force });
      const replaced = summary.replaced.length ? `, replacing the data that was there (${summary.replaced.join(', ')})` : '';
      console.log(`kehu: restored ${summary.rows} rows of ${summary.tables} tables (migration ${summary.migration}) from ${file}${replaced} in ${Math.round(performance.now() - started)} ms`);
    } finally {
      await database.close();
    }
  });
}
