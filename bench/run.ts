/**
 * Kehu's benchmarks, each figure beside a baseline (bench/baseline-server.ts: bare Fastify, the same
 * SQL, the same driver) and the ratio. PostgreSQL when DATABASE_URL is set, else PGlite in bench/.data.
 * Loopback only; every load run is bounded by --duration.
 *
 *   npm run bench [-- --duration 10 --connections 50 --runs 3 --skip-startup --cpu-prof --no-save]
 *
 * Writes bench/results/<time>-<engine>.json and rewrites this engine's table in BENCHMARKS.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { and, asc, count, eq } from 'drizzle-orm';
import { generateCompany, hasTenant } from '../server/src/demo/generator.ts';
import { users } from '../server/src/modules/org/org.schema.ts';
import { generatePassword, hashPassword } from '../server/src/platform/auth/passwords.ts';
import { tenants } from '../server/src/platform/tenancy/tenant.table.ts';
import { captureRequests, writeReplay } from './capture.ts';
import { measureDuplicateReport } from './dedup-report.ts';
import { explainStatements } from './explain.ts';
import { printSalesRows, salesRows, salesTable, writeSalesTable } from './sales.ts';
import {
  benchDir, defaultDataDir, fmt, gitCommit, machine, pgliteTarget, postgresTarget, repoRoot, scratchTarget,
  startProcess, tableSizes, type Running, type Target,
} from './lib.ts';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    runs: { type: 'string', default: '3' },
    dir: { type: 'string', default: defaultDataDir },
    'skip-startup': { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    'no-save': { type: 'boolean', default: false },
    keywords: { type: 'string', default: '100' },
    'skip-report': { type: 'boolean', default: false },
  },
});
const duration = Math.min(Number(args.duration), 60);
const connections = Math.min(Number(args.connections), 200);
const runs = Math.max(1, Number(args.runs));
const url = process.env.DATABASE_URL;
const engine = url ? 'postgres' : 'pglite';
const bench: Target = url ? postgresTarget(url) : pgliteTarget(path.resolve(args.dir!));

interface Figure {
  key: string;
  label: string;
  unit: 'ms' | 'req/s' | 'MB';
  section?: string;
  kehu: number;
  baseline: number;
  better: 'lower' | 'higher';
}
const figures: Figure[] = [];
const add = (f: Figure) => {
  figures.push(f);
  console.log(`  ${f.label.padEnd(44)} ${show(f.unit, f.kehu).padStart(10)} ${show(f.unit, f.baseline).padStart(10)} ${ratio(f).padStart(7)}`);
};
const show = (unit: Figure['unit'], v: number) => (unit === 'ms' ? fmt.ms(v) : unit === 'MB' ? fmt.mb(v) : fmt.int(v));
const ratio = (f: Figure) => `${(f.kehu / f.baseline).toFixed(2)}×`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const benchStarted = performance.now();
const sections: { name: string; ms: number }[] = [];
async function section<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  console.log(`\n[${name}]`);
  try {
    return await run();
  } finally {
    const ms = performance.now() - started;
    sections.push({ name, ms });
    console.log(`[${name}: ${fmt.ms(ms)}; ${fmt.ms(performance.now() - benchStarted)} since the start]`);
  }
}
const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

// 1. The bench company, and a password for its administrator that this run knows.
const prepared = await (async () => {
  const database = await bench.open();
  try {
    if (!(await hasTenant(database.db))) {
      console.log(`No company in ${bench.label} yet: generating the bench company (npm run bench:data builds one with more accounts).`);
      await generateCompany(database, { profile: 'bench', mode: 'copy', log: (l) => console.log(`  ${l}`) });
    }
    const [tenant] = await database.db.select().from(tenants).where(eq(tenants.slug, 'bench'));
    if (!tenant) throw new Error(`${bench.label} holds companies but not the bench one (slug "bench"); point the benchmark at an empty database`);
    const password = generatePassword();
    await database.db.update(users)
      .set({ passwordHash: await hashPassword(password), mustChangePassword: false, failedLogins: 0, lockedUntil: null, active: true, deletedAt: null })
      .where(and(eq(users.tenantId, tenant.id), eq(users.login, 'admin')));
    const [{ n }] = await database.db.select({ n: count() }).from(users).where(eq(users.tenantId, tenant.id));
    // a user from the middle of the alphabet, the same one on every run of the same data
    const [target] = await database.db.select({ id: users.id }).from(users).where(eq(users.tenantId, tenant.id)).orderBy(asc(users.login)).offset(Math.floor(n / 2)).limit(1);
    return { password, userId: target.id, users: n, ...(await customerTargets(database, tenant.id)), tables: await tableSizes(database) };
  } finally {
    await database.close();
  }
})();

/**
 * What the customer-centre rows ask for, picked from the data the same way on every run of the same
 * data: an account from the middle (by id), the busiest province and account type for the filtered list,
 * 2-character keywords taken from the brands of accounts spread over the table, the pinyin initials
 * of one brand and one account's phone.
 */
