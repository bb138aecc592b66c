import { createHash } from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';
import { useFileStore } from '../../platform/files/current-file-store.ts';
import { DiskFileStore } from '../../platform/files/disk-file-store.ts';
import { MAX_ATTACHMENT_BYTES } from './attachments.types.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let filesDir: string;
let admin: Client;
let repAId: string;
beforeAll(async () => {
  filesDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'kehu-attachments-'));
  useFileStore(new DiskFileStore(filesDir));
  t = await setupTestApp();
  admin = await t.as('admin');
  repAId = t.company.people.repA.id;
});
afterAll(async () => {
  await t.close();
  await fsp.rm(filesDir, { recursive: true, force: true });
});

const base = (recordId: string, recordType = 'user') => `/api/v1/attachments/${recordType}/${recordId}`;

/** A raw-body upload the way the web app sends it: fetch(url, { method: 'PUT', body: file }). */
async function upload(who: Client | null, recordId: string, fileName: string, body: Buffer | Readable, contentType: string | null = 'application/pdf', recordType = 'user') {
  const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
  if (who) Object.assign(headers, { cookie: who.cookie, 'x-csrf-token': who.csrf });
  const res = await t.app.inject({ method: 'PUT', url: `${base(recordId, recordType)}?fileName=${encodeURIComponent(fileName)}`, headers, payload: body });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}

async function download(who: Client, recordId: string, id: string) {
  const res = await t.app.inject({ method: 'GET', url: `${base(recordId)}/${id}`, headers: { cookie: who.cookie } });
  return { status: res.statusCode, bytes: res.rawPayload, headers: res.headers };
}

