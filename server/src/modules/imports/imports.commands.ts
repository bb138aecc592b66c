import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { can } from '../../platform/access/principal.ts';
import { audit } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/db/ids.ts';
import { fileStore } from '../../platform/files/current-file-store.ts';
import { tenantFileKey } from '../../platform/files/file-keys.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { enqueue } from '../../platform/jobs/enqueue.ts';
import { resolveOwnership } from '../accounts/ownership.ts';
import { meteredBody } from '../attachments/upload-body.ts';
import { loadImport, openImportFile, writeBatch, type ImportJobRow } from './imports.engine.ts';
import { importJob } from './imports.job.ts';
import { importJobs } from './imports.schema.ts';
import type { ImportSettings } from './imports.types.ts';
import { mapValues, suggestMapping } from './mapping.ts';
import { readRows } from './reader/read-rows.ts';
import { analyseFile, dataRows, type DataRow } from './reader/table.ts';
import type { TextEncoding } from './reader/encoding.ts';
import { importTarget, type ImportTarget } from './targets/import-target.ts';

export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
const PREVIEW_ROWS = 20;
const SAMPLE_ROWS = 8;

/** The target, if the caller's roles grant `import` on its object; 403 otherwise, 404 for no such target. */
export function targetFor(ctx: Ctx, name: string): ImportTarget {
  const target = importTarget(name);
  if (!target) throw notFound();
  if (!can(ctx.principal, target.object, 'import')) throw forbidden();
  return target;
}

/** Imports are the importer's own: someone else's is not found. */
export async function getImport(ctx: Ctx, id: string): Promise<ImportJobRow> {
  const job = await loadImport(ctx.db, ctx.principal.tenantId, id);
  if (!job || job.createdBy !== ctx.principal.userId) throw notFound();
  targetFor(ctx, job.target);
  return job;
}

/** The first rows of the file as read (preamble and header included), for the mapping screen. */
export async function sampleRows(job: Pick<ImportJobRow, 'fileKey' | 'layout'>): Promise<string[][]> {
  const rows: string[][] = [];
  const { format, encoding, delimiter } = job.layout;
  for await (const cells of readRows(openImportFile(job), { format, encoding: encoding ?? undefined, delimiter: delimiter ?? undefined })) {
    rows.push(cells);
    if (rows.length >= Math.max(SAMPLE_ROWS, job.layout.firstDataRow + SAMPLE_ROWS)) break;
  }
  return rows;
}

export interface UploadInput {
  target: string;
  fileName: string;
  body: Readable | Buffer | unknown;
  encoding?: TextEncoding;
  headerRow?: number;
}

/** Stores the file, finds how to read it, suggests a mapping: a draft import. */
export async function uploadImport(ctx: Ctx, input: UploadInput): Promise<ImportJobRow> {
  const target = targetFor(ctx, input.target);
  const p = ctx.principal;
  const id = newId();
  const key = tenantFileKey(p.tenantId, 'imports', id);
  const store = await fileStore();
  const meter = meteredBody(input.body, MAX_IMPORT_BYTES);
  await store.put(key, meter, { contentType: 'application/octet-stream' });
  if (meter.bytes === 0) {
    await store.delete(key);
    throw new AppError('validation_failed', {}, [{ field: 'body', reason: 'the file is empty' }]);
  }
  const open = async () => store.get(key);
  let layout;
  try {
    layout = await analyseFile(open, { encoding: input.encoding, headerRow: input.headerRow });
  } catch (err) {
    await store.delete(key);
    throw new AppError('validation_failed', {}, [{ field: 'body', reason: `the file cannot be read: ${err instanceof Error ? err.message : String(err)}`.slice(0, 300) }]);
  }
  const fields = await target.fields(ctx.db, p.tenantId);
  const mapping = suggestMapping(layout.headers, fields);
  await ctx.db.insert(importJobs).values({
    tenantId: p.tenantId, id, target: target.name, fileName: input.fileName, fileKey: key, fileSize: meter.bytes,
    layout, mapping, options: { duplicatePolicy: 'skip' }, createdBy: p.userId, locale: ctx.locale ?? 'zh-CN',
  });
  return (await loadImport(ctx.db, p.tenantId, id))!;
}