async function customerTargets(database: Awaited<ReturnType<Target['open']>>, tenantId: string) {
  const [{ n }] = await database.query<{ n: number }>('select count(*)::int as n from accounts where tenant_id = $1', [tenantId]);
  if (!n) return { accounts: 0, accountId: null, listQuery: null, keywords: [] as string[], initials: null, phone: null };
  const [middle] = await database.query<{ id: string }>('select id from accounts where tenant_id = $1 order by id offset $2 limit 1', [tenantId, Math.floor(n / 2)]);
  const [busiest] = await database.query<{ province_code: string; type: string }>(
    `select province_code, type from accounts where tenant_id = $1 and province_code is not null and type is not null
     group by 1, 2 order by count(*) desc, 1, 2 limit 1`, [tenantId]);
  const wanted = Math.max(10, Number(args.keywords));
  const step = Math.max(1, Math.floor(n / (wanted * 3)));
  const names = await database.query<{ name: string; short_name: string | null; search_latin: string; phones: string[] }>(
    `select name, short_name, search_latin, phones from accounts where tenant_id = $1 and kind = 'company' order by id limit $2`,
    [tenantId, Math.min(n, wanted * 3 * step)]);
  const generic = /[有限公司责任股份集团市省区县()（）行]/;
  const keywords = new Set<string>();
  let initials: string | null = null;
  let phone: string | null = null;
  for (let i = 0; i < names.length && keywords.size < wanted; i += step) {
    const chars = [...names[i].name];
    // the brand's first two characters after a possible region prefix: skip what reads as a place or a legal form
    for (let k = 0; k + 2 <= chars.length - 4; k++) {
      const word = chars.slice(k, k + 2).join('');
      if (!generic.test(word) && !keywords.has(word) && k >= 2) {
        keywords.add(word);
        break;
      }
    }
    initials ??= names[i].search_latin.split(' ')[1]?.slice(0, 4) ?? null;
    phone ??= names[i].phones.find((p) => p.startsWith('1')) ?? null;
  }
  return {
    accounts: n,
    accountId: middle.id,
    listQuery: `limit=50&provinceCode=${busiest.province_code}&type=${busiest.type}&sort=name`,
    keywords: [...keywords],
    initials,
    phone,
  };
}

const info = { machine: machine(), commit: gitCommit(), engine, data: prepared.tables };
console.log(`\nKehu benchmarks on ${engine === 'pglite' ? 'PGlite' : 'PostgreSQL'}: ${info.machine.cores} × ${info.machine.cpu}, ${info.machine.memoryGb} GB, Node ${info.machine.node}, commit ${info.commit}`);
if (info.machine.loadAverage > info.machine.cores / 2) {
  console.warn(`  ! load average ${info.machine.loadAverage} on ${info.machine.cores} cores: something else is running, the figures will be low`);
}
console.log(`data (${bench.label}): ${Object.entries(prepared.tables).map(([t, n]) => `${t} ${fmt.int(n)}`).join(', ')}\n`);
console.log(`  ${'figure'.padEnd(44)} ${'Kehu'.padStart(10)} ${'baseline'.padStart(10)} ${'ratio'.padStart(7)}`);

