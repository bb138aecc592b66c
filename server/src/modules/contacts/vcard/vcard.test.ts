import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../../test/factories.ts';
import { importVCards } from '../../contacts-vcard/import-vcard.ts';
import { MAX_VCARD_BYTES } from './vcard-transfer.types.ts';

/**
 * vCard import and export through the API. Real files come from ../shared/data/vcard (sample
 * files of AOSP and ez-vcard); the tests that need them are skipped, with a message, without it.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const samplesDir = path.resolve(repoRoot, '../shared/data/vcard');
const haveSamples = fs.existsSync(samplesDir);
if (!haveSamples) console.warn(`vCard API sample tests skipped: ${samplesDir} does not exist`);
const sample = (name: string) => fs.readFileSync(path.join(samplesDir, name));

let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
let managerA: Client;
let managerB: Client;
let accountA: { id: string; name: string };
beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.as('admin');
  managerA = await t.as('managerA');
  managerB = await t.as('managerB');
  accountA = (await managerA.post('/api/v1/accounts', { name: '上海远洋运输有限公司' })).body;
});
afterAll(() => t.close());

interface Sent {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  text: string;
  raw: Buffer;
  headers: Record<string, unknown>;
}

/** A raw-body upload, the way fetch(url, { method: 'POST', body: file }) sends it. */
async function importFile(who: Client, file: Buffer | string, query = '', contentType: string | null = 'text/vcard'): Promise<Sent> {
  const headers: Record<string, string> = { cookie: who.cookie, 'x-csrf-token': who.csrf };
  if (contentType) headers['content-type'] = contentType;
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/contacts/import/vcard${query}`, headers, payload: file });
  return { status: res.statusCode, body: safeJson(res.body), text: res.body, raw: res.rawPayload, headers: res.headers };
}

async function download(who: Client, url: string): Promise<Sent> {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  return { status: res.statusCode, body: safeJson(res.body), text: res.body, raw: res.rawPayload, headers: res.headers };
}
const exportVcf = (who: Client, query: string) => download(who, `/api/v1/contacts/export/vcard?${query}`);

function safeJson(text: string) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const crlf = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const card = (...props: string[]) => crlf('BEGIN:VCARD', 'VERSION:3.0', ...props, 'END:VCARD');

/** What the round trip must keep of a stored contact: name, phones, e-mails, organisation and photo. */
async function kept(who: Client, id: string) {
  const c = (await who.get(`/api/v1/contacts/${id}`)).body;
  const photo = c.hasPhoto ? await download(who, `/api/v1/contacts/${id}/photo`) : null;
  return {
    name: c.name,
    phones: c.phones,
    emails: c.emails,
    organisation: c.accounts[0]?.accountName ?? c.organisation,
    photo: photo && { type: photo.headers['content-type'], sha: sha(photo.raw) },
  };
}

describe.skipIf(!haveSamples)(`import of real files from ${samplesDir}`, () => {
  it('imports an iPhone card with its photo, stored as the file had it', async () => {
    const res = await importFile(managerA, sample('ez-vcard/John_Doe_IPHONE.vcf'));
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ cardCount: 1, created: 1, skipped: [] });
    // The card's addresses and web site have no contact field: said so, not silently dropped.
    expect(res.body.warnings).toEqual([expect.objectContaining({ card: 0, code: 'not_kept', message: '联系人没有对应字段，未导入：ADR, URL' })]);
    const [{ id, name }] = res.body.contacts;
    expect(name).toBe('Mr. John Richter James Doe Sr.');
    const c = (await managerA.get(`/api/v1/contacts/${id}`)).body;
    expect(c).toMatchObject({
      title: 'Money Counter', department: 'Accounting', organisation: 'IBM', birthday: '2012-06-06', hasPhoto: true,
      emails: ['john.doe@ibm.com'], ownerId: t.company.people.managerA.id, unitId: t.company.branchA.id,
    });
    expect(c.phones).toHaveLength(7);
    expect(c.phones).toContain('9052221234');
    const photo = await download(managerA, `/api/v1/contacts/${id}/photo`);
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.headers['x-content-type-options']).toBe('nosniff');
    const original = Buffer.from(importVCards(sample('ez-vcard/John_Doe_IPHONE.vcf')).contacts[0].photo!.bytes, 'base64');
    expect(photo.raw.length).toBe(32531);
    expect(photo.raw.equals(original)).toBe(true);
  });

  it('imports several cards in one transaction, reporting skipped cards and dropped values', async () => {
    const multi = await importFile(managerA, sample('aosp-vcard-tests/v21_multiple_entry.vcf'), '', 'application/octet-stream');
    expect(multi.status, multi.text).toBe(201);
    expect(multi.body.contacts.map((c: { name: string }) => c.name)).toEqual(['安藤ロイド3', '安藤ロイド4', '安藤ロイド5']);
    // Their "phones" are 9, 10, 11…: too short to be numbers.
    expect(multi.body.warnings.filter((w: { code: string }) => w.code === 'bad_phone')).toHaveLength(12);

    const empty = await importFile(managerA, sample('aosp-vcard-tests/v21_im.vcf'), '', null);
    expect(empty.status).toBe(201);
    expect(empty.body).toMatchObject({ cardCount: 1, created: 0, contacts: [] });
    expect(empty.body.skipped).toEqual([{ card: 0, line: 1, reasons: [{ line: 1, code: 'empty_card', message: '名片没有姓名、电话、邮箱或单位，已跳过' }] }]);

    const history = (await admin.get(`/api/v1/history/contact/${multi.body.contacts[1].id}`)).body.items;
    expect(history).toEqual([expect.objectContaining({ action: 'create', changes: expect.objectContaining({ name: [null, '安藤ロイド4'] }) })]);
    expect(history[0].context.import).toMatchObject({ format: 'vcard', card: 1 });
    const summary = (await admin.get('/api/v1/audit-events?action=import&objectType=contact')).body.items;
    expect(summary.map((e: { context: { import: { created: number; cardCount: number } } }) => [e.context.import.cardCount, e.context.import.created])).toEqual(
      expect.arrayContaining([[3, 3], [1, 0]]),
    );
  });

  it.each(['3.0', '4.0'] as const)('keeps names, phones, e-mails, organisation and photo through import → export %s → import', async (version) => {
    const files = ['ez-vcard/John_Doe_IPHONE.vcf', 'ez-vcard/outlook-2007.vcf', 'aosp-vcard-tests/v21_blackberry_photo.vcf'];
    const first: string[] = [];
    for (const f of files) {
      const res = await importFile(managerA, sample(f));
      expect(res.status, `${f}: ${res.text}`).toBe(201);
      first.push(...res.body.contacts.map((c: { id: string }) => c.id));
    }
    const exported = await exportVcf(managerA, `ids=${first.join(',')}&version=${version}`);
    expect(exported.status, exported.text).toBe(200);
    expect(exported.headers['content-type']).toBe('text/vcard; charset=utf-8');
    expect(exported.headers['x-kehu-omitted-fields']).toBe('');
    expect(exported.text).toContain(`VERSION:${version}\r\n`);
    expect(exported.text.match(/BEGIN:VCARD/g)).toHaveLength(3);

    const again = await importFile(managerA, exported.text);
    expect(again.status, again.text).toBe(201);
    expect(again.body.created).toBe(3);
    const before = await Promise.all(first.map((id) => kept(managerA, id)));
    const after = await Promise.all(again.body.contacts.map((c: { id: string }) => kept(managerA, c.id)));
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(after.sort(byName)).toEqual(before.sort(byName));
    expect(before.filter((c) => c.photo).length).toBe(3);
    expect(before.every((c) => c.phones.length && c.organisation !== undefined)).toBe(true);
  });

  it('links every imported contact to an account; the export names the account as organisation', async () => {
    const res = await importFile(managerA, sample('ez-vcard/outlook-2007.vcf'), `?accountId=${accountA.id}`);
    expect(res.status, res.text).toBe(201);
    const id = res.body.contacts[0].id;
    const c = (await managerA.get(`/api/v1/contacts/${id}`)).body;
    expect(c.accounts).toEqual([{ accountId: accountA.id, accountName: accountA.name, role: null, isPrimary: false }]);
    expect(c.organisation).toBe('TheCompany');
    const onAccount = (await managerA.get(`/api/v1/accounts/${accountA.id}/contacts`)).body.items.map((i: { contact: { id: string } }) => i.contact.id);
    expect(onAccount).toContain(id);
    expect((await admin.get(`/api/v1/history/account/${accountA.id}`)).body.items.map((e: { action: string }) => e.action)).toContain('link_contact');

    const exported = await exportVcf(managerA, `accountId=${accountA.id}`);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toContain(encodeURIComponent(`${accountA.name}.vcf`));
    expect(exported.text).toContain(`ORG:${accountA.name};TheDepartment\r\n`);
    const back = await importFile(managerA, exported.text);
    expect((await managerA.get(`/api/v1/contacts/${back.body.contacts[0].id}`)).body.organisation).toBe(accountA.name);
  });
});

describe('vCard import rules', () => {
  it('needs the import right; an account to link must be one the caller may update', async () => {
    const file = card('FN:权限测试', 'TEL:13900001111');
    const rep = await t.as('repA');
    expect((await importFile(rep, file)).status).toBe(403);
    expect((await importFile(await t.as('hq'), file)).status).toBe(403);
    const foreign = await importFile(managerB, file, `?accountId=${accountA.id}`);
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.issues).toEqual([{ field: 'query.accountId', reason: 'no such account in your scope' }]);
    const names = (await admin.get('/api/v1/contacts?limit=500&fields=name')).body.items.map((c: { name: string }) => c.name);
    expect(names).not.toContain('权限测试');
  });

  it('refuses a file over 10 MB, an empty one, and a body that is not a file', async () => {
    const big = Buffer.alloc(MAX_VCARD_BYTES + 1, 'A');
    const tooBig = await importFile(managerA, big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.details).toEqual({ maxBytes: MAX_VCARD_BYTES });
    expect((await importFile(managerA, Buffer.alloc(0))).body.error.issues).toEqual([{ field: 'body', reason: 'the file is empty' }]);
    const json = await importFile(managerA, JSON.stringify({ name: 'x' }), '', 'application/json');
    expect(json.status).toBe(400);
    expect(json.body.error.issues[0].field).toBe('headers.content-type');
    const charset = await importFile(managerA, card('FN:x'), '?charset=klingon');
    expect(charset.body.error.issues).toEqual([{ field: 'query.charset', reason: 'not a known charset' }]);
  });

  it('reads undeclared GBK text with the charset the caller names', async () => {
    const iconv = (await import('iconv-lite')).default;
    const file = Buffer.concat([Buffer.from('BEGIN:VCARD\r\nVERSION:2.1\r\nN:'), iconv.encode('欧阳;锋', 'gbk'), Buffer.from('\r\nTEL;CELL:13812345678\r\nEND:VCARD\r\n')]);
    const res = await importFile(managerA, file, '?charset=GBK');
    expect(res.status, res.text).toBe(201);
    expect(res.body.contacts[0].name).toBe('欧阳锋');
  });
});

describe('vCard export rules', () => {
  let mine: { id: string; version: number };
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  beforeAll(async () => {
    const res = await importFile(managerA, card(
      'FN:导出测试', 'ORG:东方海外', 'TEL;TYPE=CELL:+86 139 0000 2222', 'EMAIL:Export@Test.cn', 'BDAY:1975-08-09', `PHOTO;ENCODING=b;TYPE=PNG:${png.toString('base64')}`,
    ));
    mine = (await managerA.get(`/api/v1/contacts/${res.body.contacts[0].id}`)).body;
  });

  it('writes what the caller sees and audits the export on each contact', async () => {
    const res = await exportVcf(managerA, `ids=${mine.id}&version=4.0`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('FN:导出测试\r\n');
    expect(res.text).toContain('TEL;TYPE=cell:13900002222\r\n');
    expect(res.text).toContain('EMAIL:export@test.cn\r\n');
    expect(res.text).toContain('BDAY:19750809\r\n');
    expect(res.text).toContain('ORG:东方海外\r\n');
    expect(res.text).toContain(`PHOTO:data:image/png;base64,${png.toString('base64')}\r\n`);
    const [event] = (await admin.get(`/api/v1/history/contact/${mine.id}`)).body.items;
    expect(event).toMatchObject({ action: 'export', actorUserId: t.company.people.managerA.id });
    expect(event.context.export).toMatchObject({ format: 'vcard', version: '4.0', count: 1, omittedFields: [] });
  });

  it('leaves out the fields a role masks or hides, and says which', async () => {
    const roles = (await admin.get('/api/v1/roles')).body.items as { id: string; key: string }[];
    const hq = (await admin.get(`/api/v1/roles/${roles.find((r) => r.key === 'head_office')!.id}`)).body;
    const patched = await admin.patch(`/api/v1/roles/${hq.id}`, {
      version: hq.version, grants: hq.grants, capabilities: hq.capabilities, fieldRules: { contact: { phones: 'masked', emails: 'hidden' } },
    });
    expect(patched.status).toBe(200);
    const hqClient = await t.as('hq');
    expect((await hqClient.get(`/api/v1/contacts/${mine.id}`)).body.phones).toEqual(['139****2222']);
    const res = await exportVcf(hqClient, `ids=${mine.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['x-kehu-omitted-fields']).toBe('phones,emails');
    expect(res.text).toContain('FN:导出测试\r\n');
    expect(res.text).toContain('BDAY;VALUE=date:1975-08-09\r\n');
    expect(res.text).not.toMatch(/^(TEL|EMAIL)/m);
    expect(res.text).not.toContain('2222');
    const [event] = (await admin.get(`/api/v1/history/contact/${mine.id}`)).body.items;
    expect(event.context.export.omittedFields).toEqual(['phones', 'emails']);
  });

  it("stays within the caller's scope: another branch's ids or account are 404, nothing audited", async () => {
    const before = (await admin.get(`/api/v1/history/contact/${mine.id}`)).body.items.length;
    expect((await exportVcf(managerB, `ids=${mine.id}`)).status).toBe(404);
    const own = (await managerB.post('/api/v1/contacts', { name: '北京联系人' })).body;
    expect((await exportVcf(managerB, `ids=${own.id},${mine.id}`)).status).toBe(404);
    expect((await exportVcf(managerB, `accountId=${accountA.id}`)).status).toBe(404);
    expect((await download(managerA, `/api/v1/contacts/${mine.id}/photo`)).raw.equals(png)).toBe(true);
    expect((await download(managerB, `/api/v1/contacts/${mine.id}/photo`)).status).toBe(404);
    expect((await admin.get(`/api/v1/history/contact/${mine.id}`)).body.items.length).toBe(before);
    const ownExport = await exportVcf(managerB, `ids=${own.id}`);
    expect(ownExport.status).toBe(200);
    expect(ownExport.text).toContain('FN:北京联系人\r\n');
    expect((await exportVcf(await t.as('repA'), `ids=${mine.id}`)).status).toBe(403);
    const neither = await exportVcf(managerA, 'version=3.0');
    expect(neither.status).toBe(400);
  });
});

describe('vCard import with custom fields on contacts', () => {
  it('gives imported contacts the defaults, and refuses the file while a required field has none', async () => {
    const label = { 'zh-CN': '来源', 'en-US': 'Source' };
    const field = (await admin.post('/api/v1/custom-fields', {
      objectType: 'contact', key: 'channel', label, type: 'single_select',
      options: [{ value: 'fair', label }, { value: 'phone', label }], required: true,
    })).body;
    const refused = await importFile(managerA, card('FN:必填测试'));
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([{ field: 'custom.channel', reason: 'required' }]);
    expect((await admin.get('/api/v1/contacts?limit=500&fields=name')).body.items.map((c: { name: string }) => c.name)).not.toContain('必填测试');

    expect((await admin.patch(`/api/v1/custom-fields/${field.id}`, { version: field.version, defaultValue: 'phone' })).status).toBe(200);
    const res = await importFile(managerA, card('FN:必填测试'));
    expect(res.status, res.text).toBe(201);
    expect((await managerA.get(`/api/v1/contacts/${res.body.contacts[0].id}`)).body.custom).toEqual({ channel: 'phone' });
  });
});
