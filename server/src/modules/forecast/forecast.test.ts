import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';
import { bucketOf } from './forecast.queries.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
let repA: Client;
let repB: Client;
let managerA: Client;
let managerB: Client;
let pipelineId: string;
let S: Record<'s1' | 's2' | 's3' | 'won' | 'lost', string>;
let accountA: string;
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function deal(name: string, amount: number, path: (keyof typeof S)[], extra: object = {}, close: { closeReason?: string; lostTo?: string } = {}) {
  let o = (await repA.post('/api/v1/opportunities', { name, accountId: accountA, pipelineId, amount, ...extra })).body;
  for (const step of path) {
    const res = await repA.post(`/api/v1/opportunities/${o.id}/move`, { version: o.version, stageId: S[step], ...(step === 'won' || step === 'lost' ? close : {}) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    o = res.body;
  }
  return o;
}

/**
 * The fixture: six deals of rep A in a pipeline of three open stages.
 *   d1 100 stays in S1 · d2 200 S1→S2 · d3 300 S1→S2→S3→won · d4 400 S1→lost
 *   d5 500 S1→S3 (skips S2) · d6 600 S1→S2→won (skips S3)
 */
beforeAll(async () => {
  t = await setupTestApp();
  [admin, repA, repB, managerA, managerB] = await Promise.all([t.as('admin'), t.as('repA'), t.as('repB'), t.as('managerA'), t.as('managerB')]);
  const p = (await admin.post('/api/v1/pipelines', {
    name: '集装箱', stages: [{ name: 'S1', probability: 10 }, { name: 'S2', probability: 40 }, { name: 'S3', probability: 70 }, { name: '赢', probability: 100, kind: 'won' }, { name: '输', probability: 0, kind: 'lost' }],
  })).body;
  pipelineId = p.id;
  const [s1, s2, s3, won, lost] = p.stages.map((s: { id: string }) => s.id);
  S = { s1, s2, s3, won, lost };
  accountA = (await repA.post('/api/v1/accounts', { name: '中远海运集装箱运输有限公司' })).body.id;
  await deal('d1', 100, [], { expectedCloseDate: '2027-01-15', committed: true, competitors: [] });
  await deal('d2', 200, ['s2'], { expectedCloseDate: '2027-02-10' });
  await deal('d3', 300, ['s2', 's3', 'won'], { competitors: [{ name: '壳牌' }, { name: '美孚' }] }, { closeReason: '价格优势' });
  await deal('d4', 400, ['lost'], { competitors: [{ name: '壳牌' }] }, { closeReason: '价格', lostTo: '壳牌' });
  await deal('d5', 500, ['s3'], { expectedCloseDate: '2027-01-20' });
  await deal('d6', 600, ['s2', 'won'], {}, { closeReason: '服务' });
});
afterAll(() => t.close());

const range = `from=${today}&to=${today}&pipelineId=`;

describe('funnel', () => {
  it('counts, amounts and conversion rates between stages of the deals created in the period', async () => {
    const res = await managerA.get(`/api/v1/reports/funnel?${range}${pipelineId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const f = res.body;
    expect(f.total).toEqual({ count: 6, amount: '2100.00' });
    expect(f.stages.map((s: { name: string; reached: number; current: number; conversion: number | null }) => [s.name, s.reached, s.current, s.conversion])).toEqual([
      ['S1', 6, 1, null],
      ['S2', 4, 1, 0.6667],
      ['S3', 3, 1, 0.75],
      ['赢', 2, 2, 0.6667],
      ['输', 1, 1, null],
    ]);
    expect(f.stages[1].reachedAmount).toBe('1600.00');
    expect(f.won).toEqual({ count: 2, amount: '900.00' });
    expect(f.lost).toEqual({ count: 1, amount: '400.00' });
    expect(f.winRate).toBe(0.6667);
  });

  it('is limited to the data scope and the filters', async () => {
    const other = (await repB.get(`/api/v1/reports/funnel?${range}${pipelineId}`)).body;
    expect(other.total).toEqual({ count: 0, amount: '0.00' });
    const byRep = (await managerA.get(`/api/v1/reports/funnel?${range}${pipelineId}&ownerId=${t.company.people.repA2.id}`)).body;
    expect(byRep.total.count).toBe(0);
    const yesterday = new Date(Date.now() - 16 * 3_600_000).toISOString().slice(0, 10);
    const before = (await managerA.get(`/api/v1/reports/funnel?from=2020-01-01&to=${yesterday < today ? yesterday : '2020-01-02'}&pipelineId=${pipelineId}`)).body;
    expect(before.total.count).toBe(0);
  });

  it('time in stage counts the stays that began in the period', async () => {
    const res = await managerA.get(`/api/v1/reports/stage-times?${range}${pipelineId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.stages.map((s: { name: string; stays: number; stillIn: number }) => [s.name, s.stays, s.stillIn])).toEqual([['S1', 6, 1], ['S2', 3, 1], ['S3', 2, 1]]);
    expect(res.body.stages[0].averageDays).toBeGreaterThanOrEqual(0);
  });
});

describe('win/loss', () => {
  it('by reason and by competitor', async () => {
    const byReason = (await managerA.get(`/api/v1/reports/win-loss?from=${today}&to=${today}&by=reason`)).body;
    expect(byReason.rows.map((r: { key: string; won: number; lost: number }) => [r.key, r.won, r.lost]).sort()).toEqual([['价格', 0, 1], ['价格优势', 1, 0], ['服务', 1, 0]]);
    const byCompetitor = (await managerA.get(`/api/v1/reports/win-loss?from=${today}&to=${today}&by=competitor`)).body;
    expect(byCompetitor.rows.map((r: { key: string; won: number; lost: number; winRate: number }) => [r.key, r.won, r.lost, r.winRate])).toEqual([['壳牌', 1, 1, 0.5], ['美孚', 1, 0, 1]]);
    const byOwner = (await managerA.get(`/api/v1/reports/win-loss?from=${today}&to=${today}&by=owner`)).body;
    expect(byOwner.rows).toEqual([{ key: t.company.people.repA.id, label: 'rep.a', won: 2, lost: 1, wonAmount: '900.00', lostAmount: '400.00', winRate: 0.6667 }]);
    expect((await repB.get(`/api/v1/reports/win-loss?from=${today}&to=${today}`)).body.rows).toEqual([]);
  });
});

describe('targets and forecast', () => {
  it('a manager sets targets for their reps; a rep reads only their own; another branch cannot target them', async () => {
    const res = await managerA.post('/api/v1/sales-targets', { userId: t.company.people.repA.id, period: 'month', periodStart: '2027-01-01', amount: '1000' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ userName: 'rep.a', unitId: t.company.salesA.id, amount: '1000.00' });
    expect((await managerA.post('/api/v1/sales-targets', { userId: t.company.people.repA.id, period: 'month', periodStart: '2027-01-01', amount: '5' })).status).toBe(409);
    expect((await managerA.post('/api/v1/sales-targets', { userId: t.company.people.repA.id, period: 'quarter', periodStart: '2027-02-01', amount: '5' })).status).toBe(400);
    expect((await managerB.post('/api/v1/sales-targets', { userId: t.company.people.repA.id, period: 'month', periodStart: '2027-02-01', amount: '5' })).status).toBe(400);
    expect((await repA.post('/api/v1/sales-targets', { userId: t.company.people.repA.id, period: 'month', periodStart: '2027-02-01', amount: '5' })).status).toBe(403);
    expect((await repA.get('/api/v1/sales-targets')).body.items.map((x: { id: string }) => x.id)).toEqual([res.body.id]);
    expect((await repB.get('/api/v1/sales-targets')).body.items).toEqual([]);
    const unit = await managerA.post('/api/v1/sales-targets', { unitId: t.company.salesA.id, period: 'quarter', periodStart: '2027-01-01', amount: '50000' });
    expect(unit.status, JSON.stringify(unit.body)).toBe(201);
    const changed = await managerA.patch(`/api/v1/sales-targets/${res.body.id}`, { version: res.body.version, amount: 1200 });
    expect(changed.body.amount).toBe('1200.00');
  });

  it('forecast per month and rep: pipeline, weighted, committed and won against the target', async () => {
    const res = await managerA.get('/api/v1/reports/forecast?from=2027-01-01&to=2027-03-31&period=month&by=owner');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rows).toEqual([
      { periodStart: '2027-01-01', key: t.company.people.repA.id, label: 'rep.a', pipeline: '600.00', weighted: '360.00', committed: '100.00', won: '0.00', target: '1200.00', attainment: 0 },
      { periodStart: '2027-02-01', key: t.company.people.repA.id, label: 'rep.a', pipeline: '200.00', weighted: '80.00', committed: '0.00', won: '0.00', target: null, attainment: null },
    ]);
    const won = await managerA.get(`/api/v1/reports/forecast?from=${today}&to=${today}&period=quarter&by=unit`);
    expect(won.body.rows).toMatchObject([{ periodStart: bucketOf(today, 'quarter'), key: t.company.salesA.id, won: '900.00' }]);
    expect((await repB.get('/api/v1/reports/forecast?from=2027-01-01&to=2027-03-31')).body.rows).toEqual([]);
  });
});
