import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ByteMeter } from './byte-meter.ts';
import { DiskFileStore } from './disk-file-store.ts';
import { tenantFileKey } from './file-keys.ts';
import { FileNotFoundError, FileTooLargeError } from './file-store.ts';

let root: string;
let store: DiskFileStore;
beforeAll(async () => {
  root = await fsp.mkdtemp(path.join(os.tmpdir(), 'kehu-files-'));
  store = new DiskFileStore(root);
});
afterAll(() => fsp.rm(root, { recursive: true, force: true }));

const readAll = async (stream: Readable) => Buffer.concat(await stream.toArray());
/** Every file under the root, partial ones included. */
const allFiles = async (): Promise<string[]> =>
  (await fsp.readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);

describe('disk file store', () => {
  it('stores a buffer and a stream under their keys and reads them back', async () => {
    const a = tenantFileKey('t1', 'attachments', 'a');
    const b = tenantFileKey('t1', 'attachments', 'b');
    await store.put(a, Buffer.from('报价单 v1'), { contentType: 'text/plain' });
    const big = Buffer.alloc(3 * 1024 * 1024, 'x');
    await store.put(b, Readable.from([big.subarray(0, 1000), big.subarray(1000)]), { contentType: 'application/octet-stream' });
    expect((await readAll(await store.get(a))).toString()).toBe('报价单 v1');
    expect((await readAll(await store.get(b))).equals(big)).toBe(true);
    expect(await store.exists(a)).toBe(true);
    expect(fs.existsSync(path.join(root, 'tenants', 't1', 'attachments'))).toBe(true);
  });

  it('replaces a file whole, and deletes idempotently', async () => {
    const key = tenantFileKey('t1', 'attachments', 'c');
    await store.put(key, Buffer.from('old'), { contentType: 'text/plain' });
    await store.put(key, Buffer.from('new content'), { contentType: 'text/plain' });
    expect((await readAll(await store.get(key))).toString()).toBe('new content');
    await store.delete(key);
    await store.delete(key);
    expect(await store.exists(key)).toBe(false);
    await expect(store.get(key)).rejects.toBeInstanceOf(FileNotFoundError);
  });

  it('leaves nothing behind when the upload fails half way', async () => {
    const before = await allFiles();
    const key = tenantFileKey('t1', 'attachments', 'broken');
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(64 * 1024, 1));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.put(key, failing, { contentType: 'image/png' })).rejects.toThrow('connection reset');
    expect(await store.exists(key)).toBe(false);
    expect(await allFiles()).toEqual(before);
  });

  it('leaves nothing behind when a metered upload grows past its limit', async () => {
    const before = await allFiles();
    const key = tenantFileKey('t1', 'attachments', 'too-big');
    const meter = new ByteMeter(100_000);
    Readable.from([Buffer.alloc(60_000), Buffer.alloc(60_000)]).pipe(meter);
    await expect(store.put(key, meter, { contentType: 'application/pdf' })).rejects.toBeInstanceOf(FileTooLargeError);
    expect(meter.bytes).toBe(120_000);
    expect(await store.exists(key)).toBe(false);
    expect(await allFiles()).toEqual(before);
  });

  it('refuses keys that could leave its folder or name a partial file', async () => {
    for (const key of ['../etc/passwd', 'tenants/../../x', '/abs', 'a//b', '.partial-x', 'a/.hidden', '']) {
      await expect(store.put(key, Buffer.from('x'), { contentType: 'text/plain' }), key).rejects.toThrow(/invalid storage key/);
      await expect(store.exists(key)).rejects.toThrow(/invalid storage key/);
    }
    expect(await allFiles()).not.toContain('passwd');
  });

  it('keeps one whole file when two uploads race for the same key', async () => {
    const key = tenantFileKey('t1', 'attachments', 'race');
    const one = Buffer.alloc(2 * 1024 * 1024, 'a');
    const two = Buffer.alloc(2 * 1024 * 1024, 'b');
    await Promise.all([store.put(key, one, { contentType: 'x/y' }), store.put(key, two, { contentType: 'x/y' })]);
    const stored = await readAll(await store.get(key));
    expect(stored.equals(one) || stored.equals(two)).toBe(true);
  });
});
