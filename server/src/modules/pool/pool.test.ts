import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUnit, makeUser, setupTestApp, signIn, type Client } from '../../../test/factories.ts';
import { newId } from '../../platform/db/ids.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { activities } from '../activities/activities.schema.ts';
import { notifications } from '../notifications/notifications.schema.ts';
import { clearPrincipalCache } from '../org/principal-loader.ts';
import { findPoolHolder } from './pool-holder.ts';
import { returnStaleAccounts } from './pool-return.job.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
let repA: Client;
let repA2: Client;
let repB: Client;
let managerA: Client;
let managerB: Client;
beforeAll(async () => {
  t = await setupTestApp();
  [admin, repA, repA2, repB, managerA, managerB] = await Promise.all(
    (['admin', 'repA', 'repA2', 'repB', 'managerA', 'managerB'] as const).map((w) => t.as(w)),
  );
});
afterAll(() => t.close());

let seq = 0;
async function newAccount(as: Client, name = `公海测试客户${++seq}有限公司`): Promise<string> {
  const res = await as.post('/api/v1/accounts', { name });
  expect(res.status).toBe(201);
  return res.body.id as string;
}
const ownerOf = async (id: string) =>
  (await t.db.select({ ownerId: accounts.ownerId }).from(accounts).where(and(eq(accounts.tenantId, t.company.tenantId), eq(accounts.id, id))))[0]!.ownerId;

/** A department of its own with one rep, so rules and caps set here touch no other test. */
async function freshTeam(rule: Record<string, unknown>, reps = 1) {
  const dept = await makeUnit(t.db, t.company.tenantId, t.company.branchA, `部门${++seq}`, 'department');
  const people = [];
  for (let i = 0; i < reps; i++) people.push(await makeUser(t.db, t.company.tenantId, dept.id, `pool.rep.${seq}.${i}`, 'sales_rep'));
  const res = await admin.post('/api/v1/pool/rules', {
    unitId: dept.id, maxPrivate: null, idleDays: null, noWonDealDays: null, warnDays: 0, reclaimCooldownDays: 0, ...rule,
  });
  expect(res.status).toBe(200);
  // managers' subtrees are cached for a few seconds; the new department must be in them now
  clearPrincipalCache();
  const clients = await Promise.all(people.map((u) => signIn(t.app, u.login, t.company.slug)));
  return { dept, people, clients };
}

