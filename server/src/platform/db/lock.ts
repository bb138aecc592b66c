import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../http/errors.ts';

/**
 * PGlite has no cross-process lock: two processes on one folder both "commit" and one write is lost.
 * We hold an exclusive lock file for the life of the process. It names the holder's host and pid;
 * a lock whose process is gone (crash, kill -9) is taken over. Liveness is checked by pid rather
 * than by a heartbeat, because PGlite blocks the event loop during long queries and a heartbeat
 * lock (mtime refreshed on a timer) then looks stale while its holder is still writing.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, '.kehu.lock');
  const me = JSON.stringify({ host: os.hostname(), pid: process.pid, since: new Date().toISOString() });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, me, { flag: 'wx' });
      const release = async () => {
        if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true });
      };
      process.once('exit', () => void release());
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(file);
      if (holder && holderAlive(holder)) throw new AppError('data_dir_locked', { dir });
      // The holder is gone: remove its lock and try again (another starter may win the race).
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError('data_dir_locked', { dir });
}

interface Holder {
  host: string;
  pid: number;
}

function readHolder(file: string): Holder | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Holder;
  } catch {
    return null; // unreadable or half-written: treated as stale
  }
}

function holderAlive(holder: Holder): boolean {
  // On another host we cannot tell; a shared folder there is never safe to take over.
  if (holder.host !== os.hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
