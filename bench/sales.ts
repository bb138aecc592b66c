/**
 * Sales and receivables at scale: the board of one rep, the funnel of the whole tenant for a year,
 * the forecast, time in stage and the receivables ageing report. For each, Kehu's figure (the API
 * request in-process, median of --runs after a warm-up) beside the same answer typed by hand in SQL
 * and timed by EXPLAIN (ANALYZE, BUFFERS) in the same run, and where Kehu's statements spend it.
 *
 *   DATABASE_URL=postgres://…/kehu_bench_1m npm run bench:sales [-- --runs 5 --no-save --only funnel,ageing]
 *
 * Writes bench/results/<time>-sales-<engine>.json and this engine's sales table in BENCHMARKS.md.
 * bench/run.ts runs the same rows as its "sales" section.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { users } from '../server/src/modules/org/org.schema.ts';
import { generatePassword, hashPassword } from '../server/src/platform/auth/passwords.ts';
import type { Database } from '../server/src/platform/db/engine.ts';
import { tenants } from '../server/src/platform/tenancy/tenant.table.ts';
import { createApp } from '../server/src/server.ts';
import type { CapturedStatement } from './capture.ts';
import { explainStatements } from './explain.ts';
import { benchDir, defaultDataDir, fmt, gitCommit, machine, pgliteTarget, postgresTarget, repoRoot, type Target } from './lib.ts';

export interface SalesRow {
  key: string;
  label: string;
  /** Kehu: the GET in-process (routing, scope, queries, presenting, JSON), median */
  kehuMs: number;
  /** the hand-written SQL: planning + execution as EXPLAIN (ANALYZE, BUFFERS) reports them, median */
  baselineMs: number;
  statements: number;
  /** Kehu's own statements through the driver, and what EXPLAIN ANALYZE says of them */
  driverMs: number;
  explainMs: number;
  where: string;
  /** where the hand-written SQL spends its time */
  baselineWhere: string;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Total Time'?: number;
  'Actual Loops'?: number;
  'Actual Rows'?: number;
  'Workers Launched'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}
interface Explained { Plan: PlanNode; 'Planning Time': number; 'Execution Time': number }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const beijingDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const monthStart = (day: string, plus = 0) => {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + plus);
  return d.toISOString().slice(0, 10);
};

/** The node whose own time is largest, for "where the time goes" of the hand-written SQL. */
function hottest(node: PlanNode): { node: PlanNode; self: number } {
  const total = (n: PlanNode) => (n['Actual Total Time'] ?? 0) * (n['Actual Loops'] ?? 1);
  let best = { node, self: total(node) - (node.Plans ?? []).reduce((s, c) => s + total(c), 0) };
  for (const child of node.Plans ?? []) {
    const h = hottest(child);
    if (h.self > best.self) best = h;
  }
  return best;
}

async function explainBaseline(database: Database, statements: CapturedStatement[], runs: number) {
  const times: number[] = [];
  let worst: { ms: number; plan: Explained } | null = null;
  for (let r = 0; r < runs; r++) {
    let ms = 0;
    for (const s of statements) {
      const [row] = await database.query<Record<string, unknown>>(`explain (analyze, buffers, format json) ${s.sql}`, s.params);
      const raw = Object.values(row)[0];
      const plan = ((typeof raw === 'string' ? JSON.parse(raw) : raw) as Explained[])[0];
      const one = plan['Planning Time'] + plan['Execution Time'];
      ms += one;
      if (r === runs - 1 && (!worst || one > worst.ms)) worst = { ms: one, plan };
    }
    times.push(ms);
  }
  let where = '';
  if (worst) {
    const { node, self } = hottest(worst.plan.Plan);
    const top = worst.plan.Plan;
    where = `${node['Node Type']}${node['Index Name'] ? ` using ${node['Index Name']}` : node['Relation Name'] ? ` on ${node['Relation Name']}` : ''} ${self.toFixed(1)} ms self, `
      + `${node['Actual Rows'] ?? 0} rows × ${node['Actual Loops'] ?? 1}; buffers hit ${top['Shared Hit Blocks'] ?? 0}, read ${top['Shared Read Blocks'] ?? 0}`;
  }
  return { ms: median(times), where };
}

