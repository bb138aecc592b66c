import { and, eq, sql } from 'drizzle-orm';
import { copyRows } from '../../platform/db/copy-rows.ts';
import type { Database, Executor } from '../../platform/db/engine.ts';
import { audit } from '../../platform/audit/audit.ts';
import { actorOf, type Ctx } from '../../platform/http/context.ts';
import type { Locale } from '../../platform/access/principal.ts';
import { fileStore } from '../../platform/files/current-file-store.ts';
import { users } from '../org/org.schema.ts';
import { loadPrincipal } from '../org/principal-loader.ts';
import { reason } from './issue-reasons.ts';
import { importJobs, importRows, type RowIssue, type RowOutcome } from './imports.schema.ts';
import { mapValues } from './mapping.ts';
import { dataRows, type DataRow } from './reader/table.ts';
import { importTarget, type ConvertedRow, type TargetSession } from './targets/import-target.ts';

export const BATCH_ROWS = 5000;

export type ImportJobRow = typeof importJobs.$inferSelect;

export interface RunHooks {
  /** called after each committed batch; a test throws here to play a crash */
  afterBatch?(batchNo: number): void | Promise<void>;
  batchRows?: number;
  /** milliseconds spent per phase, summed over batches (bench/import.ts prints them) */
  timings?: Record<string, number>;
}

/** Phase timings of the run being measured (bench only); targets time their own statements into it. */
export const profile: { timings?: Record<string, number> } = {};

export async function timed<T>(timings: Record<string, number> | undefined, phase: string, work: () => Promise<T> | T): Promise<T> {
  if (!timings) return work();
  const start = performance.now();
  try {
    return await work();
  } finally {
    timings[phase] = (timings[phase] ?? 0) + performance.now() - start;
  }
}

export const openImportFile = (job: Pick<ImportJobRow, 'fileKey'>) => async () => (await fileStore()).get(job.fileKey);

export async function loadImport(db: Executor, tenantId: string, id: string): Promise<ImportJobRow | null> {
  const [row] = await db.select().from(importJobs).where(and(eq(importJobs.tenantId, tenantId), eq(importJobs.id, id)));
  return row ?? null;
}

/** The importer as they are now (roles may have changed since they pressed run), acting for this import. */
export async function importContext(database: Database, job: ImportJobRow): Promise<Ctx | null> {
  const principal = await loadPrincipal(database.db, { tenantId: job.tenantId, userId: job.createdBy });
  if (!principal) return null;
  const locale = job.locale as Locale;
  return { principal, db: database.db, readDb: database.db, actor: actorOf(principal, { importId: job.id }), locale };
}

interface Decided {
  rowNo: number;
  outcome: RowOutcome;
  recordId: string | null;
  issues: RowIssue[] | null;
  cells: string[] | null;
}

/** Reads a batch's cells as the target's records: CPU only, so it can run while the previous batch writes. */
export const convertBatch = <R>(job: ImportJobRow, session: TargetSession<R>, rows: DataRow[]): ConvertedRow<R>[] =>
  rows.map((r) => session.convert(mapValues(r.cells, job.mapping)));

/**
 * Decides and writes one batch in the caller's transaction: converts rows, checks them, looks up
 * duplicates for the whole batch in one query, inserts the new records in one multi-row insert,
 * records every row's outcome, moves the checkpoint and writes one audit event for the batch.
 */
