import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../../test/factories.ts';
import { startJobRunner, type JobRunner } from '../../../platform/jobs/job-runner.ts';
import { accounts } from '../../accounts/accounts.schema.ts';
import { roles } from '../../org/org.schema.ts';
import { clearPrincipalCache } from '../../org/principal-loader.ts';
import { dedupKeys } from '../keys/dedup-keys.schema.ts';
import { backfillDedupKeys } from '../keys/dedup-keys.ts';
import { isRegisteredName, prepareAccount } from '../matcher/index.ts';
import { SYNTHETIC_INDUSTRIES, joinParts, pick, seededRandom, variant } from '../testing/synthetic-names.ts';
import { REGISTERED_SUFFIX } from './candidate-pairs.ts';
import { groupNames, runReportNow } from './compute-report.ts';
import { duplicateReportJob, nightlyDuplicateReportJob } from './report.job.ts';
import { dedupReportRuns } from './report.schema.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let runner: JobRunner;
let admin: Client;
let repA: Client;
let managerB: Client;
const ids: Record<string, string> = {};
const torchCode = '91310000132200821H';

beforeAll(async () => {
  t = await setupTestApp();
  // Queues exist (requests enqueue) but no handler runs unless a test starts a worker.
  runner = await startJobRunner(t.database, [duplicateReportJob, nightlyDuplicateReportJob], { work: false, log: { info: () => {}, error: () => {} } });
  [admin, repA, managerB] = await Promise.all((['admin', 'repA', 'managerB'] as const).map((w) => t.as(w)));
  const { people, branchB } = t.company;
  const create = async (key: string, body: Record<string, unknown>) => {
    const res = await admin.post('/api/v1/accounts', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[key] = res.body.id;
  };
  // Name variants, held in branch A.
  await create('torch', { name: '上海火炬润滑油有限公司', ownerId: people.repA.id });
  await create('torchVariant', { name: '火炬润滑油(上海)有限责任公司', ownerId: people.repA.id });
  // The same switchboard under two unrelated names (no region: two regions would keep them apart), one in each branch.
  await create('phoneA', { name: '东港贸易有限公司', phones: ['0574-8765 4321'], ownerId: people.repA.id });
  await create('phoneB', { name: '远帆物流有限公司', phones: ['+86 574 87654321'], ownerId: people.repB.id, unitId: branchB.id });
  // A credit code typed with spaces by an older system: accounts normalise codes, so it is written here directly.
  await create('codeA', { name: '杭州恒昌化工有限公司', creditCode: torchCode, ownerId: people.repB.id, unitId: branchB.id });
  await create('codeB', { name: '恒昌新材料科技(杭州)有限公司', ownerId: people.repB.id, unitId: branchB.id });
  await t.db.update(accounts).set({ creditCode: '9131 0000 1322 0082 1h' }).where(and(eq(accounts.tenantId, t.company.tenantId), eq(accounts.id, ids.codeB)));
  await t.db.delete(dedupKeys).where(and(eq(dedupKeys.tenantId, t.company.tenantId), eq(dedupKeys.accountId, ids.codeB)));
  expect(await backfillDedupKeys(t.db, t.company.tenantId)).toBe(1);
  // A short form typed as the name, and two accounts that merely look alike.
  await create('short', { name: '万科', ownerId: people.repA.id });
  await create('vanke', { name: '万科企业股份有限公司', ownerId: people.repA.id });
  await create('other1', { name: '北京华信软件有限公司', ownerId: people.repA.id });
  await create('other2', { name: '深圳华信电子有限公司', ownerId: people.repA.id });
}, 240_000);
afterAll(async () => {
  await runner?.stop();
  await t?.close();
});

const sorted = (groups: string[][]) => groups.map((g) => [...g].sort()).sort((x, y) => x[0].localeCompare(y[0]));

describe('computing the report', () => {
  it('groups name variants, a shared phone, a credit code written differently and a short form; look-alikes stay apart', async () => {
    const runId = await runReportNow(t.database, t.company.tenantId);
    expect(runId).toBeDefined();
    expect(sorted(await groupNames(t.db, t.company.tenantId, runId!))).toEqual(sorted([
      ['上海火炬润滑油有限公司', '火炬润滑油(上海)有限责任公司'],
      ['东港贸易有限公司', '远帆物流有限公司'],
      ['恒昌新材料科技(杭州)有限公司', '杭州恒昌化工有限公司'],
      ['万科', '万科企业股份有限公司'],
    ]));
    const [run] = await t.db.select().from(dedupReportRuns).where(and(eq(dedupReportRuns.tenantId, t.company.tenantId), eq(dedupReportRuns.id, runId!)));
    expect(run).toMatchObject({ state: 'done', accounts: 10, groups: 4, groupedAccounts: 8 });
    expect(run.comparisons).toBeGreaterThanOrEqual(4);
    expect(run.candidatePairs).toBeGreaterThanOrEqual(run.comparisons);
    expect(run.finishedAt).toBeInstanceOf(Date);
  });

  it('the administrator reads the groups with reasons, paged and sorted; a merged account leaves its group', async () => {
    const res = await admin.get('/api/v1/duplicates/report?limit=2');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(4);
    expect(res.body.groups).toHaveLength(2);
    expect(res.body.latest).toMatchObject({ state: 'done', progress: 1, accounts: 10, groups: 4 });
    expect(res.body.active).toBeNull();
    // Strongest first: the credit code (1.0) leads.
    expect(res.body.groups[0].links[0].reasons.map((r: { kind: string }) => r.kind)).toContain('credit_code');
    const next = await admin.get('/api/v1/duplicates/report?limit=2&offset=2');
    const all = [...res.body.groups, ...next.body.groups];
    const byKind = (kind: string) => all.find((g: { links: { reasons: { kind: string }[] }[] }) => g.links.some((l) => l.reasons.some((r) => r.kind === kind)));
    expect(byKind('phone').accounts.map((a: { id: string }) => a.id).sort()).toEqual([ids.phoneA, ids.phoneB].sort());
    expect(byKind('phone').accounts.find((a: { id: string }) => a.id === ids.phoneB)).toMatchObject({ ownerName: 'rep.b', unitName: '北京分公司' });
    const torch = all.find((g: { accounts: { id: string }[] }) => g.accounts.some((a) => a.id === ids.torch));
    expect(torch.links[0].score).toBeGreaterThanOrEqual(0.8);
    const bySize = await admin.get('/api/v1/duplicates/report?sort=size&limit=50');
    expect(bySize.body.groups.map((g: { groupNo: number }) => g.groupNo).sort()).toEqual(all.map((g: { groupNo: number }) => g.groupNo).sort());

    await t.db.update(accounts).set({ deletedAt: new Date() }).where(and(eq(accounts.tenantId, t.company.tenantId), eq(accounts.id, ids.torchVariant)));
    const after = await admin.get('/api/v1/duplicates/report?limit=50');
    expect(after.body.total).toBe(3);
    expect(JSON.stringify(after.body.groups)).not.toContain(ids.torch);
    await t.db.update(accounts).set({ deletedAt: null }).where(and(eq(accounts.tenantId, t.company.tenantId), eq(accounts.id, ids.torchVariant)));
  });

  it('shows a viewer only the members in their data scope, and only groups with two of them', async () => {
    expect((await repA.get('/api/v1/duplicates/report')).status).toBe(403);
    expect((await repA.post('/api/v1/duplicates/report/runs', {})).status).toBe(403);
    expect((await managerB.get('/api/v1/duplicates/report')).status).toBe(403);
    // A tenant may give the capability to branch managers; their account scope still applies.
    await t.db.update(roles).set({ capabilities: sql`${roles.capabilities} || '["duplicates.manage"]'::jsonb` })
      .where(and(eq(roles.tenantId, t.company.tenantId), eq(roles.key, 'branch_manager')));
    clearPrincipalCache();
    const res = await managerB.get('/api/v1/duplicates/report?limit=50');
    expect(res.status).toBe(200);
    // Branch B holds both credit-code accounts and one of the phone pair: one group, nothing of branch A.
    expect(res.body.total).toBe(1);
    expect(res.body.groups.map((g: { accounts: { id: string }[] }) => g.accounts.map((a) => a.id).sort())).toEqual([[ids.codeA, ids.codeB].sort()]);
    const text = JSON.stringify(res.body);
    for (const key of ['torch', 'torchVariant', 'phoneA', 'short', 'vanke']) expect(text).not.toContain(ids[key]);
  });
});

describe('recomputing', () => {
  it('queues a run as a job, refuses a second while it is queued, runs it and replaces the previous result', async () => {
    const before = (await admin.get('/api/v1/duplicates/report/status')).body.latest;
    const queued = await admin.post('/api/v1/duplicates/report/runs', {});
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ state: 'queued', trigger: 'manual', progress: 0 });
    const again = await admin.post('/api/v1/duplicates/report/runs', {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('duplicate_report_running');
    // The nightly run skips a tenant whose run is on its way.
    const nightly = await nightlyDuplicateReportJob.handler({}, { database: t.database, jobId: 'n', attempt: 1, lastAttempt: false });
    expect(nightly).toEqual({ queued: 0 });
    const status = (await admin.get('/api/v1/duplicates/report/status')).body;
    expect(status.active).toMatchObject({ id: queued.body.id, state: 'queued' });
    expect(status.latest.id).toBe(before.id);

    const worker = await startJobRunner(t.database, [duplicateReportJob], { work: true, pollingSeconds: 0.5, log: { info: () => {}, error: () => {} } });
    try {
      const deadline = Date.now() + 20_000;
      let latest = before;
      while (Date.now() < deadline && latest.id !== queued.body.id) {
        await new Promise((r) => setTimeout(r, 200));
        latest = (await admin.get('/api/v1/duplicates/report/status')).body.latest;
      }
      expect(latest).toMatchObject({ id: queued.body.id, state: 'done', progress: 1, groups: 4 });
      expect(Object.keys(latest.timings)).toEqual(expect.arrayContaining(['flags', 'pairs', 'scoring', 'saving']));
    } finally {
      await worker.stop();
    }
    // The previous run and its groups are gone.
    const runs = await t.db.select({ id: dedupReportRuns.id }).from(dedupReportRuns).where(eq(dedupReportRuns.tenantId, t.company.tenantId));
    expect(runs.map((r) => r.id)).toEqual([queued.body.id]);
    // The nightly job queues the next run for every tenant.
    expect(await nightlyDuplicateReportJob.handler({}, { database: t.database, jobId: 'n', attempt: 1, lastAttempt: false })).toEqual({ queued: 1 });
    expect((await admin.get('/api/v1/duplicates/report/status')).body.active).toMatchObject({ state: 'queued', trigger: 'schedule' });
  });

  it('a run computed while another is running is refused', async () => {
    expect(await runReportNow(t.database, t.company.tenantId)).toBeUndefined();
  });
});

describe('short-form flags', () => {
  it('every name SQL takes for registered is one the matcher reads as registered', () => {
    const random = seededRandom(7);
    const pattern = new RegExp(REGISTERED_SUFFIX);
    const brands = ['火炬', '中海', '华信', '恒昌', '东港', '远帆', '万科', '振业', '江顺', '海晟'];
    let checked = 0;
    const kinds = ['region_in_brackets', 'legal_form_changed', 'full_half_width', 'spaces', 'traditional', 'region_dropped', 'combined'] as const;
    for (let i = 0; i < 3000; i++) {
      const regionShort = pick(random, ['上海', '深圳', '杭州', '北京', '']);
      const parts = {
        regionWritten: regionShort ? `${regionShort}${pick(random, ['', '市'])}` : '',
        regionShort,
        body: `${pick(random, brands)}${pick(random, SYNTHETIC_INDUSTRIES)}${pick(random, ['', '(集团)', '控股'])}`,
        legal: pick(random, ['有限公司', '股份有限公司', '有限责任公司', '集团有限公司', '公司', '集团公司']),
      };
      for (const name of [joinParts(parts), variant(random, parts, pick(random, kinds))]) {
        if (!name || !pattern.test(name) || name.endsWith('分公司')) continue;
        checked++;
        expect(isRegisteredName(prepareAccount({ id: 'x', name })), name).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });
});