/** What the rows ask for, picked from the data the same way on every run of the same data. */
async function salesTargets(database: Database, tenantId: string) {
  const [pipeline] = await database.query<{ id: string }>('select id from pipelines where tenant_id = $1 and is_default and active order by id limit 1', [tenantId]);
  if (!pipeline) return null;
  // The rep with the most open deals in the default pipeline: the fullest board.
  const [rep] = await database.query<{ owner_id: string; n: number }>(
    `select owner_id, count(*)::int as n from opportunities where tenant_id = $1 and pipeline_id = $2 and status = 'open' and deleted_at is null
     group by owner_id order by count(*) desc, owner_id limit 1`, [tenantId, pipeline.id]);
  if (!rep) return null;
  const [counts] = await database.query<{ deals: number; stays: number; instalments: number; lines: number; orders: number }>(
    `select (select count(*)::int from opportunities where tenant_id = $1) as deals,
            (select count(*)::int from opportunity_stage_history where tenant_id = $1) as stays,
            (select count(*)::int from orders where tenant_id = $1) as orders,
            (select count(*)::int from order_lines where tenant_id = $1) as lines,
            (select count(*)::int from payment_instalments where tenant_id = $1) as instalments`, [tenantId]);
  return { pipelineId: pipeline.id, repId: rep.owner_id, repOpen: rep.n, ...counts };
}

/**
 * The hand-written SQL of each report: what a developer would type to get the same figures, with the
 * tenant's rules Kehu applies (live rows only; for the ageing report, instalments of live orders).
 */
