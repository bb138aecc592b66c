import fs from 'node:fs';
import lockfile from 'proper-lockfile';
import { AppError } from '../http/errors.ts';

/**
 * PGlite has no cross-process lock: two processes on one folder both "commit" and one write is lost.
 * We hold an exclusive lock on the folder for the life of the process; a crashed holder's lock goes
 * stale after 10 s (proper-lockfile refreshes it every 5 s while we live).
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dir, { recursive: true });
  try {
    return await lockfile.lock(dir, {
      lockfilePath: `${dir}/.kehu.lock`,
      stale: 10_000,
      update: 5_000,
      retries: { retries: 3, minTimeout: 500, maxTimeout: 4000 },
      onCompromised: (err) => {
        // Losing the lock means another process may write: stop rather than corrupt data.
        console.error(`kehu: lost the lock on ${dir}: ${err.message}`);
        process.exit(75);
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new AppError('data_dir_locked', { dir });
    }
    throw err;
  }
}
