import { and, count, eq, inArray, sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/factories.ts';
import { auditEvents } from '../../platform/audit/audit.table.ts';
import { startJobRunner } from '../../platform/jobs/job-runner.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { accountContacts, contacts } from '../contacts/contacts.schema.ts';
import { runImport } from './imports.engine.ts';
import { importJob } from './imports.job.ts';
import { importRows } from './imports.schema.ts';
import { creditCode, setupImportTest, uploadFile, type ImportTest } from './testing/import-test-kit.ts';

let t: ImportTest;
let admin: Client;
beforeAll(async () => {
  t = await setupImportTest();
  admin = await t.as('admin');
});
afterAll(async () => t?.close());

const tenantAccounts = (names: string[]) =>
  t.db.select().from(accounts).where(and(eq(accounts.tenantId, t.company.tenantId), inArray(accounts.name, names)));

async function importAndRun(who: Client, fileName: string, body: Buffer, settings: Record<string, unknown> = {}, target = 'accounts') {
  const up = await uploadFile(t, who, fileName, body, target);
  expect(up.status).toBe(201);
  const run = await who.post(`/api/v1/imports/${up.body.id}/run`, settings);
  expect(run.status).toBe(202);
  await runImport(t.database, t.company.tenantId, up.body.id);
  return (await who.get(`/api/v1/imports/${up.body.id}`)).body;
}

describe('reading files', () => {
  const text = [
    '客户导出 2025-01-01',
    '',
    ' 客户名称 ,手机,统一社会信用代码,省份,城市,信用额度,首次合作',
    `  上海编码测试有限公司  ,="13800138000",${creditCode(1)},上海市,上海市,"１,２３４.５",2024年3月5日`,
    `北京编码测试有限公司,010-6888 8888,${creditCode(2)},北京,,"12,000",2024/3/5`,
    ',,,,,,',
    ',,,,,,',
  ].join('\r\n');

  it.each([
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
    ['utf-8', Buffer.from(text), 'utf-8'],
    ['GBK', iconv.encode(text, 'gbk'), 'gb18030'],
    ['UTF-16LE with BOM', iconv.encode(text, 'utf-16le', { addBOM: true }), 'utf-16le'],
    ['UTF-16BE with BOM', iconv.encode(text, 'utf-16be', { addBOM: true }), 'utf-16be'],
    ['UTF-32LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), iconv.encode(text, 'utf-32le')]), 'utf-32le'],
  ])('reads %s, finds the header after the preamble and maps Chinese headers', async (_label, bytes, encoding) => {
    const up = await uploadFile(t, admin, 'customers.csv', bytes);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ format: 'csv', encoding, headerRow: 3, headers: ['客户名称', '手机', '统一社会信用代码', '省份', '城市', '信用额度', '首次合作'] });
    expect(up.body.mapping).toEqual([
      { column: 0, field: 'name' }, { column: 1, field: 'phones' }, { column: 2, field: 'creditCode' },
      { column: 3, field: 'province' }, { column: 4, field: 'city' }, { column: 5, field: 'creditLimit' },
    ]);
    const preview = await admin.post(`/api/v1/imports/${up.body.id}/preview`, {});
    expect(preview.status).toBe(200);
    expect(preview.body.rows).toHaveLength(2);
    expect(preview.body.rows[0]).toMatchObject({
      rowNo: 4, outcome: 'created',
      values: { name: '上海编码测试有限公司', phones: '13800138000', creditCode: creditCode(1), region: '上海市', creditLimit: '1234.5' },
    });
    expect(preview.body.rows[1].values).toMatchObject({ name: '北京编码测试有限公司', phones: '01068888888', region: '北京市', creditLimit: '12000' });
  });

  it('lets the user override a wrongly guessed encoding and header row', async () => {
    const up = await uploadFile(t, admin, 'customers.csv', iconv.encode(text, 'gbk'), 'accounts', '&encoding=utf-8');
    expect(up.body.encoding).toBe('utf-8');
    const fixed = await admin.post(`/api/v1/imports/${up.body.id}/preview`, { encoding: 'gbk', headerRow: 3 });
    expect(fixed.body.import).toMatchObject({ encoding: 'gbk', headerRow: 3 });
    expect(fixed.body.rows[0].values.name).toBe('上海编码测试有限公司');
  });

  it('reads XLSX (streamed) and XLS files with dates and numbers', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('客户');
    sheet.addRow(['客户信息表']);
    sheet.addRow([]);
    sheet.addRow(['公司名称', 'Phone', 'E-mail', '客户等级', '负责人']);
    sheet.addRow(['杭州表格测试有限公司', 13900139000, 'A@Example.COM', '重要', 'rep.a']);
    sheet.addRow(['宁波表格测试有限公司', '0574-8888 9999', 'b@example.com', 'C', '']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const done = await importAndRun(admin, 'book.xlsx', xlsx);
    expect(done).toMatchObject({ state: 'done', format: 'xlsx', headerRow: 3, processed: 2, created: 2, errors: 0 });
    const rows = await tenantAccounts(['杭州表格测试有限公司', '宁波表格测试有限公司']);
    const hz = rows.find((r) => r.name.startsWith('杭州'))!;
    expect(hz).toMatchObject({ phones: ['13900139000'], emails: ['a@example.com'], tier: 'A', ownerId: t.company.people.repA.id, unitId: t.company.salesA.id });
    expect(rows.find((r) => r.name.startsWith('宁波'))).toMatchObject({ tier: 'C', ownerId: t.company.people.admin.id });
  });
});