export async function writeBatch<R>(
  tx: Executor,
  ctx: Ctx,
  job: ImportJobRow,
  session: TargetSession<R>,
  rows: DataRow[],
  opts: { dryRun?: boolean; timings?: Record<string, number>; converted?: ConvertedRow<R>[] } = {},
): Promise<Decided[]> {
  const policy = job.options.duplicatePolicy;
  const tm = opts.timings;
  const converted = opts.converted ?? (await timed(tm, 'convert', () => convertBatch(job, session, rows)));
  const validIdx = converted.map((c, i) => (c.record ? i : -1)).filter((i) => i >= 0);
  const records = validIdx.map((i) => converted[i].record!);
  const extra = await timed(tm, 'check', () => session.check(tx, records));
  validIdx.forEach((i, k) => converted[i].issues.push(...extra[k]));
  const existing = await timed(tm, 'duplicates', () => session.findExisting(tx, records));
  const existingOf = new Map(validIdx.map((i, k) => [i, existing[k]]));

  const decided: Decided[] = [];
  const creates: { at: number; rowNo: number; record: R }[] = [];
  const seen = new Map<string, number>(); // key → row number of an earlier row of this batch being created
  for (let i = 0; i < rows.length; i++) {
    const { rowNo, cells } = rows[i];
    const c = converted[i];
    const base = { rowNo, recordId: null, issues: null, cells: null };
    if (!c.record || c.issues.length) {
      decided.push({ ...base, outcome: 'error', issues: c.issues, cells });
      continue;
    }
    const record = c.record;
    const keys = session.duplicateKeys(record);
    const found = existingOf.get(i);
    const sameCode = keys.find((k) => k.startsWith('cc:'));
    if (found) {
      if (policy === 'create') {
        // "Create anyway" cannot create a second company under one credit code: the code is unique.
        if (found.key?.startsWith('cc:')) {
          decided.push({ ...base, outcome: 'error', issues: [{ column: '', value: found.key.slice(3), reason: reason('credit_code_taken') }], cells });
          continue;
        }
      } else if (policy === 'update' && found.changeable) {
        if (!opts.dryRun) await session.update(tx, found.id, record);
        decided.push({ ...base, outcome: 'updated', recordId: found.id });
        continue;
      } else {
        const why = policy === 'update' ? 'duplicate_out_of_scope' : 'duplicate_in_system';
        decided.push({ ...base, outcome: 'skipped', recordId: found.id, issues: [{ column: '', value: session.label(record), reason: reason(why, found.label) }] });
        continue;
      }
    }
    const earlier = keys.map((k) => seen.get(k)).find((n) => n !== undefined);
    if (earlier !== undefined && (policy !== 'create' || (sameCode && seen.get(sameCode) !== undefined))) {
      const outcome = policy === 'create' ? 'error' : 'skipped';
      decided.push({ ...base, outcome, issues: [{ column: '', value: session.label(record), reason: reason('duplicate_in_file', earlier) }], cells: outcome === 'error' ? cells : null });
      continue;
    }
    for (const k of keys) if (!seen.has(k)) seen.set(k, rowNo);
    decided.push({ ...base, outcome: 'created' });
    creates.push({ at: decided.length - 1, rowNo, record });
  }
  if (opts.dryRun) return decided;

  const ids = await timed(tm, 'insert', () => session.insert(tx, creates.map(({ rowNo, record }) => ({ rowNo, record }))));
  creates.forEach((c, k) => (decided[c.at].recordId = ids[k]));

  await timed(tm, 'outcomes', () => copyRows(tx, importRows, decided.map((d) => ({ tenantId: job.tenantId, importId: job.id, ...d }))));
  const count = (o: RowOutcome) => decided.filter((d) => d.outcome === o).length;
  const counts = { created: count('created'), updated: count('updated'), skipped: count('skipped'), errors: count('error') };
  const last = rows[rows.length - 1].rowNo;
  // The checkpoint moves only from where this run found it: a second runner on the same import rolls back.
  const moved = await tx
    .update(importJobs)
    .set({
      rowsDone: last,
      processed: sql`${importJobs.processed} + ${rows.length}`,
      created: sql`${importJobs.created} + ${counts.created}`,
      updated: sql`${importJobs.updated} + ${counts.updated}`,
      skipped: sql`${importJobs.skipped} + ${counts.skipped}`,
      errors: sql`${importJobs.errors} + ${counts.errors}`,
      updatedAt: new Date(),
    })
    .where(and(eq(importJobs.tenantId, job.tenantId), eq(importJobs.id, job.id), eq(importJobs.rowsDone, job.rowsDone)))
    .returning({ id: importJobs.id });
  if (!moved.length) throw new Error(`import ${job.id}: checkpoint moved by another runner`);
  await audit(tx, ctx.actor, {
    action: 'import',
    objectType: importTarget(job.target)!.object,
    objectId: job.id,
    objectLabel: job.fileName,
    context: { importId: job.id, fromRow: rows[0].rowNo, toRow: last, ...counts },
  });
  job.rowsDone = last;
  return decided;
}

/** Counts the data rows once, for the progress bar's "time left". */
export async function countRows(job: ImportJobRow): Promise<number> {
  let n = 0;
  for await (const row of dataRows(openImportFile(job), job.layout)) if (row) n++;
  return n;
}

