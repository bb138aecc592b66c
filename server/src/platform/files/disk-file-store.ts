import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertValidKey } from './file-keys.ts';
import { FileNotFoundError, type FileStore } from './file-store.ts';

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException)?.code === 'ENOENT';

/**
 * Files under one folder (KEHU_DATA_DIR/files by default), one file per key. A put writes to a
 * hidden ".partial-…" file in the target's folder, flushes it to disk and renames it over the key:
 * rename is atomic on one file system, so a crash or a failed upload leaves no half file under a key,
 * at worst a ".partial-" file that no key can name (see file-keys.ts) and that may be deleted.
 */
export class DiskFileStore implements FileStore {
  readonly kind = 'disk' as const;

  constructor(readonly root: string) {}

  pathOf(key: string): string {
    assertValidKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, body: Readable | Buffer, _opts: { contentType: string }): Promise<void> {
    const target = this.pathOf(key);
    const dir = path.dirname(target);
    await fsp.mkdir(dir, { recursive: true });
    const partial = path.join(dir, `.partial-${randomUUID()}`);
    try {
      const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
      await pipeline(source, fs.createWriteStream(partial, { flags: 'wx', flush: true }));
      await fsp.rename(partial, target);
    } catch (err) {
      await fsp.rm(partial, { force: true });
      throw err;
    }
    await syncFolder(dir);
  }

  async get(key: string): Promise<Readable> {
    // Opened before returning, so a missing file is an error here and not in the middle of a response.
    try {
      const handle = await fsp.open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (err) {
      if (isMissing(err)) throw new FileNotFoundError(key);
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await fsp.rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await fsp.stat(this.pathOf(key))).isFile();
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }
}

/** The rename is durable only once the folder entry is on disk too; not every platform can open a folder. */
async function syncFolder(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot fsync a folder; the file itself was flushed before the rename.
  } finally {
    await handle?.close();
  }
}
