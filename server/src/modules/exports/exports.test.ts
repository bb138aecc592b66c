import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/factories.ts';
import { auditEvents } from '../../platform/audit/audit.table.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { runImport } from '../imports/imports.engine.ts';
import { creditCode, setupImportTest, uploadFile, type ImportTest } from '../imports/testing/import-test-kit.ts';

let t: ImportTest;
let admin: Client;
beforeAll(async () => {
  t = await setupImportTest();
  admin = await t.as('admin');
  await admin.post('/api/v1/custom-fields', {
    objectType: 'account', key: 'grade', label: { 'zh-CN': '资质等级', 'en-US': 'Grade' }, type: 'single_select',
    options: [{ value: 'g1', label: { 'zh-CN': '一级', 'en-US': 'First' } }, { value: 'g2', label: { 'zh-CN': '二级', 'en-US': 'Second' } }],
  });
  const managerB = await t.as('managerB');
  for (let i = 0; i < 12; i++) {
    const who = i < 9 ? admin : managerB;
    const res = await who.post('/api/v1/accounts', {
      name: `导出测试${i}号贸易有限公司`, phones: [`1370000${String(i).padStart(4, '0')}`], creditCode: creditCode(500 + i),
      provinceCode: '310000', cityCode: '310100', districtCode: '310101', tags: ['导出', i % 2 ? '单' : '双'], tier: 'B',
      creditLimit: '1000.50', custom: { grade: i % 2 ? 'g1' : 'g2' },
    });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => t?.close());

async function download(who: Client, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie, 'accept-language': 'zh-CN' } });
  return { status: res.statusCode, bytes: res.rawPayload, headers: res.headers };
}

const csvLines = (bytes: Buffer) => bytes.toString('utf8').replace(/^\ufeff/, '').trim().split('\r\n');

describe('exports', () => {
  it('exports the filtered list view as CSV with a BOM, in the caller language, custom fields as labels', async () => {
    const res = await download(admin, '/api/v1/exports/accounts?format=csv&tags=导出,单&sort=name');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csvLines(res.bytes);
    expect(lines[0]).toContain('客户名称,简称,英文名称,统一社会信用代码,电话');
    expect(lines[0]).toContain('资质等级');
    expect(lines).toHaveLength(1 + 6);
    expect(lines[1]).toContain('上海市 黄浦区');
    expect(lines[1]).toContain('一级');
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, t.company.tenantId), eq(auditEvents.action, 'export')));
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]).toMatchObject({ objectType: 'account', actorUserId: t.company.people.admin.id });
  });

  it('writes GBK that decodes as Chinese', async () => {
    const res = await download(admin, '/api/v1/exports/accounts?format=csv&encoding=gbk&columns=name,region&sort=name');
    expect(res.status).toBe(200);
    expect(res.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(res.bytes.toString('utf8')).not.toContain('客户名称');
    const text = iconv.decode(res.bytes, 'gbk');
    expect(text.split('\r\n')[0]).toBe('客户名称,地区');
    expect(text).toContain('导出测试0号贸易有限公司,上海市 黄浦区');
  });

  it('streams XLSX with the chosen columns, only within the caller scope and with field masks', async () => {
    const managerB = await t.as('managerB');
    const res = await download(managerB, '/api/v1/exports/accounts?format=xlsx&columns=name,phones,custom.grade&sort=name');
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const rows = book.worksheets[0].getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['客户名称', '电话', '资质等级']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['导出测试10号贸易有限公司', '导出测试11号贸易有限公司', '导出测试9号贸易有限公司']);

    const roles = (await admin.get('/api/v1/roles')).body.items as { id: string; key: string }[];
    const hqRole = roles.find((r) => r.key === 'head_office')!;
    const role = (await admin.get(`/api/v1/roles/${hqRole.id}`)).body;
    await admin.patch(`/api/v1/roles/${hqRole.id}`, { version: role.version, grants: role.grants, capabilities: role.capabilities, fieldRules: { account: { phones: 'masked' } } });
    const hq = await t.as('hq');
    const masked = csvLines((await download(hq, '/api/v1/exports/accounts?format=csv&columns=name,phones&sort=name')).bytes);
    expect(masked[1]).toBe('导出测试0号贸易有限公司,137****0000');
  });

  it('needs the export right', async () => {
    const rep = await t.as('repA');
    expect((await download(rep, '/api/v1/exports/accounts?format=csv')).status).toBe(403);
  });

  it('round-trips: an exported file imports back into another company as the same data', async () => {
    const exported = await download(admin, '/api/v1/exports/accounts?format=xlsx&sort=name');
    const other = await setupImportTest();
    try {
      const otherAdmin = await other.as('admin');
      await otherAdmin.post('/api/v1/custom-fields', {
        objectType: 'account', key: 'grade', label: { 'zh-CN': '资质等级', 'en-US': 'Grade' }, type: 'single_select',
        options: [{ value: 'g1', label: { 'zh-CN': '一级', 'en-US': 'First' } }, { value: 'g2', label: { 'zh-CN': '二级', 'en-US': 'Second' } }],
      });
      const up = await uploadFile(other, otherAdmin, 'export.xlsx', exported.bytes);
      expect(up.status).toBe(201);
      const fields = up.body.mapping.map((m: { field: string }) => m.field);
      expect(fields).toEqual(expect.arrayContaining(['name', 'creditCode', 'phones', 'region', 'tags', 'tier', 'creditLimit', 'owner', 'custom.grade']));
      await otherAdmin.post(`/api/v1/imports/${up.body.id}/run`, {});
      await runImport(other.database, other.company.tenantId, up.body.id);
      const done = (await otherAdmin.get(`/api/v1/imports/${up.body.id}`)).body;
      // managerB's accounts are owned by manager.b, who exists in the other company too.
      expect(done).toMatchObject({ state: 'done', processed: 12, created: 12, errors: 0 });
      const cols = ['name', 'creditCode', 'phones', 'provinceCode', 'cityCode', 'districtCode', 'tags', 'tier', 'creditLimit', 'custom'] as const;
      const pick = (r: typeof accounts.$inferSelect) => Object.fromEntries(cols.map((c) => [c, c === 'tags' ? [...r.tags].sort() : r[c]]));
      const names = Array.from({ length: 12 }, (_, i) => `导出测试${i}号贸易有限公司`);
      const load = (db: typeof t.db, tenantId: string) =>
        db.select().from(accounts).where(and(eq(accounts.tenantId, tenantId), inArray(accounts.name, names))).then((rows) => rows.map(pick).sort((a, b) => String(a.name).localeCompare(String(b.name))));
      const before = await load(t.db, t.company.tenantId);
      const after = await load(other.db, other.company.tenantId);
      expect(before).toHaveLength(12);
      expect(after).toEqual(before);
    } finally {
      await other.close();
    }
  });
});