// 2. Start-up: spawn until /healthz answers, median of --runs.
async function startTimes(kind: 'kehu' | 'baseline', target: () => Promise<Target>, fresh: boolean) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = await target();
    const p = await startProcess(kind, t);
    times.push(p.startMs);
    await p.stop();
    if (fresh) await t.remove();
  }
  return median(times);
}

if (!args['skip-startup']) {
  await section('start-up', async () => {
    const empty = () => scratchTarget(engine, url, 'empty');
    add({ key: 'startup_empty', label: 'start-up, empty database', unit: 'ms', better: 'lower', kehu: await startTimes('kehu', empty, true), baseline: await startTimes('baseline', empty, true) });

    const demo = await scratchTarget(engine, url, 'demo');
    const demoDb = await demo.open();
    const made = await generateCompany(demoDb, { profile: 'demo' });
    await demoDb.close();
    const same = async () => demo;
    add({ key: 'startup_demo', label: `start-up, demo database (${made.org.users.length} users, ${fmt.int(made.size.accounts)} accounts)`, unit: 'ms', better: 'lower', kehu: await startTimes('kehu', same, false), baseline: await startTimes('baseline', same, false) });
    await demo.remove();

    const own = async () => bench;
    add({ key: 'startup_bench', label: `start-up, bench database (${fmt.int(prepared.users)} users, ${fmt.int(prepared.accounts)} accounts)`, unit: 'ms', better: 'lower', kehu: await startTimes('kehu', own, false), baseline: await startTimes('baseline', own, false) });
  });
}

// 3. What Kehu sends to the database for each benchmarked URL, recorded in-process: the baseline
//    replays exactly those statements, and the database rows time them against EXPLAIN ANALYZE.
const getPath = `/api/v1/users/${prepared.userId}`;
const listPath = '/api/v1/users?limit=50&sort=name';
const q = (s: string) => `/api/v1/search?q=${encodeURIComponent(s)}`;
interface Endpoint { key: string; label: string; path: string }
const endpoints: Endpoint[] = prepared.accountId
  ? [
    { key: 'account_get', label: 'GET /accounts/:id', path: `/api/v1/accounts/${prepared.accountId}` },
    { key: 'account_list', label: `GET /accounts?${prepared.listQuery}`, path: `/api/v1/accounts?${prepared.listQuery}` },
    { key: 'search_2char', label: `GET /search?q=${prepared.keywords[0]} (2 characters)`, path: q(prepared.keywords[0]) },
    ...(prepared.initials ? [{ key: 'search_initials', label: `GET /search?q=${prepared.initials} (pinyin initials)`, path: q(prepared.initials) }] : []),
    ...(prepared.phone ? [{ key: 'search_phone', label: 'GET /search?q=<mobile> (phone)', path: q(prepared.phone) }] : []),
    { key: 'timeline', label: 'GET /accounts/:id/timeline', path: `/api/v1/accounts/${prepared.accountId}/timeline` },
  ]
  : [];
const keywordPaths = prepared.keywords.map(q);
const replayFile = path.join(benchDir, 'results', `replay-${engine}.tmp`); // git-ignored
const signInAs = { login: 'admin', password: prepared.password, tenant: 'bench' };

const captured = await section('capture', async () => {
  const all = await captureRequests(bench, signInAs, [...endpoints.map((e) => e.path), ...keywordPaths.filter((p) => !endpoints.some((e) => e.path === p))]);
  fs.mkdirSync(path.dirname(replayFile), { recursive: true });
  writeReplay(replayFile, all);
  return { byPath: new Map(all.map((c) => [c.url, c])) };
});

// The duplicate report is a background job: computed once in-process (as the job runs it), beside
// its statements alone (bench/dedup-report.ts). It writes its result tables, replacing the last run's.
const dupReport = prepared.accountId && !args['skip-report']
  ? await section('duplicate report', async () => {
    const database = await bench.open({ migrate: false });
    try {
      const [tenant] = await database.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'bench'));
      return await measureDuplicateReport(database, tenant.id, (l) => console.log(`  ${l}`));
    } finally {
      await database.close();
    }
  })
  : null;