/**
 * Runs (or resumes) an import: every batch after the checkpoint, each in its own transaction.
 * Returns quietly when the import is finished, failed or gone, so a retried or duplicated job is
 * harmless. The caller (the job) marks the import failed when it gives up.
 */
export async function runImport(database: Database, tenantId: string, importId: string, hooks: RunHooks = {}): Promise<void> {
  const db = database.db;
  let job = await loadImport(db, tenantId, importId);
  if (!job || !['queued', 'running'].includes(job.state)) return;
  const ctx = await importContext(database, job);
  if (!ctx) {
    await markFailed(db, job, 'the importing user is no longer active');
    return;
  }
  const target = importTarget(job.target);
  if (!target) {
    await markFailed(db, job, `unknown import target ${job.target}`);
    return;
  }
  const totalRows = job.totalRows ?? (await countRows(job));
  const now = new Date();
  await db
    .update(importJobs)
    .set({ state: 'running', totalRows, startedAt: job.startedAt ?? now, runStartedAt: now, runStartProcessed: job.processed, updatedAt: now })
    .where(and(eq(importJobs.tenantId, tenantId), eq(importJobs.id, importId)));
  job = (await loadImport(db, tenantId, importId))!;
  const session = await target.open(db, ctx, {
    ownerId: job.options.ownerId ?? ctx.principal.userId,
    unitId: job.options.unitId ?? (await defaultUnit(ctx, job.options.ownerId)),
    policy: job.options.duplicatePolicy,
  });
  const size = hooks.batchRows ?? BATCH_ROWS;
  profile.timings = hooks.timings;
  let batch: DataRow[] = [];
  let batchNo = 0;
  // Two batches in flight: while one is written (the process waits on the database), the next is
  // read and converted. Batches still commit one after the other, each seeing the ones before.
  let writing: Promise<void> = Promise.resolve();
  // Statistics follow the growing tables (PGlite has no autovacuum): planned while accounts looked
  // empty, the foreign-key checks of dedup keys and history scanned the whole table for every row.
  let written = 0;
  let analyzedAt = 2500;
  const flush = async () => {
    const rows = batch;
    batch = [];
    const converted = await timed(hooks.timings, 'convert', () => convertBatch(job!, session, rows));
    await writing;
    writing = (async () => {
      await db.transaction(async (tx) => {
        await writeBatch(tx, ctx, job!, session, rows, { timings: hooks.timings, converted });
      });
      batchNo++;
      written += rows.length;
      if (written >= 2 * analyzedAt) {
        await timed(hooks.timings, 'analyze', () => analyzeTargets(db, target.analyze));
        analyzedAt = written;
      }
      await hooks.afterBatch?.(batchNo);
    })();
    // A failed write stops the reading at the next flush; keep it from counting as unhandled meanwhile.
    writing.catch(() => {});
  };
  const reading = dataRows(openImportFile(job), job.layout, job.rowsDone);
  for (;;) {
    const next = await timed(hooks.timings, 'read', () => reading.next());
    if (next.done) break;
    const row = next.value;
    batch.push(row);
    if (batch.length >= size) await flush();
  }
  if (batch.length) await flush();
  await writing;
  await db
    .update(importJobs)
    .set({ state: 'done', finishedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(importJobs.tenantId, tenantId), eq(importJobs.id, importId)));
}

async function analyzeTargets(db: Executor, tables: readonly string[]) {
  for (const table of [...tables, 'import_rows']) await db.execute(sql.raw(`analyze "${table}"`));
}

async function defaultUnit(ctx: Ctx, ownerId: string | null | undefined): Promise<string> {
  if (!ownerId || ownerId === ctx.principal.userId) return ctx.principal.unitId;
  const [u] = await ctx.db.select({ unitId: users.unitId }).from(users).where(and(eq(users.tenantId, ctx.principal.tenantId), eq(users.id, ownerId)));
  return u?.unitId ?? ctx.principal.unitId;
}

export async function markFailed(db: Executor, job: Pick<ImportJobRow, 'tenantId' | 'id'>, failure: string) {
  await db
    .update(importJobs)
    .set({ state: 'failed', failure: failure.slice(0, 500), finishedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(importJobs.tenantId, job.tenantId), eq(importJobs.id, job.id)));
}