describe('validation, error report and re-import', () => {
  it('records every row, lists bad rows with column, value and reason in the user language, and re-imports the fixed file', async () => {
    const csv = [
      '客户名称,电话,邮箱,统一社会信用代码,负责人',
      `报告测试一号公司,13700137000,one@example.com,${creditCode(11)},`,
      '报告测试二号公司,12,not-an-email,91310000MA1FL8XQ3X,nobody',
      ',13700137002,,,',
      `报告测试四号公司,13700137004,,${creditCode(14)},`,
    ].join('\n');
    const done = await importAndRun(admin, 'report.csv', Buffer.from(csv));
    expect(done).toMatchObject({ state: 'done', processed: 4, created: 2, errors: 2 });

    const report = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${done.id}/errors?format=csv`, headers: { cookie: admin.cookie, 'accept-language': 'zh-CN' } });
    expect(report.statusCode).toBe(200);
    const lines = report.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('客户名称,电话,邮箱,统一社会信用代码,负责人,原行号,错误列,错误值,错误原因');
    expect(lines).toHaveLength(3);
    expect(report.body).toContain('不是有效的电话号码');
    expect(report.body).toContain('不是有效的电子邮箱');
    expect(report.body).toContain('找不到该用户');
    expect(report.body).toContain('必填');

    const xlsx = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${done.id}/errors?format=xlsx`, headers: { cookie: admin.cookie } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0].rowCount).toBe(3);

    // Fix the two rows in the report and import it again: the extra columns are left unmapped.
    const fixed = lines.map((l, i) => (i === 0 ? l : l.replace(',12,not-an-email,91310000MA1FL8XQ3X,nobody', `,13700137003,two@example.com,${creditCode(12)},rep.a`).replace(/^,13700137002/, '报告测试三号公司,13700137002')));
    const again = await importAndRun(admin, 'report-fixed.csv', Buffer.from(`\ufeff${fixed.join('\r\n')}`));
    expect(again).toMatchObject({ processed: 2, created: 2, errors: 0 });
    expect(await tenantAccounts(['报告测试一号公司', '报告测试二号公司', '报告测试三号公司', '报告测试四号公司'])).toHaveLength(4);
  });

  it('answers "which import created this record" through the row outcomes and one audit event per batch', async () => {
    const csv = ['客户名称', ...Array.from({ length: 25 }, (_, i) => `审计批次公司${i}`)].join('\n');
    const up = await uploadFile(t, admin, 'audit.csv', Buffer.from(csv));
    await admin.post(`/api/v1/imports/${up.body.id}/run`, {});
    await runImport(t.database, t.company.tenantId, up.body.id, { batchRows: 10 });
    const [created] = await tenantAccounts(['审计批次公司7']);
    const [outcome] = await t.db.select().from(importRows).where(and(eq(importRows.tenantId, t.company.tenantId), eq(importRows.recordId, created.id)));
    expect(outcome).toMatchObject({ importId: up.body.id, outcome: 'created' });
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, t.company.tenantId), eq(auditEvents.objectId, up.body.id), eq(auditEvents.action, 'import')));
    expect(events).toHaveLength(3);
    expect(events.map((e) => (e.context as { created: number }).created).sort()).toEqual([10, 10, 5]);
  });
});