describe('public pool', () => {
  it('release moves a customer into its unit\'s pool: colleagues see it there, the releasing rep and other branches do not', async () => {
    const id = await newAccount(repA);
    expect((await repA.post(`/api/v1/accounts/${id}/release`, { note: '不再跟进' })).status).toBe(204);
    const holder = await findPoolHolder(t.db, t.company.tenantId);
    expect(await ownerOf(id)).toBe(holder);
    expect((await repA.get(`/api/v1/accounts/${id}`)).status).toBe(404);
    const pool = await repA2.get('/api/v1/pool');
    expect(pool.status).toBe(200);
    expect(pool.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(pool.body.items[0]).not.toHaveProperty('phones');
    expect((await repB.get('/api/v1/pool')).body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await managerA.get(`/api/v1/pool?unitId=${t.company.salesA.id}`)).body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await repA.post(`/api/v1/accounts/${id}/release`, {})).status).toBe(404);
    expect((await managerA.post(`/api/v1/accounts/${id}/release`, {})).body.error.code).toBe('already_in_pool');
  });

  it('a colleague claims it; history lists release and claim; another branch cannot claim it', async () => {
    const id = await newAccount(repA);
    await repA.post(`/api/v1/accounts/${id}/release`, {});
    expect((await repB.post(`/api/v1/pool/${id}/claim`)).status).toBe(404);
    expect((await repA2.post(`/api/v1/pool/${id}/claim`)).status).toBe(204);
    expect(await ownerOf(id)).toBe(t.company.people.repA2.id);
    const history = await repA2.get(`/api/v1/accounts/${id}/owner-history`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((h: { reason: string }) => h.reason)).toEqual(['claimed', 'released', 'created']);
    expect(history.body.items[1]).toMatchObject({ fromOwnerId: t.company.people.repA.id, toPool: true, toOwnerName: null });
    const again = await repA.post(`/api/v1/pool/${id}/claim`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('pool_already_claimed');
    expect((await repB.get(`/api/v1/accounts/${id}/owner-history`)).status).toBe(404);
  });

  it('a rep at the cap is refused with pool_cap_reached', async () => {
    const { clients: [rep], people: [person] } = await freshTeam({ maxPrivate: 2 });
    await newAccount(rep!);
    const a = await newAccount(rep!);
    const b = await newAccount(rep!);
    // three held: over the cap already (creating is not capped), so releasing one still leaves two
    await rep!.post(`/api/v1/accounts/${a}/release`, {});
    await rep!.post(`/api/v1/accounts/${b}/release`, {});
    const res = await rep!.post(`/api/v1/pool/${a}/claim`);
    expect(res.status).toBe(204);
    const refused = await rep!.post(`/api/v1/pool/${b}/claim`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('pool_cap_reached');
    expect(await ownerOf(b)).not.toBe(person!.id);
  });

  it('a rep who released a customer cannot reclaim it during the cool-down, a colleague can', async () => {
    const { clients: [rep, colleague] } = await freshTeam({ reclaimCooldownDays: 7 }, 2);
    const id = await newAccount(rep!);
    await rep!.post(`/api/v1/accounts/${id}/release`, {});
    const res = await rep!.post(`/api/v1/pool/${id}/claim`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('pool_reclaim_cooldown');
    expect((await colleague!.post(`/api/v1/pool/${id}/claim`)).status).toBe(204);
  });

  it('two reps clicking at once: exactly one wins', async () => {
    const { clients: [one, two, owner] } = await freshTeam({}, 3);
    for (let round = 0; round < 3; round++) {
      const id = await newAccount(owner!);
      await owner!.post(`/api/v1/accounts/${id}/release`, {});
      const results = await Promise.all([one!.post(`/api/v1/pool/${id}/claim`), two!.post(`/api/v1/pool/${id}/claim`)]);
      expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
      expect(results.find((r) => r.status === 409)!.body.error.code).toBe('pool_already_claimed');
    }
  });

  it('one rep claiming two customers at once with one place left gets one', async () => {
    const { clients: [rep, owner] } = await freshTeam({ maxPrivate: 1 }, 2);
    const ids = [await newAccount(owner!), await newAccount(owner!)];
    for (const id of ids) await owner!.post(`/api/v1/accounts/${id}/release`, {});
    const results = await Promise.all(ids.map((id) => rep!.post(`/api/v1/pool/${id}/claim`)));
    expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('pool_cap_reached');
  });

  it('a manager assigns a pool customer within their branch; not across branches; reps may not assign', async () => {
    const id = await newAccount(repA);
    await repA.post(`/api/v1/accounts/${id}/release`, {});
    expect((await repA2.post(`/api/v1/pool/${id}/assign`, { userId: t.company.people.repA2.id })).status).toBe(403);
    expect((await managerB.post(`/api/v1/pool/${id}/assign`, { userId: t.company.people.repB.id })).status).toBe(404);
    expect((await managerA.post(`/api/v1/pool/${id}/assign`, { userId: t.company.people.repB.id })).status).toBe(400);
    expect((await managerA.post(`/api/v1/pool/${id}/assign`, { userId: t.company.people.repA2.id })).status).toBe(204);
    expect(await ownerOf(id)).toBe(t.company.people.repA2.id);
    const history = await managerA.get(`/api/v1/accounts/${id}/owner-history`);
    expect(history.body.items[0]).toMatchObject({ reason: 'assigned', toOwnerId: t.company.people.repA2.id, actorUserId: t.company.people.managerA.id });
  });

  it('transfers a departing rep\'s customers and open tasks, spread over successors, with history and audit', async () => {
    const { clients: [leaver], people: [leaverUser, ...successors] } = await freshTeam({}, 3);
    const ids = [await newAccount(leaver!), await newAccount(leaver!), await newAccount(leaver!)];
    const taskId = newId();
    const doneTaskId = newId();
    await t.db.insert(activities).values([
      { tenantId: t.company.tenantId, id: taskId, ownerId: leaverUser!.id, unitId: leaverUser!.unitId, kind: 'task', subject: '回访', at: new Date() },
      { tenantId: t.company.tenantId, id: doneTaskId, ownerId: leaverUser!.id, unitId: leaverUser!.unitId, kind: 'task', subject: '已完成', at: new Date(), completedAt: new Date() },
    ]);
    // Two open deals on the book's customers, one won (stays: it is history), one task about a deal.
    const newDeal = async (accountId: string, name: string) => {
      const res = await leaver!.post('/api/v1/opportunities', { name, accountId, amount: '1000.00' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: string; version: number; pipelineId: string };
    };
    const openDeals = [await newDeal(ids[0]!, '交接商机一'), await newDeal(ids[1]!, '交接商机二')];
    const wonDeal = await newDeal(ids[2]!, '已成交商机');
    const pipeline = (await leaver!.get('/api/v1/pipelines')).body.items.find((x: { id: string }) => x.id === wonDeal.pipelineId);
    const wonStage = pipeline.stages.find((s: { kind: string }) => s.kind === 'won');
    expect((await leaver!.post(`/api/v1/opportunities/${wonDeal.id}/move`, { version: wonDeal.version, stageId: wonStage.id, closeReason: '价格' })).status).toBe(200);
    const dealTaskId = newId();
    await t.db.insert(activities).values({
      tenantId: t.company.tenantId, id: dealTaskId, ownerId: leaverUser!.id, unitId: leaverUser!.unitId, kind: 'task', subject: '发报价', at: new Date(),
      accountId: ids[1], opportunityId: openDeals[1]!.id,
    });
    expect((await repA.post('/api/v1/pool/transfer', { fromUserId: leaverUser!.id, toUserId: successors[0]!.id })).status).toBe(403);
    expect((await managerB.post('/api/v1/pool/transfer', { fromUserId: leaverUser!.id, toUserId: t.company.people.repB.id })).status).toBe(404);
    const res = await managerA.post('/api/v1/pool/transfer', { fromUserId: leaverUser!.id, distribution: successors.map((s) => s.id) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accounts: 3, tasks: 2, opportunities: 2 });
    const owners = await Promise.all(ids.map(ownerOf));
    expect(new Set(owners)).toEqual(new Set(successors.map((s) => s.id)));
    const [task] = await t.db.select().from(activities).where(and(eq(activities.tenantId, t.company.tenantId), eq(activities.id, taskId)));
    expect(successors.map((s) => s.id)).toContain(task!.ownerId);
    // Each open deal went with its customer; the task about the second deal went with that deal.
    const dealOwner = async (id: string) => (await managerA.get(`/api/v1/opportunities/${id}`)).body.ownerId as string;
    expect(await dealOwner(openDeals[0]!.id)).toBe(owners[0]);
    expect(await dealOwner(openDeals[1]!.id)).toBe(owners[1]);
    expect(await dealOwner(wonDeal.id)).toBe(leaverUser!.id);
    const [dealTask] = await t.db.select().from(activities).where(and(eq(activities.tenantId, t.company.tenantId), eq(activities.id, dealTaskId)));
    expect(dealTask!.ownerId).toBe(owners[1]);
    const dealEvents = await admin.get(`/api/v1/audit-events?objectId=${openDeals[0]!.id}`);
    expect(dealEvents.body.items.find((e: { action: string }) => e.action === 'transfer')).toMatchObject({ objectType: 'opportunity' });
    // The successor now sees the deal on their own board; another branch still does not.
    expect((await repB.get(`/api/v1/opportunities/${openDeals[0]!.id}`)).status).toBe(404);
    const [done] = await t.db.select().from(activities).where(and(eq(activities.tenantId, t.company.tenantId), eq(activities.id, doneTaskId)));
    expect(done!.ownerId).toBe(leaverUser!.id);
    const history = await managerA.get(`/api/v1/accounts/${ids[0]}/owner-history`);
    expect(history.body.items[0]).toMatchObject({ reason: 'transferred', fromOwnerId: leaverUser!.id });
    const events = await admin.get(`/api/v1/audit-events?objectId=${ids[0]}`);
    expect(events.body.items.map((e: { action: string }) => e.action)).toContain('transfer');
  });

  it('the nightly job warns K days before and returns idle customers to the pool', async () => {
    const { people: [rep], clients: [repClient] } = await freshTeam({ idleDays: 30, warnDays: 3 });
    const id = await newAccount(repClient!);
    const day = 86_400_000;
    const quiet = await returnStaleAccounts(t.db, t.company.tenantId, new Date(Date.now() + 10 * day));
    expect(quiet.warned + quiet.returned).toBe(0);
    const warn = await returnStaleAccounts(t.db, t.company.tenantId, new Date(Date.now() + 28 * day));
    expect(warn).toEqual({ warned: 1, returned: 0 });
    const bell = await t.db.select().from(notifications).where(and(eq(notifications.tenantId, t.company.tenantId), eq(notifications.userId, rep!.id)));
    expect(bell).toHaveLength(1);
    expect(bell[0]).toMatchObject({ kind: 'pool_return_warning', linkId: id });
    expect(await returnStaleAccounts(t.db, t.company.tenantId, new Date(Date.now() + 29 * day))).toEqual({ warned: 0, returned: 0 });
    const back = await returnStaleAccounts(t.db, t.company.tenantId, new Date(Date.now() + 31 * day));
    expect(back).toEqual({ warned: 0, returned: 1 });
    expect(await ownerOf(id)).toBe(await findPoolHolder(t.db, t.company.tenantId));
    const history = await managerA.get(`/api/v1/accounts/${id}/owner-history`);
    expect(history.body.items[0]).toMatchObject({ reason: 'returned_by_rule', fromOwnerId: rep!.id, actorUserId: null });
  });

  it('a follow-up restarts the clock', async () => {
    const { clients: [repClient] } = await freshTeam({ idleDays: 30, warnDays: 3 });
    const id = await newAccount(repClient!);
    const day = 86_400_000;
    await t.db.update(accounts).set({ lastActivityAt: new Date(Date.now() + 20 * day) })
      .where(and(eq(accounts.tenantId, t.company.tenantId), eq(accounts.id, id)));
    const res = await returnStaleAccounts(t.db, t.company.tenantId, new Date(Date.now() + 31 * day));
    expect(await ownerOf(id)).not.toBe(await findPoolHolder(t.db, t.company.tenantId));
    expect(res.returned).toBe(0);
  });

  it('rules: admins only, versioned', async () => {
    const put = async (c: Client, body: unknown) => {
      const res = await c.post('/api/v1/pool/rules', body);
      return { statusCode: res.status, json: () => res.body };
    };
    const rule = { unitId: null, maxPrivate: 20, idleDays: null, noWonDealDays: 90, warnDays: 3, reclaimCooldownDays: 7 };
    expect((await put(managerA, rule)).statusCode).toBe(403);
    const created = await put(admin, rule);
    expect(created.statusCode).toBe(200);
    expect((await put(admin, rule)).statusCode).toBe(409);
    expect((await put(admin, { ...rule, maxPrivate: 25, version: created.json().version })).json()).toMatchObject({ maxPrivate: 25, version: 2 });
    const list = await repA.get('/api/v1/pool/rules');
    expect(list.body.items.find((r: { unitId: string | null }) => r.unitId === null)).toMatchObject({ maxPrivate: 25, noWonDealDays: 90 });
  });
});
