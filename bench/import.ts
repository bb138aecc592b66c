/**
 * Import and export at scale: N accounts from CSV and from XLSX through the real import engine
 * (validation and duplicate detection on, batches of 5,000 in one transaction each), beside a plain
 * COPY of the same rows into a bare table in the same run; then an export of the imported accounts.
 * PostgreSQL when DATABASE_URL is set (a scratch database next to it), else PGlite in a temporary folder.
 *
 *   npx tsx bench/import.ts [--rows 100000] [--formats csv,xlsx] [--no-export]
 *
 * Prints rows/s, peak RSS of this process (PGlite runs inside it) and time per engine phase.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { hashPassword } from '../server/src/platform/auth/passwords.ts';
import { newId } from '../server/src/platform/db/ids.ts';
import { useFileStore } from '../server/src/platform/files/current-file-store.ts';
import { DiskFileStore } from '../server/src/platform/files/disk-file-store.ts';
import { actorOf, type Ctx } from '../server/src/platform/http/context.ts';
import { startJobRunner } from '../server/src/platform/jobs/job-runner.ts';
import { createTenant, roleIdByKey } from '../server/src/modules/org/bootstrap.ts';
import { userRoles, users } from '../server/src/modules/org/org.schema.ts';
import { loadPrincipal } from '../server/src/modules/org/principal-loader.ts';
import { creditCodeCheckChar } from '../server/src/modules/accounts/credit-code.ts';
import { importJob } from '../server/src/modules/imports/imports.job.ts';
import { uploadImport } from '../server/src/modules/imports/imports.commands.ts';
import { runImport, loadImport } from '../server/src/modules/imports/imports.engine.ts';
import { importJobs } from '../server/src/modules/imports/imports.schema.ts';
import '../server/src/modules/imports/targets/index.ts';
import '../server/src/modules/accounts/accounts.objects.ts';
import '../server/src/modules/contacts/contacts.objects.ts';
import { accountExportRows } from '../server/src/modules/exports/account-export.ts';
import { writeTable } from '../server/src/modules/exports/export-writer.ts';
import { scratchTarget } from './lib.ts';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    formats: { type: 'string', default: 'csv,xlsx' },
    'no-export': { type: 'boolean', default: false },
  },
});
const N = Number(args.rows);
const formats = args.formats!.split(',') as ('csv' | 'xlsx')[];
const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-bench-import-'));

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
const resetPeak = () => (peak = process.memoryUsage().rss);
const mb = (b: number) => Math.round(b / 1048576);

const provinces = [['上海市', '上海市'], ['江苏省', '苏州市'], ['浙江省', '杭州市'], ['广东省', '深圳市'], ['北京市', '北京市']];
const industries = ['化工', '物流', '润滑油', '制药', '贸易'];
const header = ['客户名称', '手机', '统一社会信用代码', '省份', '城市', '行业', '客户等级', '标签'];
function row(i: number): string[] {
  const first17 = `91310000${String(i).padStart(9, '0')}`;
  const [prov, city] = provinces[i % provinces.length];
  return [
    `${city.replace('市', '')}${i}号${industries[i % industries.length]}有限公司`,
    `13${String(i).padStart(9, '0')}`,
    first17 + creditCodeCheckChar(first17)!,
    prov, city, industries[i % industries.length], 'ABC'[i % 3], `导入、批次${i % 10}`,
  ];
}
const csvLine = (cells: string[]) => `${cells.join(',')}\r\n`;

async function writeCsv(file: string) {
  const out = fs.createWriteStream(file);
  out.write(`\ufeff${csvLine(header)}`);
  for (let i = 0; i < N; i++) if (!out.write(csvLine(row(i)))) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r) => out.end(() => r()));
}

async function writeXlsx(file: string) {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const sheet = book.addWorksheet('客户');
  sheet.addRow(header).commit();
  for (let i = 0; i < N; i++) sheet.addRow(row(i)).commit();
  sheet.commit();
  await book.commit();
}

async function main() {
  console.log(`import bench: ${N} rows, ${engine}, node ${process.version}, ${os.cpus().length} cpus, load ${os.loadavg()[0].toFixed(1)}`);
  const target = await scratchTarget(engine, process.env.DATABASE_URL, 'import');
  const database = await target.open({ migrate: true });
  useFileStore(new DiskFileStore(path.join(work, 'files')));
  const runner = await startJobRunner(database, [importJob], { work: false, log: { info: () => {}, error: (e) => console.error(e) } });
  const results: Record<string, unknown>[] = [];
  try {
    const files: Record<string, string> = {};
    for (const f of formats) {
      files[f] = path.join(work, `accounts.${f}`);
      const t0 = performance.now();
      await (f === 'csv' ? writeCsv(files[f]) : writeXlsx(files[f]));
      console.log(`generated ${f}: ${mb(fs.statSync(files[f]).size)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }

    // Plain COPY of the same CSV rows into a bare table: the upper bound the import is compared with.
    await database.exec('create table copy_bench (name text, phone text, credit_code text, province text, city text, industry text, tier text, tags text)');
    const csvFile = files.csv ?? path.join(work, 'accounts.csv');
    if (!files.csv) await writeCsv(csvFile);
    const c0 = performance.now();
    await copyCsv(database, csvFile);
    const copySeconds = (performance.now() - c0) / 1000;
    const copyRate = N / copySeconds;
    console.log(`plain COPY: ${N} rows in ${copySeconds.toFixed(1)} s = ${Math.round(copyRate)} rows/s`);

    for (const f of formats) {
      const { tenantId, headOfficeId } = await createTenant(database.db, { slug: `b${f}${Date.now() % 100000}`, name: `Bench ${f}` });
      const userId = newId();
      await database.db.insert(users).values({ tenantId, id: userId, login: 'admin', name: 'admin', unitId: headOfficeId, passwordHash: await hashPassword('x-bench-password-1') });
      await database.db.insert(userRoles).values({ tenantId, userId, roleId: await roleIdByKey(database.db, tenantId, 'admin') });
      const principal = (await loadPrincipal(database.db, { tenantId, userId }))!;
      const ctx: Ctx = { principal, db: database.db, readDb: database.db, actor: actorOf(principal), locale: 'zh-CN' };
      const job = await uploadImport(ctx, { target: 'accounts', fileName: path.basename(files[f]), body: fs.createReadStream(files[f]) });
      await database.db.update(importJobs).set({ state: 'queued', options: { duplicatePolicy: 'skip' } }).where(and(eq(importJobs.tenantId, tenantId), eq(importJobs.id, job.id)));
      resetPeak();
      const timings: Record<string, number> = {};
      const t0 = performance.now();
      // A line every 100,000 rows, so a long run shows its rate as it goes.
      const afterBatch = async () => {
        const now = (await loadImport(database.db, tenantId, job.id))!;
        if (Math.floor(now.processed / 100_000) > Math.floor((now.processed - 5000) / 100_000)) {
          const s = (performance.now() - t0) / 1000;
          console.log(`  ${now.processed} rows in ${s.toFixed(0)} s = ${Math.round(now.processed / s)} rows/s, RSS ${mb(process.memoryUsage().rss)} MB, peak ${mb(peak)} MB, load ${os.loadavg()[0].toFixed(1)}`);
        }
      };
      await runImport(database, tenantId, job.id, { timings, afterBatch });
      const seconds = (performance.now() - t0) / 1000;
      const done = (await loadImport(database.db, tenantId, job.id))!;
      const rate = N / seconds;
      const phases = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, `${(v / 1000).toFixed(1)} s`]));
      console.log(`import ${f}: ${done.created} created, ${done.errors} errors, ${done.skipped} skipped in ${seconds.toFixed(1)} s = ${Math.round(rate)} rows/s, ${(100 * rate / copyRate).toFixed(1)}% of COPY, peak RSS ${mb(peak)} MB`);
      console.log(`  phases: ${JSON.stringify(phases)}`);
      results.push({ kind: `import-${f}`, rows: N, seconds, rate, ofCopy: rate / copyRate, peakRssMb: mb(peak), created: done.created, errors: done.errors });

      if (f === formats[0] && !args['no-export']) {
        resetPeak();
        let bytes = 0;
        const e0 = performance.now();
        const rows = accountExportRows(database.db, principal, { sort: 'createdAt', order: 'asc', limit: 1000, count: 'false' } as never, undefined, 'zh-CN');
        await pipeline(writeTable(rows, { format: 'csv', sheetName: 'x' }), new Writable({ write: (chunk, _e, cb) => { bytes += chunk.length; cb(); } }));
        const es = (performance.now() - e0) / 1000;
        console.log(`export csv: ${done.created} rows, ${mb(bytes)} MB in ${es.toFixed(1)} s = ${Math.round(done.created / es)} rows/s, peak RSS ${mb(peak)} MB`);
        resetPeak();
        const x0 = performance.now();
        const xrows = accountExportRows(database.db, principal, { sort: 'createdAt', order: 'asc', limit: 1000, count: 'false' } as never, undefined, 'zh-CN');
        bytes = 0;
        await pipeline(writeTable(xrows, { format: 'xlsx', sheetName: 'x' }), new Writable({ write: (chunk, _e, cb) => { bytes += chunk.length; cb(); } }));
        const xs = (performance.now() - x0) / 1000;
        console.log(`export xlsx: ${done.created} rows, ${mb(bytes)} MB in ${xs.toFixed(1)} s = ${Math.round(done.created / xs)} rows/s, peak RSS ${mb(peak)} MB`);
        results.push({ kind: 'export-csv', rows: done.created, seconds: es }, { kind: 'export-xlsx', rows: done.created, seconds: xs, peakRssMb: mb(peak) });
      }
    }
    console.log(JSON.stringify({ engine, rows: N, copyRate, results }));
  } finally {
    clearInterval(sampler);
    await runner.stop();
    await database.close();
    await target.remove();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** COPY … FROM STDIN on PostgreSQL; PGlite reads the file as a blob through /dev/blob. */
async function copyCsv(database: Awaited<ReturnType<Awaited<ReturnType<typeof scratchTarget>>['open']>>, file: string) {
  const copy = "copy copy_bench from stdin with (format csv, header true, encoding 'UTF8')";
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.engine === 'postgres') {
    const sql = client as { unsafe(q: string): { writable(): Promise<NodeJS.WritableStream> } };
    const stream = await sql.unsafe(copy).writable();
    await pipeline(fs.createReadStream(file), stream as never);
  } else {
    const pg = client as { query(q: string, p: unknown[], o: { blob: Blob }): Promise<unknown> };
    // The BOM would become part of the first header cell, which HEADER skips anyway.
    await pg.query(copy.replace('stdin', "'/dev/blob'"), [], { blob: new Blob([fs.readFileSync(file)]) });
  }
}

await main();
