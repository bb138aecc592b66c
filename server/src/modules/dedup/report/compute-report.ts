import { and, asc, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import { newId } from '../../../platform/db/ids.ts';
import type { Database, Executor } from '../../../platform/db/engine.ts';
import { accounts } from '../../accounts/accounts.schema.ts';
import { shortFormMayMatch } from '../matcher/blocking.ts';
import { groupLinks, type ScoredLink } from '../matcher/grouping.ts';
import { LIKELY_DUPLICATE_THRESHOLD, prepareAccount, scorePrepared, type PreparedAccount } from '../matcher/index.ts';
import { candidatePairs, shortFormAccounts } from './candidate-pairs.ts';
import { dedupReportGroups, dedupReportMembers, dedupReportRuns, type ReportRunPhase, type ReportRunTimings } from './report.schema.ts';

const LOAD_BATCH = 5000;
const SAVE_BATCH = 2000;
const MAX_LINKS_PER_GROUP = 50;
/** Progress is written at most this often (one small UPDATE), so a poll sees it move. */
const PROGRESS_EVERY_MS = 1000;

export interface ComputeOptions {
  /** called after each progress write; tests use it to act while a run is in the middle */
  onProgress?: (phase: ReportRunPhase, done: number, total: number) => Promise<void> | void;
}

/**
 * Computes a run of the tenant's duplicate report and stores its groups. Blocking happens in SQL
 * over dedup_keys (candidate-pairs.ts); only accounts in a candidate pair are read and parsed, each
 * pair is scored once by the matcher, and links at or above the likely-duplicate threshold are
 * joined into groups (union-find that refuses contradicting merges, matcher/grouping.ts).
 * Idempotent: a retry clears what an interrupted attempt stored and starts again.
 */
export async function computeDuplicateReport(database: Database, tenantId: string, runId: string, opts: ComputeOptions = {}): Promise<void> {
  const db = database.db;
  const run = await loadRun(db, tenantId, runId);
  if (!run || run.state === 'done' || run.state === 'failed') return;
  const timings: ReportRunTimings = {};
  const started = new Date();
  await db.delete(dedupReportGroups).where(and(eq(dedupReportGroups.tenantId, tenantId), eq(dedupReportGroups.runId, runId)));
  await update(db, tenantId, runId, { state: 'running', phase: 'flags', startedAt: started, progressDone: 0, progressTotal: 0, failure: null });

  let lastWrite = 0;
  const progress = async (phase: ReportRunPhase, done: number, total: number, force = false) => {
    if (!force && performance.now() - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = performance.now();
    await update(db, tenantId, runId, { phase, progressDone: done, progressTotal: total });
    await opts.onProgress?.(phase, done, total);
  };
  const time = async <T>(phase: keyof ReportRunTimings, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    timings[phase] = Math.round(performance.now() - t0);
    return result;
  };

  await progress('flags', 0, 0, true);
  const flags = await time('flags', () => shortFormAccounts(db, tenantId));
  await progress('pairs', 0, 0, true);
  const pairs = await time('pairs', () => candidatePairs(db, tenantId, flags.shortForm));

  // Every account of a candidate pair, read once and parsed once.
  const index = new Map<string, number>();
  for (const p of pairs) {
    if (!index.has(p.a)) index.set(p.a, index.size);
    if (!index.has(p.b)) index.set(p.b, index.size);
  }
  const ids = [...index.keys()];
  const prepared: (PreparedAccount | undefined)[] = new Array(ids.length);
  await time('load', async () => {
    for (let i = 0; i < ids.length; i += LOAD_BATCH) {
      const rows = await readAccounts(db, tenantId, ids.slice(i, i + LOAD_BATCH));
      for (const r of rows) prepared[index.get(r.id)!] = prepareAccount(r);
      await progress('pairs', Math.min(i + LOAD_BATCH, ids.length), ids.length);
    }
  });

  const links: ScoredLink[] = [];
  let comparisons = 0;
  await time('scoring', async () => {
    for (let n = 0; n < pairs.length; n++) {
      const { a, b, shortOnly } = pairs[n];
      const i = index.get(a)!;
      const j = index.get(b)!;
      const x = prepared[i];
      const y = prepared[j];
      if (!x || !y) continue; // deleted since its keys were written
      if (shortOnly && !shortFormMayMatch(x, y)) continue;
      comparisons++;
      const result = scorePrepared(x, y);
      if (result.score >= LIKELY_DUPLICATE_THRESHOLD) links.push({ i, j, score: result.score, reasons: result.reasons });
      if ((n & 1023) === 0) await progress('scoring', n, pairs.length);
    }
  });

  await progress('grouping', 0, links.length, true);
  // groupLinks indexes accounts by position; positions of accounts no longer live are never linked.
  const groups = await time('grouping', async () => groupLinks(prepared as PreparedAccount[], links, MAX_LINKS_PER_GROUP));

  await progress('saving', 0, groups.length, true);
  await time('saving', async () => {
    for (let g = 0; g < groups.length; g += SAVE_BATCH) {
      const batch = groups.slice(g, g + SAVE_BATCH);
      await db.transaction(async (tx) => {
        await tx.insert(dedupReportGroups).values(batch.map((group, k) => ({
          tenantId, runId, groupNo: g + k + 1, size: group.ids.length, score: group.score, links: group.links,
        })));
        await tx.insert(dedupReportMembers).values(batch.flatMap((group, k) => group.ids.map((accountId) => ({ tenantId, runId, groupNo: g + k + 1, accountId }))));
      });
      await progress('saving', Math.min(g + SAVE_BATCH, groups.length), groups.length);
    }
  });

  await db.transaction(async (tx) => {
    await update(tx, tenantId, runId, {
      state: 'done', phase: null, progressDone: pairs.length, progressTotal: pairs.length, finishedAt: new Date(),
      accounts: flags.accounts, candidatePairs: pairs.length, comparisons, links: links.length, groups: groups.length,
      groupedAccounts: groups.reduce((sum, group) => sum + group.ids.length, 0), timings,
    });
    // The page shows the latest finished run: older ones (and their groups) go.
    await tx.delete(dedupReportRuns).where(and(
      eq(dedupReportRuns.tenantId, tenantId), ne(dedupReportRuns.id, runId), inArray(dedupReportRuns.state, ['done', 'failed']), lt(dedupReportRuns.createdAt, run.createdAt),
    ));
  });
}

/** What the matcher reads of live accounts, by id (LOAD_BATCH at a time). */
export function readAccounts(db: Executor, tenantId: string, ids: string[]) {
  return db
    .select({
      id: accounts.id, name: accounts.name, shortName: accounts.shortName, englishName: accounts.englishName,
      formerNames: accounts.formerNames, creditCode: accounts.creditCode, phones: accounts.phones, emails: accounts.emails,
    })
    .from(accounts)
    // one array parameter, not thousands of placeholders
    .where(and(eq(accounts.tenantId, tenantId), sql`${accounts.id} = any(string_to_array(${ids.join(',')}, ',')::uuid[])`, isNull(accounts.deletedAt)));
}

export const READ_BATCH = LOAD_BATCH;

export async function loadRun(db: Executor, tenantId: string, runId: string) {
  const [run] = await db.select().from(dedupReportRuns).where(and(eq(dedupReportRuns.tenantId, tenantId), eq(dedupReportRuns.id, runId)));
  return run;
}

export async function markRunFailed(db: Executor, tenantId: string, runId: string, failure: string): Promise<void> {
  await update(db, tenantId, runId, { state: 'failed', phase: null, failure: failure.slice(0, 2000), finishedAt: new Date() });
}

async function update(db: Executor, tenantId: string, runId: string, set: Partial<typeof dedupReportRuns.$inferInsert>) {
  await db.update(dedupReportRuns).set({ ...set, updatedAt: sql`now()` }).where(and(eq(dedupReportRuns.tenantId, tenantId), eq(dedupReportRuns.id, runId)));
}

/**
 * A run computed here and now, without the job queue: for the command line, benchmarks and tests.
 * Undefined when the tenant already has a run queued or running.
 */
export async function runReportNow(database: Database, tenantId: string, opts: ComputeOptions = {}): Promise<string | undefined> {
  const [run] = await database.db.insert(dedupReportRuns).values({ tenantId, id: newId(), trigger: 'manual' }).onConflictDoNothing().returning({ id: dedupReportRuns.id });
  if (!run) return undefined;
  try {
    await computeDuplicateReport(database, tenantId, run.id, opts);
  } catch (err) {
    await markRunFailed(database.db, tenantId, run.id, err instanceof Error ? err.message : String(err));
    throw err;
  }
  return run.id;
}

/** A run's groups as account names, strongest first (every member, whoever asks: tests and tools only). */
export async function groupNames(db: Executor, tenantId: string, runId: string): Promise<string[][]> {
  const rows = await db
    .select({ groupNo: dedupReportMembers.groupNo, name: accounts.name })
    .from(dedupReportMembers)
    .innerJoin(dedupReportGroups, and(eq(dedupReportGroups.tenantId, dedupReportMembers.tenantId), eq(dedupReportGroups.runId, dedupReportMembers.runId), eq(dedupReportGroups.groupNo, dedupReportMembers.groupNo)))
    .innerJoin(accounts, and(eq(accounts.tenantId, dedupReportMembers.tenantId), eq(accounts.id, dedupReportMembers.accountId)))
    .where(and(eq(dedupReportMembers.tenantId, tenantId), eq(dedupReportMembers.runId, runId)))
    .orderBy(asc(dedupReportMembers.groupNo), asc(accounts.name));
  const groups = new Map<number, string[]>();
  for (const r of rows) groups.set(r.groupNo, [...(groups.get(r.groupNo) ?? []), r.name]);
  return [...groups.values()];
}