const storedFiles = async () => (await fsp.readdir(filesDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
const attachmentRows = async () => (await t.database.query<{ n: number }>('select count(*)::int as n from attachments'))[0].n;

describe('attachments', () => {
  it('uploads a file with a Chinese name, lists it and downloads the same bytes', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300_000, 7)]);
    const up = await upload(admin, repAId, '报价单 2025.pdf', pdf);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      recordType: 'user', recordId: repAId, fileName: '报价单 2025.pdf', contentType: 'application/pdf', size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'), uploadedByName: 'admin', permissions: { delete: true },
    });
    expect(up.body).not.toHaveProperty('storageKey');

    const list = await admin.get(base(repAId));
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([up.body.id]);

    const got = await download(admin, repAId, up.body.id);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(pdf)).toBe(true);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(`attachment; filename="___ 2025.pdf"; filename*=UTF-8''%E6%8A%A5%E4%BB%B7%E5%8D%95%202025.pdf`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');

    const history = await admin.get(`/api/v1/history/user/${repAId}`);
    const event = history.body.items.find((e: { action: string }) => e.action === 'attachment_upload');
    expect(event).toMatchObject({ objectType: 'user', objectId: repAId, changes: { attachment: [null, '报价单 2025.pdf'] } });
    expect(event.context).toMatchObject({ attachmentId: up.body.id, size: pdf.length });
  });

  it('lets a colleague who may see but not change the record list and download, not upload or delete', async () => {
    const up = await upload(admin, repAId, 'visit-notes.txt', Buffer.from('notes'), 'text/plain; charset=utf-8');
    const colleague = await t.as('repA2');
    const list = await colleague.get(base(repAId));
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toContain(up.body.id);
    expect(list.body.items.every((a: { permissions: { delete: boolean } }) => !a.permissions.delete)).toBe(true);
    expect((await download(colleague, repAId, up.body.id)).bytes.toString()).toBe('notes');
    expect((await upload(colleague, repAId, 'x.txt', Buffer.from('x'), 'text/plain')).status).toBe(403);
    expect((await colleague.delete(`${base(repAId)}/${up.body.id}`)).status).toBe(403);
  });

  it('deletes softly: gone from the list and from downloads, logged, bytes kept for the audit trail', async () => {
    const up = await upload(await t.as('managerA'), repAId, 'old-contract.docx', Buffer.from('contract'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(up.status).toBe(201);
    const files = await storedFiles();
    expect((await admin.delete(`${base(repAId)}/${up.body.id}`)).status).toBe(204);
    expect((await admin.delete(`${base(repAId)}/${up.body.id}`)).status).toBe(404);
    expect((await admin.get(base(repAId))).body.items.map((a: { id: string }) => a.id)).not.toContain(up.body.id);
    expect((await download(admin, repAId, up.body.id)).status).toBe(404);
    expect(await storedFiles()).toBe(files);
    const history = (await admin.get(`/api/v1/history/user/${repAId}`)).body.items;
    expect(history.find((e: { action: string }) => e.action === 'attachment_delete')).toMatchObject({ changes: { attachment: ['old-contract.docx', null] } });
  });

  it('refuses a file over 20 MB, declared or streamed, and keeps nothing of it', async () => {
    const files = await storedFiles();
    const rows = await attachmentRows();
    const declared = await upload(admin, repAId, 'huge.bin', Buffer.alloc(MAX_ATTACHMENT_BYTES + 1), 'application/octet-stream');
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe('payload_too_large');
    // No Content-Length: the limit is found while streaming.
    const chunks = Array.from({ length: 21 }, () => Buffer.alloc(1024 * 1024, 1));
    const streamed = await upload(admin, repAId, 'huge.bin', Readable.from(chunks), 'application/octet-stream');
    expect(streamed.status).toBe(413);
    expect(await storedFiles()).toBe(files);
    expect(await attachmentRows()).toBe(rows);
  });

  it('answers 413 over a real connection too, instead of resetting it mid-upload', async () => {
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream({ pull: (c) => (sent++ < 30 ? c.enqueue(chunk) : c.close()) });
    const res = await fetch(`${url}${base(repAId)}?fileName=big.bin`, {
      method: 'PUT', body, duplex: 'half', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/octet-stream' },
    } as RequestInit & { duplex: 'half' });
    expect(res.status).toBe(413);
    expect((await res.json()).error.details).toEqual({ maxBytes: MAX_ATTACHMENT_BYTES });
  });

  it('refuses an empty file, a missing name, an unknown record type and a missing record', async () => {
    const files = await storedFiles();
    const empty = await upload(admin, repAId, 'empty.txt', Buffer.alloc(0), 'text/plain');
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues).toEqual([{ field: 'body', reason: 'the file is empty' }]);
    expect((await upload(admin, repAId, '../', Buffer.from('x'))).status).toBe(400);
    expect((await upload(admin, repAId, 'a.pdf', Buffer.from('x'), 'application/pdf', 'spaceship')).status).toBe(404);
    expect((await upload(admin, '00000000-0000-7000-8000-000000000000', 'a.pdf', Buffer.from('x'))).status).toBe(404);
    expect(await storedFiles()).toBe(files);
  });

  it('keeps path parts out of the stored name and stores a body without a type as bytes', async () => {
    const up = await upload(admin, repAId, 'C:\\Users\\张三\\Desktop\\名片.jpg', Buffer.from([0xff, 0xd8, 0xff]), null);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ fileName: '名片.jpg', contentType: 'application/octet-stream', size: 3 });
  });

  it('does not reach an attachment through another record, nor without signing in', async () => {
    const up = await upload(admin, repAId, 'a.txt', Buffer.from('a'), 'text/plain');
    const otherRecord = t.company.people.repA2.id;
    expect((await download(admin, otherRecord, up.body.id)).status).toBe(404);
    expect((await admin.delete(`${base(otherRecord)}/${up.body.id}`)).status).toBe(404);
    const files = await storedFiles();
    expect((await upload(null, repAId, 'anon.txt', Buffer.from('anon'), 'text/plain')).status).toBe(401);
    expect(await storedFiles()).toBe(files);
  });
});

describe('attachments of a branch-A record seen from branch B', () => {
  it('are 404 for list, download, upload and delete, and stay untouched', async () => {
    const up = await upload(admin, repAId, '客户资料.xlsx', Buffer.from('secret'), 'application/vnd.ms-excel');
    const managerB = await t.as('managerB');
    expect((await managerB.get(base(repAId))).status).toBe(404);
    expect((await download(managerB, repAId, up.body.id)).status).toBe(404);
    expect((await upload(managerB, repAId, 'planted.txt', Buffer.from('x'), 'text/plain')).status).toBe(404);
    expect((await managerB.delete(`${base(repAId)}/${up.body.id}`)).status).toBe(404);
    const still = await admin.get(base(repAId));
    expect(still.body.items.map((a: { fileName: string }) => a.fileName)).toContain('客户资料.xlsx');
    expect(still.body.items.map((a: { fileName: string }) => a.fileName)).not.toContain('planted.txt');
    // Their own branch's records work for them: the 404 is about scope, not a broken route.
    const own = await upload(managerB, t.company.people.repB.id, 'b.txt', Buffer.from('b'), 'text/plain');
    expect(own.status).toBe(201);
  });
});
