import fs from 'node:fs';
import { and, eq, isNull } from 'drizzle-orm';
import type { Config } from '../platform/config.ts';
import { openDatabase } from '../platform/db/engine.ts';
import { fileStoreFrom, useFileStore } from '../platform/files/current-file-store.ts';
import { actorOf, type Ctx } from '../platform/http/context.ts';
import { tenantBySlug } from '../modules/org/bootstrap.ts';
import { users } from '../modules/org/org.schema.ts';
import { loadPrincipal } from '../modules/org/principal-loader.ts';
import { errorReport } from '../modules/imports/error-report.ts';
import { applySettings, uploadImport } from '../modules/imports/imports.commands.ts';
import { loadImport, runImport } from '../modules/imports/imports.engine.ts';
import { importJobs, type ColumnMapping, type DuplicatePolicy } from '../modules/imports/imports.schema.ts';
import type { TextEncoding } from '../modules/imports/reader/encoding.ts';
import '../modules/imports/targets/index.ts';
import '../modules/accounts/accounts.objects.ts';
import '../modules/contacts/contacts.objects.ts';

export interface ImportCliOptions {
  object: string;
  mapping?: string;
  tenant?: string;
  as: string;
  duplicates: DuplicatePolicy;
  encoding?: TextEncoding;
  headerRow?: string;
  owner?: string;
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

/**
 * The mapping file: either the API's form, [{ "column": 0, "field": "name" }, …], or header names
 * to fields, { "客户名称": "name", "手机": "phones" }. Without one the suggested mapping is used.
 */
function readMapping(file: string, headers: string[]): ColumnMapping[] {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  if (Array.isArray(raw)) return raw as ColumnMapping[];
  return Object.entries(raw as Record<string, string>).map(([header, field]) => {
    const column = headers.indexOf(header);
    if (column < 0) throw new Error(`mapping: no column "${header}" in the file (columns: ${headers.join(', ')})`);
    return { column, field };
  });
}

/**
 * `kehu import FILE --object accounts`: the same import as the web page (upload, mapping, run in
 * batches with a checkpoint), run in this process with a progress line. Acts as the user `--as`,
 * with their permissions and data scope. Failed rows are written to FILE-errors.csv.
 */
export async function importCommand(config: Config, file: string, o: ImportCliOptions) {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 });
  try {
    useFileStore(await fileStoreFrom(config.files));
    const tenant = await tenantBySlug(database.db, o.tenant);
    if (!tenant) throw new Error(o.tenant ? `no company with code ${o.tenant}` : 'several companies on this server: pass --tenant');
    const userId = async (login: string) => {
      const [u] = await database.db.select({ id: users.id }).from(users)
        .where(and(eq(users.tenantId, tenant.id), eq(users.login, login.toLowerCase()), isNull(users.deletedAt)));
      if (!u) throw new Error(`no user ${login} in company ${tenant.slug}`);
      return u.id;
    };
    const principal = await loadPrincipal(database.db, { tenantId: tenant.id, userId: await userId(o.as) });
    if (!principal) throw new Error(`user ${o.as} is not active`);
    const ctx: Ctx = { principal, db: database.db, readDb: database.db, actor: actorOf(principal, { cli: 'kehu import' }), locale: principal.locale ?? 'zh-CN' };

    let job = await uploadImport(ctx, {
      target: o.object, fileName: file.split('/').pop()!, body: fs.createReadStream(file), encoding: o.encoding,
      headerRow: o.headerRow === undefined ? undefined : Number(o.headerRow),
    });
    console.log(`kehu: ${job.layout.format}${job.layout.encoding ? ` (${job.layout.encoding})` : ''}, header row ${job.layout.headerRow}: ${job.layout.headers.join(' | ')}`);
    job = await applySettings(ctx, job, {
      mapping: o.mapping ? readMapping(o.mapping, job.layout.headers) : undefined,
      duplicatePolicy: o.duplicates,
      ownerId: o.owner ? await userId(o.owner) : undefined,
    });
    console.log(`kehu: mapping ${job.mapping.map((m) => `${job.layout.headers[m.column]} → ${m.field}`).join(', ')}`);
    if (!job.mapping.some((m) => m.field === 'name')) throw new Error('map a column to name (--mapping mapping.json)');
    await database.db.update(importJobs).set({ state: 'queued' }).where(and(eq(importJobs.tenantId, tenant.id), eq(importJobs.id, job.id)));

    const started = performance.now();
    const progress = async () => {
      const now = (await loadImport(database.db, tenant.id, job.id))!;
      const seconds = (performance.now() - started) / 1000;
      const rate = now.processed / Math.max(seconds, 0.001);
      const left = now.totalRows && rate > 0 ? (now.totalRows - now.processed) / rate : 0;
      const line = `${now.processed.toLocaleString()} / ${(now.totalRows ?? 0).toLocaleString()} rows · ${now.errors} errors · ${Math.round(rate).toLocaleString()} rows/s · ${clock(left)} left`;
      process.stdout.write(process.stdout.isTTY ? `\r${line}   ` : `${line}\n`);
    };
    await runImport(database, tenant.id, job.id, { afterBatch: progress });
    const done = (await loadImport(database.db, tenant.id, job.id))!;
    if (process.stdout.isTTY) process.stdout.write('\n');
    console.log(`kehu: import ${done.id} ${done.state}: ${done.created} created, ${done.updated} updated, ${done.skipped} skipped, ${done.errors} errors in ${clock((performance.now() - started) / 1000)}`);
    if (done.errors > 0) {
      const report = `${file.replace(/\.[^.]+$/, '')}-errors.csv`;
      await new Promise<void>((resolve, reject) => {
        errorReport(database.db, done, ctx.locale ?? 'zh-CN', 'csv').pipe(fs.createWriteStream(report)).on('finish', resolve).on('error', reject);
      });
      console.log(`kehu: rows that failed, with reasons: ${report} (fix them and import that file again)`);
    }
  } finally {
    await database.close();
  }
}
