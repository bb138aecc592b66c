import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { ByteMeter } from './byte-meter.ts';
import { contentDisposition } from './content-disposition.ts';
import { fileStoreFrom } from './current-file-store.ts';
import { DiskFileStore } from './disk-file-store.ts';
import { isValidKey, tenantFileKey } from './file-keys.ts';

describe('storage keys', () => {
  it('lead with the tenant and the month', () => {
    const key = tenantFileKey('0190a1b2-0000-7000-8000-000000000001', 'attachments', '0190a1b2-0000-7000-8000-0000000000ff', new Date('2025-03-09T12:00:00Z'));
    expect(key).toBe('tenants/0190a1b2-0000-7000-8000-000000000001/attachments/2025/03/0190a1b2-0000-7000-8000-0000000000ff');
    expect(isValidKey(key)).toBe(true);
  });

  it('cannot be built from names that climb or hide', () => {
    expect(() => tenantFileKey('t', 'attachments', '../x')).toThrow(/invalid storage key/);
    expect(['a/b.pdf', 'x'].every(isValidKey)).toBe(true);
    expect(['', '..', 'a/../b', 'a\\b', '报价单.pdf', ' a', 'a/', `${'a'.repeat(513)}`].some(isValidKey)).toBe(false);
  });
});

describe('Content-Disposition', () => {
  it('gives browsers the Chinese name through filename* and old clients an ASCII one', () => {
    expect(contentDisposition('报价单 (2025).pdf')).toBe(
      `attachment; filename="___ (2025).pdf"; filename*=UTF-8''%E6%8A%A5%E4%BB%B7%E5%8D%95%20%282025%29.pdf`,
    );
    expect(contentDisposition('Café "menu"\r\n.txt')).toBe(`attachment; filename="Cafe _menu_  .txt"; filename*=UTF-8''Caf%C3%A9%20%22menu%22%20%20.txt`);
    expect(decodeURIComponent(contentDisposition('合同.docx').split("UTF-8''")[1])).toBe('合同.docx');
  });
});

describe('byte meter', () => {
  it('counts and hashes what passes, and stops past the limit', async () => {
    const data = Buffer.from('客户 CRM attachment');
    const meter = new ByteMeter(1000);
    await pipeline(Readable.from([data]), meter, new Writable({ write: (_c, _e, done) => done() }));
    expect(meter.bytes).toBe(data.length);
    expect(meter.sha256()).toBe(createHash('sha256').update(data).digest('hex'));
    const small = new ByteMeter(10);
    await expect(pipeline(Readable.from([data]), small, new Writable({ write: (_c, _e, done) => done() }))).rejects.toThrow(/larger than 10 bytes/);
  });
});

describe('store selection', () => {
  it('is the disk folder by default and S3 when a bucket is configured', async () => {
    const disk = await fileStoreFrom({ kind: 'disk', dir: '/srv/kehu/files' });
    expect(disk).toBeInstanceOf(DiskFileStore);
    expect((disk as DiskFileStore).root).toBe('/srv/kehu/files');
    const s3 = await fileStoreFrom({ kind: 's3', bucket: 'b', region: 'us-east-1', forcePathStyle: false });
    expect(s3.kind).toBe('s3');
  });
});