/** New reading or mapping settings for a draft; a changed encoding or header row re-reads the file. */
export async function applySettings(ctx: Ctx, job: ImportJobRow, s: ImportSettings): Promise<ImportJobRow> {
  if (job.state !== 'draft') return job;
  const target = targetFor(ctx, job.target);
  let { layout, mapping } = job;
  const reread = (s.encoding && s.encoding !== layout.encoding && layout.format === 'csv') || (s.headerRow !== undefined && s.headerRow !== layout.headerRow);
  if (reread) {
    layout = await analyseFile(openImportFile(job), { encoding: s.encoding ?? layout.encoding ?? undefined, headerRow: s.headerRow ?? layout.headerRow });
    if (!s.mapping) mapping = suggestMapping(layout.headers, await target.fields(ctx.db, ctx.principal.tenantId));
  }
  if (s.mapping) {
    const known = new Set((await target.fields(ctx.db, ctx.principal.tenantId)).map((f) => f.key));
    const bad = s.mapping.find((m) => !known.has(m.field) || m.column >= layout.headers.length);
    if (bad) throw new AppError('validation_failed', {}, [{ field: 'mapping', reason: `column ${bad.column} → ${bad.field}: no such column or field` }]);
    mapping = s.mapping;
  }
  const options = {
    duplicatePolicy: s.duplicatePolicy ?? job.options.duplicatePolicy,
    ownerId: s.ownerId === undefined ? job.options.ownerId ?? null : s.ownerId,
    unitId: s.unitId === undefined ? job.options.unitId ?? null : s.unitId,
  };
  await ctx.db
    .update(importJobs)
    .set({ layout, mapping, options, updatedAt: new Date() })
    .where(and(eq(importJobs.tenantId, job.tenantId), eq(importJobs.id, job.id)));
  return (await loadImport(ctx.db, job.tenantId, job.id))!;
}

/** Owner and unit the records land in, checked against the importer's scope like a record entered by hand. */
async function ownership(ctx: Ctx, job: ImportJobRow) {
  const object = importTarget(job.target)!.object;
  return resolveOwnership(ctx.db, ctx.principal, object, { ownerId: job.options.ownerId, unitId: job.options.unitId });
}

/** The first rows as they will be stored, with their problems and what the duplicate policy will do. */
export async function previewImport(ctx: Ctx, job: ImportJobRow) {
  const target = targetFor(ctx, job.target);
  const owner = await ownership(ctx, job);
  const session = await target.open(ctx.db, ctx, { ...owner, policy: job.options.duplicatePolicy });
  const rows: DataRow[] = [];
  for await (const row of dataRows(openImportFile(job), job.layout)) {
    rows.push(row);
    if (rows.length >= PREVIEW_ROWS) break;
  }
  const decided = rows.length ? await writeBatch(ctx.db, ctx, job, session, rows, { dryRun: true }) : [];
  return decided.map((d, i) => {
    const converted = session.convert(mapValues(rows[i].cells, job.mapping));
    return { rowNo: d.rowNo, outcome: d.outcome, values: converted.record ? session.display(converted.record) : {}, issues: d.issues ?? [] };
  });
}

/** Queues the import; the job runs it in batches. Needs a mapping that fills every required field. */
export async function startImport(ctx: Ctx, job: ImportJobRow): Promise<ImportJobRow> {
  if (job.state !== 'draft') throw new AppError('conflict');
  const target = targetFor(ctx, job.target);
  const fields = await target.fields(ctx.db, ctx.principal.tenantId);
  const missing = fields.filter((f) => f.required && !job.mapping.some((m) => m.field === f.key));
  if (missing.length) throw new AppError('validation_failed', {}, missing.map((f) => ({ field: 'mapping', reason: `map a column to ${f.key}` })));
  await ownership(ctx, job);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(importJobs)
      .set({ state: 'queued', locale: ctx.locale ?? job.locale, updatedAt: new Date() })
      .where(and(eq(importJobs.tenantId, job.tenantId), eq(importJobs.id, job.id)));
    await enqueue(tx, importJob, { tenantId: job.tenantId, importId: job.id }, { singletonKey: `${job.id}:1` });
    await audit(tx, ctx.actor, { action: 'import_start', objectType: target.object, objectId: job.id, objectLabel: job.fileName, context: { importId: job.id } });
  });
  return (await loadImport(ctx.db, job.tenantId, job.id))!;
}

/**
 * Starts a failed or stalled import again from its checkpoint (a crashed process leaves it
 * "running" with no progress): committed batches are not repeated.
 */
export async function resumeImport(ctx: Ctx, job: ImportJobRow): Promise<ImportJobRow> {
  const stalled = job.state === 'running' && Date.now() - job.updatedAt.getTime() > 60_000;
  if (job.state !== 'failed' && !stalled) throw new AppError('conflict');
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(importJobs)
      .set({ state: 'queued', failure: null, finishedAt: null, updatedAt: new Date() })
      .where(and(eq(importJobs.tenantId, job.tenantId), eq(importJobs.id, job.id)));
    await enqueue(tx, importJob, { tenantId: job.tenantId, importId: job.id }, { singletonKey: `${job.id}:${Date.now()}` });
  });
  return (await loadImport(ctx.db, job.tenantId, job.id))!;
}