describe('duplicates', () => {
  const file = (phone: string) => Buffer.from([
    '客户名称,手机,统一社会信用代码,行业',
    `查重甲有限公司,${phone},${creditCode(21)},化工`,
    '查重乙有限公司,13600136001,,物流',
    '查重乙有限公司,,,物流',
  ].join('\n'));

  it('skips, updates or creates duplicates found by credit code, phone and normalised name, in the file and in the database', async () => {
    const first = await importAndRun(admin, 'dups.csv', file('13600136000'), { duplicatePolicy: 'skip' });
    expect(first).toMatchObject({ created: 2, skipped: 1 });

    const skipped = await importAndRun(admin, 'dups.csv', file('13600136000'), { duplicatePolicy: 'skip' });
    expect(skipped).toMatchObject({ created: 0, skipped: 3 });

    const updated = await importAndRun(admin, 'dups.csv', file('13600136009'), { duplicatePolicy: 'update' });
    expect(updated).toMatchObject({ created: 0, updated: 3 });
    const [jia] = await tenantAccounts(['查重甲有限公司']);
    expect(jia.phones).toEqual(['13600136000', '13600136009']);
    expect(jia.version).toBe(2);

    const created = await importAndRun(admin, 'dups.csv', file('13600136000'), { duplicatePolicy: 'create' });
    // The credit code is unique: "create anyway" refuses that row and creates the others.
    expect(created).toMatchObject({ created: 2, errors: 1 });
    expect(await tenantAccounts(['查重乙有限公司'])).toHaveLength(3);
  });
});

describe('permissions and scope', () => {
  const csv = Buffer.from('客户名称\n权限测试公司\n');

  it('needs the import right on the target object', async () => {
    const rep = await t.as('repA');
    expect((await uploadFile(t, rep, 'a.csv', csv)).status).toBe(403);
    const hq = await t.as('hq');
    expect((await uploadFile(t, hq, 'a.csv', csv)).status).toBe(403);
    const targets = await rep.get('/api/v1/imports/targets');
    expect(targets.body.items).toEqual([]);
    const managerTargets = await (await t.as('managerA')).get('/api/v1/imports/targets');
    expect(managerTargets.body.items.map((i: { name: string }) => i.name).sort()).toEqual(['accounts', 'contacts']);
  });

  it('keeps records inside the importer scope: no unit or owner of another branch', async () => {
    const manager = await t.as('managerA');
    const up = await uploadFile(t, manager, 'a.csv', csv);
    expect(up.status).toBe(201);
    const foreign = await manager.post(`/api/v1/imports/${up.body.id}/run`, { unitId: t.company.branchB.id });
    expect(foreign.status).toBe(400);
    const foreignOwner = await manager.post(`/api/v1/imports/${up.body.id}/run`, { ownerId: t.company.people.repB.id, unitId: null });
    expect(foreignOwner.status).toBe(400);

    const rows = Buffer.from('客户名称,负责人\n范围内公司,rep.a\n范围外公司,rep.b\n');
    const done = await importAndRun(manager, 'owners.csv', rows, { ownerId: t.company.people.repA2.id });
    expect(done).toMatchObject({ created: 1, errors: 1 });
    const [inside] = await tenantAccounts(['范围内公司']);
    expect(inside).toMatchObject({ ownerId: t.company.people.repA.id, unitId: t.company.salesA.id });
    expect(await tenantAccounts(['范围外公司'])).toEqual([]);
  });

  it("hides one user's import from another", async () => {
    const up = await uploadFile(t, admin, 'a.csv', csv);
    const manager = await t.as('managerA');
    expect((await manager.get(`/api/v1/imports/${up.body.id}`)).status).toBe(404);
    expect((await manager.post(`/api/v1/imports/${up.body.id}/run`, {})).status).toBe(404);
  });
});

