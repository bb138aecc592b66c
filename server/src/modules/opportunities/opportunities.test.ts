import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';
import { auditEvents } from '../../platform/audit/audit.table.ts';
import { opportunityStageHistory } from './opportunities.schema.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
let repA: Client;
let repB: Client;
let managerA: Client;
let hq: Client;
let accountA: string;
let accountB: string;
let contactA: string;
let pipeline: { id: string; stages: { id: string; name: string; kind: string; probability: number }[] };
const stage = (i: number) => pipeline.stages[i];
const wonStage = () => pipeline.stages.find((s) => s.kind === 'won')!;
const lostStage = () => pipeline.stages.find((s) => s.kind === 'lost')!;

beforeAll(async () => {
  t = await setupTestApp();
  [admin, repA, repB, managerA, hq] = await Promise.all([t.as('admin'), t.as('repA'), t.as('repB'), t.as('managerA'), t.as('hq')]);
  accountA = (await repA.post('/api/v1/accounts', { name: '中海船务' })).body.id;
  accountB = (await repB.post('/api/v1/accounts', { name: '北京远洋' })).body.id;
  contactA = (await repA.post('/api/v1/contacts', { name: '单雄信', accountId: accountA })).body.id;
  const res = await repA.get('/api/v1/pipelines');
  pipeline = res.body.items.find((p: { isDefault: boolean }) => p.isDefault);
});
afterAll(() => t.close());