// 4. Throughput, latency and memory under load.
async function signIn(server: Running): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(signInAs),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('kehu_session='));
  return cookie!.split(';')[0];
}

interface Load { rps: number; p50: number; p99: number; errors: number }
async function hit(server: Running, urlPath: string, cookie: string, rss: number[]): Promise<Load> {
  const sampler = setInterval(() => rss.push(server.rssMb()), 250);
  try {
    const r = await autocannon({ url: `${server.url}${urlPath}`, connections, duration, headers: { cookie } });
    if (r.errors || r.timeouts || r.non2xx) console.warn(`  ! ${urlPath}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`);
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx };
  } finally {
    clearInterval(sampler);
  }
}

/** One request at a time, each keyword once after a warm-up pass: the latency a user typing sees. */
async function sequential(server: Running, paths: string[], cookie: string) {
  for (const p of paths.slice(0, 10)) await fetch(`${server.url}${p}`, { headers: { cookie } }).then((r) => r.arrayBuffer());
  const times: number[] = [];
  for (const p of paths) {
    const started = performance.now();
    const res = await fetch(`${server.url}${p}`, { headers: { cookie } });
    await res.arrayBuffer();
    times.push(performance.now() - started);
    if (res.status !== 200) console.warn(`  ! ${p}: ${res.status}`);
  }
  return { p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99) };
}