describe('contacts', () => {
  it('imports contacts linked to accounts named in the file', async () => {
    await importAndRun(admin, 'acc.csv', Buffer.from('客户名称\n联系人测试客户有限公司\n'));
    const csv = '姓名,手机,职位,性别,客户名称,生日\n张联系,13500135000,采购经理,男,联系人测试客户有限公司,1985-06-01\n李联系,13500135001,,女,未登记的公司,\n';
    const done = await importAndRun(admin, 'contacts.csv', Buffer.from(csv), {}, 'contacts');
    expect(done).toMatchObject({ state: 'done', created: 2, errors: 0 });
    const rows = await t.db.select().from(contacts).where(and(eq(contacts.tenantId, t.company.tenantId), inArray(contacts.name, ['张联系', '李联系'])));
    expect(rows.find((r) => r.name === '张联系')).toMatchObject({ phones: ['13500135000'], title: '采购经理', gender: 'male', birthday: '1985-06-01' });
    expect(rows.find((r) => r.name === '李联系')).toMatchObject({ organisation: '未登记的公司', gender: 'female' });
    const links = await t.db.select().from(accountContacts).where(and(eq(accountContacts.tenantId, t.company.tenantId), inArray(accountContacts.contactId, rows.map((r) => r.id))));
    expect(links).toHaveLength(1);
  });
});

describe('faults', () => {
  it('resumes an import killed after a committed batch with no duplicate and no lost row', async () => {
    const n = 95;
    const csv = ['客户名称,手机', ...Array.from({ length: n }, (_, i) => `断点续传公司${i},1390000${String(i).padStart(4, '0')}`)].join('\n');
    const up = await uploadFile(t, admin, 'crash.csv', Buffer.from(csv));
    await admin.post(`/api/v1/imports/${up.body.id}/run`, {});
    const crash = new Error('process killed');
    await expect(runImport(t.database, t.company.tenantId, up.body.id, {
      batchRows: 20,
      afterBatch: (k) => {
        if (k === 2) throw crash;
      },
    })).rejects.toBe(crash);
    const halfway = await admin.get(`/api/v1/imports/${up.body.id}`);
    expect(halfway.body).toMatchObject({ state: 'running', processed: 40, created: 40 });

    // A crash inside a batch: the batch's transaction rolls back with the records it wrote.
    await expect(t.db.transaction(async (tx) => {
      await tx.execute(sql`update import_jobs set rows_done = rows_done where id = ${up.body.id}`);
      throw crash;
    })).rejects.toBe(crash);

    await runImport(t.database, t.company.tenantId, up.body.id, { batchRows: 20 });
    const done = await admin.get(`/api/v1/imports/${up.body.id}`);
    expect(done.body).toMatchObject({ state: 'done', processed: n, created: n, errors: 0, skipped: 0 });
    const names = Array.from({ length: n }, (_, i) => `断点续传公司${i}`);
    const rows = await tenantAccounts(names);
    expect(rows).toHaveLength(n);
    expect(new Set(rows.map((r) => r.name)).size).toBe(n);
    const [{ outcomes }] = await t.db.select({ outcomes: count() }).from(importRows).where(and(eq(importRows.tenantId, t.company.tenantId), eq(importRows.importId, up.body.id)));
    expect(outcomes).toBe(n);
  });

  it('runs through the background job and reports progress', async () => {
    const csv = ['客户名称', ...Array.from({ length: 30 }, (_, i) => `后台任务公司${i}`)].join('\n');
    const up = await uploadFile(t, admin, 'job.csv', Buffer.from(csv));
    await admin.post(`/api/v1/imports/${up.body.id}/run`, {});
    // A worker like `kehu start` runs: the jobs queued by the tests above find their imports done and return.
    const worker = await startJobRunner(t.database, [importJob], { work: true, pollingSeconds: 0.5, log: { info: () => {}, error: () => {} } });
    const deadline = Date.now() + 20_000;
    let state = '';
    while (Date.now() < deadline && state !== 'done') {
      state = (await admin.get(`/api/v1/imports/${up.body.id}`)).body.state;
      if (state !== 'done') await new Promise((r) => setTimeout(r, 200));
    }
    const done = (await admin.get(`/api/v1/imports/${up.body.id}`)).body;
    expect(done).toMatchObject({ state: 'done', created: 30, totalRows: 30 });
    expect(done.rowsPerSecond).toBeGreaterThan(0);
    await worker.stop();
  });
});
