/**
 * The duplicate report at scale: the background job computed in-process over the bench company,
 * beside its SQL floor (the job's statements alone, no matcher), and the report page's reads.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/kehu_bench_dedup nice -n 10 npx tsx bench/dedup-report.ts
 *
 * bench/run.ts calls measureDuplicateReport for its "duplicate report" row. The job writes its
 * result tables (a run, its groups and members), replacing the previous run's.
 */
import { and, eq } from 'drizzle-orm';
import { pathToFileURL } from 'node:url';
import { candidatePairs, unparsedNames } from '../server/src/modules/dedup/report/candidate-pairs.ts';
import { READ_BATCH, loadRun, readAccounts, runReportNow } from '../server/src/modules/dedup/report/compute-report.ts';
import { reportGroups } from '../server/src/modules/dedup/report/report.queries.ts';
import { isRegisteredName, prepareAccount } from '../server/src/modules/dedup/matcher/index.ts';
import { users } from '../server/src/modules/org/org.schema.ts';
import { loadPrincipal } from '../server/src/modules/org/principal-loader.ts';
import type { Database } from '../server/src/platform/db/engine.ts';
import { tenants } from '../server/src/platform/tenancy/tenant.table.ts';
import { fmt, postgresTarget, pgliteTarget, type Target } from './lib.ts';

export interface DuplicateReportFigures {
  accounts: number;
  /** the job, start to finish, in-process */
  jobMs: number;
  /** its statements alone: short-form candidates, candidate pairs, reading the paired accounts */
  sqlMs: number;
  sql: { namesMs: number; pairsMs: number; readMs: number };
  timings: Record<string, number>;
  candidatePairs: number;
  comparisons: number;
  groups: number;
  groupedAccounts: number;
  /** GET /duplicates/report's queries for the first page of 30, administrator, median of 5 */
  pageByScoreMs: number;
  pageBySizeMs: number;
  heapMb: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const timed = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

export async function measureDuplicateReport(database: Database, tenantId: string, log: (line: string) => void = () => {}): Promise<DuplicateReportFigures> {
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const sampler = setInterval(() => { heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed); }, 100);
  const started = performance.now();
  let runId: string | undefined;
  try {
    runId = await runReportNow(database, tenantId, { onProgress: (phase, done, total) => log(`job: ${phase} ${fmt.int(done)} / ${fmt.int(total)}`) });
  } finally {
    clearInterval(sampler);
  }
  const jobMs = performance.now() - started;
  if (!runId) throw new Error('a duplicate report run is already queued or running for this tenant');
  const run = (await loadRun(database.db, tenantId, runId))!;
  log(`job: ${fmt.ms(jobMs)}, ${fmt.int(run.candidatePairs)} candidate pairs, ${fmt.int(run.groups)} groups; ${JSON.stringify(run.timings)}`);

  // The SQL floor: the same statements with the same inputs, their rows fetched and dropped (parsing the few names is not timed).
  let names: { id: string; name: string }[] = [];
  const namesMs = await timed(async () => { names = await unparsedNames(database.db, tenantId); });
  const shortForm = names.filter((n) => !isRegisteredName(prepareAccount(n))).map((n) => n.id);
  let pairs: Awaited<ReturnType<typeof candidatePairs>> = [];
  const pairsMs = await timed(async () => { pairs = await candidatePairs(database.db, tenantId, shortForm); });
  const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const readMs = await timed(async () => {
    for (let i = 0; i < ids.length; i += READ_BATCH) await readAccounts(database.db, tenantId, ids.slice(i, i + READ_BATCH));
  });
  const sqlMs = namesMs + pairsMs + readMs;
  log(`SQL alone: ${fmt.ms(sqlMs)} (unparsed names ${fmt.ms(namesMs)}: ${fmt.int(names.length)} rows; pairs ${fmt.ms(pairsMs)}: ${fmt.int(pairs.length)}; reading ${fmt.int(ids.length)} accounts ${fmt.ms(readMs)})`);

  const [admin] = await database.db.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.login, 'admin')));
  const principal = (await loadPrincipal(database.db, { tenantId, userId: admin.id }))!;
  const page = async (sort: 'score' | 'size') => {
    const times: number[] = [];
    for (let i = 0; i < 6; i++) times.push(await timed(() => reportGroups(database.db, principal, runId!, { offset: 0, limit: 30, sort })));
    return median(times.slice(1));
  };
  return {
    accounts: run.accounts,
    jobMs,
    sqlMs,
    sql: { namesMs, pairsMs, readMs },
    timings: { ...run.timings },
    candidatePairs: run.candidatePairs,
    comparisons: run.comparisons,
    groups: run.groups,
    groupedAccounts: run.groupedAccounts,
    pageByScoreMs: await page('score'),
    pageBySizeMs: await page('size'),
    heapMb: Math.round((heapPeak - heapBefore) / 1024 / 1024),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.DATABASE_URL;
  const target: Target = url ? postgresTarget(url) : pgliteTarget(process.argv[2] ?? 'bench/.data');
  const database = await target.open({ migrate: true });
  try {
    const [tenant] = await database.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'bench'));
    if (!tenant) throw new Error(`no bench company in ${target.label}: build one with npm run bench:data`);
    const f = await measureDuplicateReport(database, tenant.id, (l) => console.log(`  ${l}`));
    console.log(JSON.stringify(f, null, 2));
  } finally {
    await database.close();
  }
}