function baselines(tenantId: string, t: NonNullable<Awaited<ReturnType<typeof salesTargets>>>, days: { from: string; to: string; fcFrom: string; fcTo: string; today: string }) {
  const yearFrom = `${days.from}T00:00:00+08:00`;
  const yearTo = new Date(new Date(`${days.to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
  return {
    board: [
      {
        sql: `select stage_id, count(*), sum(amount), sum(amount * probability / 100) from opportunities
              where tenant_id = $1 and pipeline_id = $2 and owner_id = $3 and deleted_at is null
                and (status = 'open' or closed_at >= now() - interval '30 days')
              group by stage_id`,
        params: [tenantId, t.pipelineId, t.repId],
      },
      {
        sql: `select x.* from pipeline_stages s cross join lateral (
                select o.id, o.name, o.stage_id, o.amount, o.probability, o.expected_close_date, a.name as account_name
                from opportunities o join accounts a on a.tenant_id = o.tenant_id and a.id = o.account_id
                where o.tenant_id = $1 and o.pipeline_id = $2 and o.owner_id = $3 and o.deleted_at is null and o.stage_id = s.id
                  and (o.status = 'open' or o.closed_at >= now() - interval '30 days')
                order by o.expected_close_date nulls last, o.id limit 50) x
              where s.tenant_id = $1 and s.pipeline_id = $2 and s.active`,
        params: [tenantId, t.pipelineId, t.repId],
      },
    ],
    funnel: [{
      sql: `select reached_order, stage_id, status, count(*), sum(amount) from opportunities
            where tenant_id = $1 and pipeline_id = $2 and deleted_at is null and created_at >= $3 and created_at < $4
            group by reached_order, stage_id, status`,
      params: [tenantId, t.pipelineId, yearFrom, yearTo],
    }],
    forecast: [{
      sql: `select date_trunc('month', case when status = 'won' then (closed_at at time zone 'Asia/Shanghai')::date else expected_close_date end)::date as month, owner_id,
              sum(amount) filter (where status = 'open'), sum(amount * probability / 100) filter (where status = 'open'),
              sum(amount) filter (where status = 'open' and committed), sum(amount) filter (where status = 'won')
            from opportunities
            where tenant_id = $1 and deleted_at is null
              and ((status = 'open' and expected_close_date between $2 and $3)
                or (status = 'won' and closed_at >= ($2::date::timestamp at time zone 'Asia/Shanghai') and closed_at < (($3::date + 1)::timestamp at time zone 'Asia/Shanghai')))
            group by 1, 2`,
      params: [tenantId, days.fcFrom, days.fcTo],
    }, {
      sql: `select user_id, period_start, amount from sales_targets where tenant_id = $1 and period = 'month' and user_id is not null and period_start between $2 and $3`,
      params: [tenantId, days.fcFrom, days.fcTo],
    }],
    stageTimes: [{
      sql: `select h.stage_id, count(*), avg(extract(epoch from coalesce(h.left_at, now()) - h.entered_at) / 86400),
              percentile_cont(0.5) within group (order by extract(epoch from coalesce(h.left_at, now()) - h.entered_at) / 86400),
              count(*) filter (where h.left_at is null)
            from opportunity_stage_history h join opportunities o on o.tenant_id = h.tenant_id and o.id = h.opportunity_id
            where h.tenant_id = $1 and h.pipeline_id = $2 and h.entered_at >= $3 and h.entered_at < $4 and o.deleted_at is null
            group by h.stage_id`,
      params: [tenantId, t.pipelineId, yearFrom, yearTo],
    }],
    ageing: [{
      sql: `select sum(i.amount - i.paid) filter (where $2::date - i.due_on < 0),
              sum(i.amount - i.paid) filter (where $2::date - i.due_on between 0 and 30),
              sum(i.amount - i.paid) filter (where $2::date - i.due_on between 31 and 60),
              sum(i.amount - i.paid) filter (where $2::date - i.due_on between 61 and 90),
              sum(i.amount - i.paid) filter (where $2::date - i.due_on > 90),
              sum(i.amount - i.paid)
            from payment_instalments i join orders o on o.tenant_id = i.tenant_id and o.id = i.order_id
            where i.tenant_id = $1 and i.paid < i.amount and o.deleted_at is null and o.status <> 'cancelled'`,
      params: [tenantId, days.today],
    }],
  };
}

/**
 * The sales rows on `target` (which holds the bench company), signed in as its administrator.
 * Returns null when the company has no deals yet (a build without the sales parts).
 */
export async function salesRows(target: Target, signIn: { login: string; password: string; tenant: string }, opts: { runs?: number; only?: string[]; log?: (line: string) => void } = {}) {
  const runs = Math.max(1, opts.runs ?? 5);
  const log = opts.log ?? (() => {});
  let recording: CapturedStatement[] | null = null;
  const plain = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v);
  const database = await target.open({ migrate: false, onQuery: (sql, params) => recording?.push({ sql, params: params.map(plain) }) });
  const app = await createApp(database, { secureCookies: false, logLevel: 'error' }, { web: false });
  try {
    const [tenant] = await database.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, signIn.tenant));
    const t = tenant ? await salesTargets(database, tenant.id) : null;
    if (!tenant || !t) return null;
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: signIn });
    if (login.statusCode !== 200) throw new Error(`sales: sign-in failed: ${login.statusCode} ${login.body}`);
    const cookie = `kehu_session=${login.cookies.find((c) => c.name === 'kehu_session')!.value}`;
    const today = beijingDay();
    const days = { today, from: beijingDay(-364), to: today, fcFrom: monthStart(today), fcTo: new Date(new Date(`${monthStart(today, 6)}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10) };
    const hand = baselines(tenant.id, t, days);
    const requests = [
      { key: 'sales_board', label: `board of one rep (${fmt.int(t.repOpen)} open deals)`, url: `/api/v1/opportunities/board?pipelineId=${t.pipelineId}&ownerId=${t.repId}`, baseline: hand.board },
      { key: 'sales_funnel', label: `funnel, whole tenant, one year (${days.from} – ${days.to})`, url: `/api/v1/reports/funnel?pipelineId=${t.pipelineId}&from=${days.from}&to=${days.to}`, baseline: hand.funnel },
      { key: 'sales_forecast', label: `forecast by rep and month (${days.fcFrom} – ${days.fcTo})`, url: `/api/v1/reports/forecast?period=month&by=owner&from=${days.fcFrom}&to=${days.fcTo}`, baseline: hand.forecast },
      { key: 'sales_stage_times', label: 'time in stage, whole tenant, one year', url: `/api/v1/reports/stage-times?pipelineId=${t.pipelineId}&from=${days.from}&to=${days.to}`, baseline: hand.stageTimes },
      { key: 'sales_ageing', label: 'receivables ageing, whole tenant', url: `/api/v1/receivables/ageing?groupBy=none&asOf=${today}`, baseline: hand.ageing },
    ];
    const rows: SalesRow[] = [];
    for (const r of requests.filter((x) => !opts.only?.length || opts.only.includes(x.key.replace(/^sales_/, '')))) {
      await app.inject({ method: 'GET', url: r.url, headers: { cookie } });
      const times: number[] = [];
      let statements: CapturedStatement[] = [];
      for (let i = 0; i < runs; i++) {
        recording = [];
        const started = performance.now();
        const res = await app.inject({ method: 'GET', url: r.url, headers: { cookie } });
        times.push(performance.now() - started);
        statements = recording;
        recording = null;
        if (res.statusCode !== 200) throw new Error(`sales: GET ${r.url}: ${res.statusCode} ${res.body.slice(0, 500)}`);
      }
      const kehu = await explainStatements(database, statements);
      const base = await explainBaseline(database, r.baseline, Math.min(runs, 3));
      rows.push({ key: r.key, label: r.label, kehuMs: median(times), baselineMs: base.ms, statements: kehu.statements, driverMs: kehu.driverMs, explainMs: kehu.explainMs, where: kehu.where, baselineWhere: base.where });
      log(`${r.label}: Kehu ${fmt.ms(median(times))}, hand-written SQL ${fmt.ms(base.ms)}`);
    }
    return { rows, data: t, days };
  } finally {
    await app.close();
    await database.close();
  }
}