describe('pipelines', () => {
  it('every tenant starts with a default pipeline of open, won and lost stages', async () => {
    expect(pipeline.stages.map((s) => s.kind)).toEqual(['open', 'open', 'open', 'open', 'won', 'lost']);
    expect(stage(0).probability).toBe(10);
  });

  it('only an administrator configures pipelines; a second one (bulk cargo) has its own stages', async () => {
    const body = { name: '散货', stages: [{ name: '询价', probability: 20 }, { name: '报价', probability: 60 }, { name: '成交', probability: 100, kind: 'won' }, { name: '失败', probability: 0, kind: 'lost' }] };
    expect((await repA.post('/api/v1/pipelines', body)).status).toBe(403);
    const res = await admin.post('/api/v1/pipelines', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.stages.map((s: { name: string }) => s.name)).toEqual(['询价', '报价', '成交', '失败']);
    expect(res.body.isDefault).toBe(false);
    const renamed = await admin.patch(`/api/v1/pipelines/${res.body.id}`, {
      version: res.body.version, stages: [{ id: res.body.stages[0].id, name: '询盘', probability: 25 }, ...res.body.stages.slice(1).map((s: object) => s)],
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.stages[0]).toMatchObject({ name: '询盘', probability: 25 });
    expect((await admin.post('/api/v1/pipelines', { name: 'x', stages: [{ name: 'a', probability: 1 }, { name: 'b', probability: 1 }] })).status).toBe(400);
  });
});

describe('opportunities', () => {
  let oppId: string;

  it('a rep creates a deal in the first stage with its stage probability, lines summed into the amount', async () => {
    const res = await repA.post('/api/v1/opportunities', {
      name: '中海船务 2027 润滑油年度合同',
      accountId: accountA,
      expectedCloseDate: '2027-03-31',
      contacts: [{ contactId: contactA, role: '决策人' }],
      lines: [{ description: '船用润滑油 CD40', quantity: '12.5', unitPrice: '8000' }, { description: '运输', quantity: 1, unitPrice: '1234.56' }],
      competitors: [{ name: '壳牌', strengths: '品牌', weaknesses: '价格高' }],
      nextStep: '下周报价',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      accountName: '中海船务', stageId: stage(0).id, status: 'open', probability: 10, amount: '101234.56', weightedAmount: '10123.46', currency: 'CNY',
      contacts: [{ id: contactA, name: '单雄信', role: '决策人' }], ownerId: t.company.people.repA.id, unitId: t.company.salesA.id,
      competitors: [{ name: '壳牌', strengths: '品牌', weaknesses: '价格高' }],
    });
    expect(res.body.lines.map((l: { amount: string }) => l.amount)).toEqual(['100000.00', '1234.56']);
    oppId = res.body.id;
  });

  it("a deal needs an account the writer can see: another branch's account is a 404", async () => {
    expect((await repA.post('/api/v1/opportunities', { name: 'x', accountId: accountB })).status).toBe(404);
  });

  it('moving on the kanban writes the stage history and an audit event, and a loss needs its reason', async () => {
    const before = (await repA.get(`/api/v1/opportunities/${oppId}`)).body;
    const moved = await repA.post(`/api/v1/opportunities/${oppId}/move`, { version: before.version, stageId: stage(2).id });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ stageId: stage(2).id, stageName: stage(2).name, probability: 50, status: 'open' });
    const stale = await repA.post(`/api/v1/opportunities/${oppId}/move`, { version: before.version, stageId: stage(3).id });
    expect(stale.status).toBe(409);
    const noReason = await repA.post(`/api/v1/opportunities/${oppId}/move`, { version: moved.body.version, stageId: lostStage().id });
    expect(noReason.status).toBe(400);
    const history = await repA.get(`/api/v1/opportunities/${oppId}/stage-history`);
    expect(history.body.items.map((h: { stageId: string; leftAt: string | null }) => [h.stageId, h.leftAt === null])).toEqual([[stage(0).id, false], [stage(2).id, true]]);
    const rows = await t.db.select().from(opportunityStageHistory).where(and(eq(opportunityStageHistory.tenantId, t.company.tenantId), eq(opportunityStageHistory.opportunityId, oppId)));
    expect(rows).toHaveLength(2);
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, t.company.tenantId), eq(auditEvents.objectId, oppId), eq(auditEvents.action, 'move')));
    expect(events).toHaveLength(1);
    expect(events[0].changes).toMatchObject({ stageId: [stage(0).id, stage(2).id], probability: [10, 50] });
  });

  it('the board shows the deal in its column with the column totals; another branch sees nothing', async () => {
    const board = await repA.get('/api/v1/opportunities/board');
    expect(board.status, JSON.stringify(board.body)).toBe(200);
    const col = board.body.columns.find((c: { stageId: string }) => c.stageId === stage(2).id);
    expect(col).toMatchObject({ count: 1, amount: '101234.56', weightedAmount: '50617.28' });
    expect(col.items[0]).toMatchObject({ id: oppId, accountName: '中海船务' });
    const other = await repB.get('/api/v1/opportunities/board');
    expect(other.body.columns.every((c: { count: number }) => c.count === 0)).toBe(true);
    expect((await repB.get(`/api/v1/opportunities/${oppId}`)).status).toBe(404);
    expect((await hq.get(`/api/v1/opportunities/${oppId}`)).status).toBe(200);
  });

  it('winning closes the deal and shows on the account timeline and in search', async () => {
    const before = (await repA.get(`/api/v1/opportunities/${oppId}`)).body;
    const won = await repA.post(`/api/v1/opportunities/${oppId}/move`, { version: before.version, stageId: wonStage().id, closeReason: '价格优势' });
    expect(won.status, JSON.stringify(won.body)).toBe(200);
    expect(won.body).toMatchObject({ status: 'won', probability: 100, closeReason: '价格优势' });
    expect(won.body.closedAt).not.toBeNull();
    const timeline = await repA.get(`/api/v1/accounts/${accountA}/timeline?types=opportunity`);
    expect(timeline.status, JSON.stringify(timeline.body)).toBe(200);
    const entries = timeline.body.items.filter((e: { type: string }) => e.type === 'opportunity');
    expect(entries.map((e: { opportunity: { stageId: string } }) => e.opportunity.stageId)).toEqual([wonStage().id, stage(2).id, stage(0).id]);
    const search = await repA.get(`/api/v1/search?q=${encodeURIComponent('润滑油年度')}`);
    expect(search.status, JSON.stringify(search.body)).toBe(200);
    expect(JSON.stringify(search.body)).toContain(oppId);
    expect(JSON.stringify((await repB.get(`/api/v1/search?q=${encodeURIComponent('润滑油年度')}`)).body)).not.toContain(oppId);
  });

  it('lists filter by account and status', async () => {
    const open = await repA.get(`/api/v1/opportunities?accountId=${accountA}&status=open`);
    expect(open.body.items).toHaveLength(0);
    const won = await repA.get(`/api/v1/opportunities?accountId=${accountA}&status=won,lost`);
    expect(won.body.items.map((o: { id: string }) => o.id)).toEqual([oppId]);
  });

  it("the coaching view flags a rep's stale deals, deals past their close date and deals without a next step", async () => {
    const res = await repA.post('/api/v1/opportunities', { name: '过期商机', accountId: accountA, expectedCloseDate: '2020-01-01' });
    expect(res.status).toBe(201);
    const coaching = await managerA.get('/api/v1/opportunities/coaching?staleDays=30');
    expect(coaching.status, JSON.stringify(coaching.body)).toBe(200);
    const rep = coaching.body.reps.find((r: { ownerId: string }) => r.ownerId === t.company.people.repA.id);
    expect(rep).toMatchObject({ open: 1, pastClose: 1, noNextStep: 1, stale: 0 });
    expect(coaching.body.deals.find((d: { id: string }) => d.id === res.body.id).flags).toEqual(['past_close', 'no_next_step']);
    expect((await repB.get('/api/v1/opportunities/coaching')).body.reps).toHaveLength(0);
  });

  it("an activity about a deal counts as its last activity; another branch's deal cannot be linked", async () => {
    const opp = (await repA.post('/api/v1/opportunities', { name: '跟进商机', accountId: accountA })).body;
    const logged = await repA.post('/api/v1/activities', { kind: 'call', subject: '电话跟进', accountId: accountA, opportunityId: opp.id });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    const after = (await repA.get(`/api/v1/opportunities/${opp.id}`)).body;
    expect(after.lastActivityAt).toBe(logged.body.at);
    const accountOfB = (await repB.post('/api/v1/accounts', { name: '北京远洋二号' })).body.id;
    const oppOfB = (await repB.post('/api/v1/opportunities', { name: 'B 的商机', accountId: accountOfB })).body;
    expect((await repA.post('/api/v1/activities', { kind: 'note', subject: 'x', opportunityId: oppOfB.id })).status).toBe(404);
  });

  it('a rep cannot reassign; a manager can, within the branch', async () => {
    const opp = (await repA.post('/api/v1/opportunities', { name: '转交', accountId: accountA })).body;
    expect((await repA.patch(`/api/v1/opportunities/${opp.id}`, { version: opp.version, ownerId: t.company.people.repA2.id })).status).toBe(403);
    const res = await managerA.patch(`/api/v1/opportunities/${opp.id}`, { version: opp.version, ownerId: t.company.people.repA2.id, nextStep: '约见' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ ownerId: t.company.people.repA2.id, nextStep: '约见' });
    expect((await managerA.patch(`/api/v1/opportunities/${opp.id}`, { version: res.body.version, ownerId: t.company.people.repB.id })).status).toBe(400);
  });
});
