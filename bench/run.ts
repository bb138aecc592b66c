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
    return { password, userId: target.id, users: n, tables: await tableSizes(database) };
  } finally {
    await database.close();
  }
})();

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
  const empty = () => scratchTarget(engine, url, 'empty');
  add({ key: 'startup_empty', label: 'start-up, empty database', unit: 'ms', better: 'lower', kehu: await startTimes('kehu', empty, true), baseline: await startTimes('baseline', empty, true) });

  const demo = await scratchTarget(engine, url, 'demo');
  const demoDb = await demo.open();
  const made = await generateCompany(demoDb, { profile: 'demo' });
  await demoDb.close();
  const same = async () => demo;
  add({ key: 'startup_demo', label: `start-up, demo database (${made.org.users.length} users)`, unit: 'ms', better: 'lower', kehu: await startTimes('kehu', same, false), baseline: await startTimes('baseline', same, false) });
  await demo.remove();

  const own = async () => bench;
  add({ key: 'startup_bench', label: `start-up, bench database (${fmt.int(prepared.users)} users)`, unit: 'ms', better: 'lower', kehu: await startTimes('kehu', own, false), baseline: await startTimes('baseline', own, false) });
}

// 3. Throughput, latency and memory under load.
async function signIn(server: Running): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: prepared.password, tenant: 'bench' }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('kehu_session='));
  return cookie!.split(';')[0];
}

async function hit(server: Running, urlPath: string, cookie: string, rss: number[]) {
  const sampler = setInterval(() => rss.push(server.rssMb()), 250);
  try {
    const r = await autocannon({ url: `${server.url}${urlPath}`, connections, duration, headers: { cookie } });
    if (r.errors || r.timeouts || r.non2xx) console.warn(`  ! ${urlPath}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`);
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
  } finally {
    clearInterval(sampler);
  }
}

const getPath = `/api/v1/users/${prepared.userId}`;
const listPath = '/api/v1/users?limit=50&sort=name';

async function underLoad(kind: 'kehu' | 'baseline', cookie?: string) {
  const profDir = path.join(benchDir, 'results', 'profiles');
  const server = await startProcess(kind, bench, { nodeArgs: kind === 'kehu' && args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [] });
  try {
    const session = cookie ?? (await signIn(server));
    const sample = await fetch(`${server.url}${getPath}`, { headers: { cookie: session } });
    if (sample.status !== 200) throw new Error(`${kind} GET ${getPath}: ${sample.status} ${await sample.text()}`);
    const body = (await sample.json()) as Record<string, unknown>;
    await sleep(2_000);
    const rest = server.rssMb();
    // Warm-up, not recorded: the JIT, the caches and the connection pool settle.
    await autocannon({ url: `${server.url}${getPath}`, connections, duration: Math.min(3, duration), headers: { cookie: session } });
    const rss: number[] = [];
    const since = () => ((performance.now() - server.spawnedAt) / 1000).toFixed(1);
    const t0 = since();
    const get = await hit(server, getPath, session, rss);
    const t1 = since();
    const list = await hit(server, listPath, session, rss);
    if (kind === 'kehu' && args['cpu-prof']) {
      console.log(`  cpu profile in ${path.relative(repoRoot, profDir)}: GET /users/:id --from ${t0} --to ${t1}, list --from ${t1} --to ${since()}`);
    }
    return { session, body, rest, peak: Math.max(...rss), get, list };
  } finally {
    await server.stop();
  }
}

const kehu = await underLoad('kehu');
const base = await underLoad('baseline', kehu.session);
const missing = Object.keys(kehu.body).filter((k) => !(k in base.body));
if (missing.length || kehu.body.id !== base.body.id) console.warn(`  ! baseline answer differs from Kehu's: missing ${missing.join(', ')}`);

add({ key: 'get_rps', label: 'GET /users/:id, requests/s', unit: 'req/s', better: 'higher', kehu: kehu.get.rps, baseline: base.get.rps });
add({ key: 'get_p50', label: 'GET /users/:id, p50 latency', unit: 'ms', better: 'lower', kehu: kehu.get.p50, baseline: base.get.p50 });
add({ key: 'get_p99', label: 'GET /users/:id, p99 latency', unit: 'ms', better: 'lower', kehu: kehu.get.p99, baseline: base.get.p99 });
add({ key: 'list_rps', label: 'GET /users?limit=50&sort=name, requests/s', unit: 'req/s', better: 'higher', kehu: kehu.list.rps, baseline: base.list.rps });
add({ key: 'list_p50', label: 'GET /users?limit=50&sort=name, p50 latency', unit: 'ms', better: 'lower', kehu: kehu.list.p50, baseline: base.list.p50 });
add({ key: 'list_p99', label: 'GET /users?limit=50&sort=name, p99 latency', unit: 'ms', better: 'lower', kehu: kehu.list.p99, baseline: base.list.p99 });
add({ key: 'rss_rest', label: 'RSS at rest (after sign-in)', unit: 'MB', better: 'lower', kehu: kehu.rest, baseline: base.rest });
add({ key: 'rss_load', label: 'RSS under load (peak)', unit: 'MB', better: 'lower', kehu: kehu.peak, baseline: base.peak });

// 4. Results: JSON for the record, the table in BENCHMARKS.md.
if (!args['no-save']) {
  const date = new Date().toISOString();
  const result = { date, ...info, loadAverageEnd: Math.round(os.loadavg()[0] * 100) / 100, settings: { connections, duration, runs }, figures };
  const file = path.join(benchDir, 'results', `${date.replace(/[:.]/g, '-')}-${engine}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  updateBenchmarksMd(date);
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
    `Load average at start/end: ${m.loadAverage} / ${Math.round(os.loadavg()[0] * 100) / 100}. Data: ${Object.entries(prepared.tables).map(([t, n]) => `${t} ${fmt.int(n)}`).join(', ')}. Load: ${connections} connections, ${duration} s per row; start-up: median of ${runs}.`,
    '',
    '| figure | Kehu | baseline | Kehu ÷ baseline |',
    '|---|---:|---:|---:|',
    ...figures.map((f) => `| ${f.label} | ${show(f.unit, f.kehu)} | ${show(f.unit, f.baseline)} | ${ratio(f)} |`),
    end,
  ].join('\n');
  const md = fs.existsSync(mdFile) ? fs.readFileSync(mdFile, 'utf8') : '# Benchmarks\n';
  const at = md.indexOf(begin);
  const to = md.indexOf(end);
  const next = at >= 0 && to > at ? md.slice(0, at) + table + md.slice(to + end.length) : `${md.trimEnd()}\n\n${table}\n`;
  fs.writeFileSync(mdFile, next);
}