export function printSalesRows(rows: SalesRow[]) {
  console.log(`\n  ${'sales and receivables'.padEnd(52)} ${'Kehu'.padStart(9)} ${'SQL'.padStart(9)} ${'ratio'.padStart(7)}  where Kehu's statements spend it`);
  for (const r of rows) console.log(`  ${r.label.slice(0, 52).padEnd(52)} ${fmt.ms(r.kehuMs).padStart(9)} ${fmt.ms(r.baselineMs).padStart(9)} ${(r.kehuMs / r.baselineMs).toFixed(2).padStart(6)}×  ${r.where}`);
}

/** The sales table of BENCHMARKS.md, between its markers for this engine. */
export function salesTable(engine: string, date: string, rows: SalesRow[], note: string) {
  return [
    `${engine === 'pglite' ? 'PGlite' : 'PostgreSQL'}, ${date.slice(0, 10)}, commit ${gitCommit()}. ${note}`,
    '',
    '| report | Kehu (GET, in-process) | hand-written SQL (EXPLAIN ANALYZE) | Kehu ÷ SQL | Kehu: statements, via the driver / EXPLAIN | where Kehu\'s time goes | where the SQL\'s time goes |',
    '|---|---:|---:|---:|---|---|---|',
    ...rows.map((r) => `| ${r.label} | ${fmt.ms(r.kehuMs)} | ${fmt.ms(r.baselineMs)} | ${(r.kehuMs / r.baselineMs).toFixed(2)}× | ${r.statements}, ${fmt.ms(r.driverMs)} / ${fmt.ms(r.explainMs)} | ${r.where} | ${r.baselineWhere} |`),
  ].join('\n');
}