/** A server under test: started, signed in, checked, its memory at rest read, warmed up. */
async function boot(kind: 'kehu' | 'baseline', cookie?: string) {
  const profDir = path.join(benchDir, 'results', 'profiles');
  const server = await startProcess(kind, bench, {
    nodeArgs: kind === 'kehu' && args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [],
    env: kind === 'baseline' ? { BENCH_REPLAY: replayFile } : {},
  });
  try {
    const session = cookie ?? (await signIn(server));
    const sample = await fetch(`${server.url}${getPath}`, { headers: { cookie: session } });
    if (sample.status !== 200) throw new Error(`${kind} GET ${getPath}: ${sample.status} ${await sample.text()}`);
    const body = (await sample.json()) as Record<string, unknown>;
    await sleep(2_000);
    const rest = server.rssMb();
    // Warm-up, not recorded: the JIT, the caches and the connection pool settle.
    await autocannon({ url: `${server.url}${getPath}`, connections, duration: Math.min(3, duration), headers: { cookie: session } });
    return { kind, server, session, body, rest, rss: [] as number[], profDir };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

/**
 * Both servers run side by side and each URL is loaded on Kehu, then at once on the baseline: on a
 * machine others share, the load changes within minutes, and a ratio of two runs minutes apart
 * measured the machine more than the code. The idle server of the pair costs next to nothing.
 */
const { kehu, base } = await section('load: Kehu and baseline', async () => {
  const k = await boot('kehu');
  let b: Awaited<ReturnType<typeof boot>> | undefined;
  try {
    b = await boot('baseline', k.session);
    const since = () => ((performance.now() - k.server.spawnedAt) / 1000).toFixed(1);
    const windows: string[] = [];
    const pair = async (name: string, p: string) => {
      const from = since();
      const kehuLoad = await hit(k.server, p, k.session, k.rss);
      windows.push(`${name} --from ${from} --to ${since()}`);
      return { kehuLoad, baseLoad: await hit(b!.server, p, b!.session, b!.rss) };
    };
    const get = await pair('users/:id', getPath);
    const list = await pair('users list', listPath);
    const loads: Record<string, { kehuLoad: Load; baseLoad: Load }> = {};
    for (const e of endpoints) loads[e.key] = await pair(e.key, e.path);
    const keywords = keywordPaths.length
      ? { kehu: await sequential(k.server, keywordPaths, k.session), base: await sequential(b.server, keywordPaths, b.session) }
      : null;
    if (args['cpu-prof']) console.log(`  cpu profile in ${path.relative(repoRoot, k.profDir)}:\n    ${windows.join('\n    ')}`);
    const side = (s: typeof k, which: 'kehuLoad' | 'baseLoad', kw: Awaited<ReturnType<typeof sequential>> | null) => ({
      session: s.session, body: s.body, rest: s.rest, peak: Math.max(...s.rss),
      get: get[which], list: list[which], loads: Object.fromEntries(Object.entries(loads).map(([key, l]) => [key, l[which]])), keywords: kw,
    });
    return { kehu: side(k, 'kehuLoad', keywords?.kehu ?? null), base: side(b, 'baseLoad', keywords?.base ?? null) };
  } finally {
    await k.server.stop();
    await b?.server.stop();
  }
});
const missing = Object.keys(kehu.body).filter((k) => !(k in base.body));
if (missing.length || kehu.body.id !== base.body.id) console.warn(`  ! baseline answer differs from Kehu's: missing ${missing.join(', ')}`);

console.log(`\n  ${'figure'.padEnd(44)} ${'Kehu'.padStart(10)} ${'baseline'.padStart(10)} ${'ratio'.padStart(7)}`);
const loadRows = (key: string, label: string, k: Load, b: Load) => {
  add({ key: `${key}_rps`, label: `${label}, requests/s`, unit: 'req/s', better: 'higher', kehu: k.rps, baseline: b.rps });
  add({ key: `${key}_p50`, label: `${label}, p50 latency`, unit: 'ms', better: 'lower', kehu: k.p50, baseline: b.p50 });
  add({ key: `${key}_p99`, label: `${label}, p99 latency`, unit: 'ms', better: 'lower', kehu: k.p99, baseline: b.p99 });
};
loadRows('get', 'GET /users/:id', kehu.get, base.get);
loadRows('list', 'GET /users?limit=50&sort=name', kehu.list, base.list);
for (const e of endpoints) loadRows(e.key, e.label, kehu.loads[e.key], base.loads[e.key]);
if (kehu.keywords && base.keywords) {
  const label = `search, ${keywordPaths.length} different 2-character keywords one at a time`;
  add({ key: 'keywords_p50', label: `${label}, p50`, unit: 'ms', better: 'lower', kehu: kehu.keywords.p50, baseline: base.keywords.p50 });
  add({ key: 'keywords_p95', label: `${label}, p95`, unit: 'ms', better: 'lower', kehu: kehu.keywords.p95, baseline: base.keywords.p95 });
  add({ key: 'keywords_p99', label: `${label}, p99`, unit: 'ms', better: 'lower', kehu: kehu.keywords.p99, baseline: base.keywords.p99 });
}
if (dupReport) {
  add({ key: 'dup_report', label: `duplicate report job, whole tenant (${fmt.int(prepared.accounts)} accounts); baseline: its SQL alone`, unit: 'ms', better: 'lower', kehu: dupReport.jobMs, baseline: dupReport.sqlMs });
}
add({ key: 'rss_rest', label: 'RSS at rest (after sign-in)', unit: 'MB', better: 'lower', kehu: kehu.rest, baseline: base.rest });
add({ key: 'rss_load', label: 'RSS under load (peak)', unit: 'MB', better: 'lower', kehu: kehu.peak, baseline: base.peak });

// 5. Database work: each URL's statements through the driver against EXPLAIN (ANALYZE, BUFFERS).
const dbRows = await section('database', async () => {
  const rows = [];
  const database = await bench.open({ migrate: false });
  try {
    for (const e of endpoints) {
      const c = captured.byPath.get(e.path);
      if (c) rows.push({ key: e.key, label: e.label, ...(await explainStatements(database, c.statements)) });
    }
  } finally {
    await database.close();
  }
  return rows;
});
console.log(`\n  ${'database work'.padEnd(44)} ${'driver'.padStart(10)} ${'EXPLAIN'.padStart(10)} ${'ratio'.padStart(7)}  where the time goes`);
for (const r of dbRows) {
  console.log(`  ${r.label.slice(0, 44).padEnd(44)} ${fmt.ms(r.driverMs).padStart(10)} ${fmt.ms(r.explainMs).padStart(10)} ${(r.driverMs / r.explainMs).toFixed(2).padStart(6)}×  ${r.where}`);
}
// 5b. Sales and receivables (bench/sales.ts): each report in-process against its SQL typed by hand.
const sales = await section('sales', () => salesRows(bench, signInAs, { runs: 5, log: (l) => console.log(`  ${l}`) }));
if (sales) printSalesRows(sales.rows);
console.log(`\nsections: ${sections.map((s) => `${s.name} ${fmt.ms(s.ms)}`).join(', ')}; total ${fmt.ms(performance.now() - benchStarted)}`);

// 6. Results: JSON for the record, the tables in BENCHMARKS.md.
if (!args['no-save']) {
  const date = new Date().toISOString();
  const result = {
    date, ...info, loadAverageEnd: Math.round(os.loadavg()[0] * 100) / 100, settings: { connections, duration, runs },
    targets: { accountId: prepared.accountId, listQuery: prepared.listQuery, keywords: prepared.keywords, initials: prepared.initials, phone: prepared.phone },
    figures, database: dbRows, sales: sales?.rows ?? null, sections, totalMs: performance.now() - benchStarted,
  };
  const file = path.join(benchDir, 'results', `${date.replace(/[:.]/g, '-')}-${engine}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  updateBenchmarksMd(date);
  if (sales) writeSalesTable(engine, salesTable(engine, date, sales.rows, `Run by npm run bench (load average at start ${info.machine.loadAverage}). Kehu: median of 5 GETs after a warm-up; SQL: median of 3.`));
  console.log(`\nwrote ${path.relative(repoRoot, file)} and the ${engine} table in BENCHMARKS.md`);
}

function updateBenchmarksMd(date: string) {
  const mdFile = path.join(repoRoot, 'BENCHMARKS.md');
  const begin = `<!-- bench:${engine}:begin -->`;
  const end = `<!-- bench:${engine}:end -->`;
  const m = info.machine;
  const table = [
    begin,
    `${engine === 'pglite' ? 'PGlite' : 'PostgreSQL'}, ${date.slice(0, 10)}, commit ${info.commit}: ${m.cores} × ${m.cpu}, ${m.memoryGb} GB, ${m.os}, Node ${m.node}.`,
    `Load average at start/end: ${m.loadAverage} / ${Math.round(os.loadavg()[0] * 100) / 100}. Data: ${Object.entries(prepared.tables).map(([t, n]) => `${t} ${fmt.int(n)}`).join(', ')}. Load: ${connections} connections, ${duration} s per row; start-up: median of ${runs}. Whole run: ${fmt.ms(performance.now() - benchStarted)} (${sections.map((s) => `${s.name} ${fmt.ms(s.ms)}`).join(', ')}).`,
    '',
    '| figure | Kehu | baseline | Kehu ÷ baseline |',
    '|---|---:|---:|---:|',
    ...figures.map((f) => `| ${f.label} | ${show(f.unit, f.kehu)} | ${show(f.unit, f.baseline)} | ${ratio(f)} |`),
    ...(dbRows.length
      ? [
        '',
        'Database work: the statements Kehu sends for each URL (recorded in-process), one after another through the driver (median of 5), against the execution times EXPLAIN (ANALYZE, BUFFERS) reports for them.',
        '',
        '| URL | statements | via the driver | EXPLAIN ANALYZE | ratio | where the time goes |',
        '|---|---:|---:|---:|---:|---|',
        ...dbRows.map((r) => `| ${r.label} | ${r.statements} | ${fmt.ms(r.driverMs)} | ${fmt.ms(r.explainMs)} | ${(r.driverMs / r.explainMs).toFixed(2)}× | ${r.where} |`),
      ]
      : []),
    end,
  ].join('\n');
  const md = fs.existsSync(mdFile) ? fs.readFileSync(mdFile, 'utf8') : '# Benchmarks\n';
  const at = md.indexOf(begin);
  const to = md.indexOf(end);
  const next = at >= 0 && to > at ? md.slice(0, at) + table + md.slice(to + end.length) : `${md.trimEnd()}\n\n${table}\n`;
  fs.writeFileSync(mdFile, next);
}