export function writeSalesTable(engine: string, table: string) {
  const mdFile = path.join(repoRoot, 'BENCHMARKS.md');
  const begin = `<!-- bench:sales:${engine}:begin -->`;
  const end = `<!-- bench:sales:${engine}:end -->`;
  const md = fs.existsSync(mdFile) ? fs.readFileSync(mdFile, 'utf8') : '# Benchmarks\n';
  const at = md.indexOf(begin);
  const to = md.indexOf(end);
  const block = `${begin}\n${table}\n${end}`;
  fs.writeFileSync(mdFile, at >= 0 && to > at ? md.slice(0, at) + block + md.slice(to + end.length) : `${md.trimEnd()}\n\n${block}\n`);
}

// Run on its own: npm run bench:sales
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values: args } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' }, dir: { type: 'string', default: defaultDataDir }, 'no-save': { type: 'boolean', default: false },
      // a subset: board,funnel,forecast,stage_times,ageing
      only: { type: 'string' },
    },
  });
  const url = process.env.DATABASE_URL;
  const engine = url ? 'postgres' : 'pglite';
  const target = url ? postgresTarget(url) : pgliteTarget(path.resolve(args.dir!));
  const started = performance.now();
  const password = generatePassword();
  {
    const database = await target.open();
    try {
      const [tenant] = await database.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'bench'));
      if (!tenant) throw new Error(`${target.label} holds no bench company: npm run bench:data first`);
      await database.db.update(users)
        .set({ passwordHash: await hashPassword(password), mustChangePassword: false, failedLogins: 0, lockedUntil: null, active: true, deletedAt: null })
        .where(and(eq(users.tenantId, tenant.id), eq(users.login, 'admin')));
    } finally {
      await database.close();
    }
  }
  const m = machine();
  console.log(`Sales and receivables on ${engine === 'pglite' ? 'PGlite' : 'PostgreSQL'} (${target.label}): ${m.cores} × ${m.cpu}, load average ${m.loadAverage}`);
  const result = await salesRows(target, { login: 'admin', password, tenant: 'bench' }, { runs: Number(args.runs), only: args.only?.split(','), log: (l) => console.log(`  ${l}`) });
  if (!result) {
    console.log('  the bench company has no deals: build it with the sales parts (npm run bench:data)');
  } else {
    printSalesRows(result.rows);
    const total = performance.now() - started;
    const d = result.data;
    console.log(`\n  data: ${fmt.int(d.deals)} opportunities, ${fmt.int(d.stays)} stage stays, ${fmt.int(d.orders)} orders, ${fmt.int(d.lines)} order lines, ${fmt.int(d.instalments)} instalments; run ${fmt.ms(total)}`);
    if (!args['no-save']) {
      const date = new Date().toISOString();
      const file = path.join(benchDir, 'results', `${date.replace(/[:.]/g, '-')}-sales-${engine}.json`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `${JSON.stringify({ date, machine: m, commit: gitCommit(), engine, loadAverageEnd: Math.round(os.loadavg()[0] * 100) / 100, data: d, days: result.days, rows: result.rows, totalMs: total }, null, 2)}\n`);
      const note = `Load average at start/end: ${m.loadAverage} / ${Math.round(os.loadavg()[0] * 100) / 100}. Data: ${fmt.int(d.deals)} opportunities, ${fmt.int(d.stays)} stage stays, ${fmt.int(d.orders)} orders, ${fmt.int(d.lines)} order lines, ${fmt.int(d.instalments)} instalments. Kehu: median of ${args.runs} GETs after a warm-up; SQL: median of 3.`;
      writeSalesTable(engine, salesTable(engine, date, result.rows, note));
      console.log(`\n  wrote ${path.relative(repoRoot, file)} and the sales ${engine} table in BENCHMARKS.md`);
    }
  }
}
