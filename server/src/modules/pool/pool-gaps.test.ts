import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';
import { accounts } from '../accounts/accounts.schema.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
let repA: Client;
let managerA: Client;
beforeAll(async () => {
  t = await setupTestApp();
  [admin, repA, managerA] = await Promise.all((['admin', 'repA', 'managerA'] as const).map((w) => t.as(w)));
});
afterAll(() => t.close());

const newAccount = async (as: Client, name: string) => {
  const res = await as.post('/api/v1/accounts', { name });
  expect(res.status).toBe(201);
  return res.body.id as string;
};

describe('pool summary', () => {
  it('counts the caller\'s private customers against the cap and lists only the pools they see', async () => {
    await newAccount(repA, '额度测试一有限公司');
    await newAccount(repA, '额度测试二有限公司');
    expect((await admin.post('/api/v1/pool/rules', {
      unitId: null, maxPrivate: 20, idleDays: null, noWonDealDays: null, warnDays: 3, reclaimCooldownDays: 0,
    })).status).toBe(200);
    const mine = await repA.get('/api/v1/pool/summary');
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ held: 2, maxPrivate: 20 });
    expect(mine.body.units.map((u: { id: string }) => u.id)).toEqual([t.company.salesA.id]);
    const manager = await managerA.get('/api/v1/pool/summary');
    expect(manager.body.units.map((u: { id: string }) => u.id).sort()).toEqual([t.company.branchA.id, t.company.salesA.id].sort());
    expect(manager.body.units.map((u: { id: string }) => u.id)).not.toContain(t.company.branchB.id);
    const all = await admin.get('/api/v1/pool/summary');
    expect(all.body.units.length).toBeGreaterThanOrEqual(4);
  });
});

describe('bulk actions keep the ownership history', () => {
  it('a bulk assignment writes one "assigned" row per account moved', async () => {
    const ids = [await newAccount(repA, '批量历史一有限公司'), await newAccount(repA, '批量历史二有限公司')];
    const res = await managerA.post('/api/v1/accounts/bulk/assign', { ids, ownerId: t.company.people.repA2.id });
    expect(res.status).toBe(200);
    expect(res.body.updated).toBe(2);
    for (const id of ids) {
      const history = await managerA.get(`/api/v1/accounts/${id}/owner-history`);
      expect(history.body.items.map((h: { reason: string }) => h.reason)).toEqual(['assigned', 'created']);
      expect(history.body.items[0]).toMatchObject({ fromOwnerId: t.company.people.repA.id, toOwnerId: t.company.people.repA2.id });
    }
  });
});

describe('last follow-up on the account', () => {
  it('is on the account and sorts the list, never-followed-up accounts last, across pages', async () => {
    const followed = await newAccount(repA, '跟进排序一有限公司');
    const later = await newAccount(repA, '跟进排序二有限公司');
    const never = await newAccount(repA, '跟进排序三有限公司');
    expect((await repA.post('/api/v1/activities', { kind: 'call', subject: '电话', accountId: followed, occurredAt: '2026-01-05T08:00:00.000Z' })).status).toBe(201);
    expect((await repA.post('/api/v1/activities', { kind: 'call', subject: '电话', accountId: later, occurredAt: '2026-02-05T08:00:00.000Z' })).status).toBe(201);
    const one = await repA.get(`/api/v1/accounts/${followed}`);
    expect(one.body.lastActivityAt).toBe('2026-01-05T08:00:00.000Z');
    expect((await repA.get(`/api/v1/accounts/${never}`)).body.lastActivityAt).toBeNull();

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/api/v1/accounts?q=${encodeURIComponent('跟进排序')}&sort=lastActivityAt&limit=1&fields=name,lastActivityAt${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await repA.get(q);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((a: { id: string }) => a.id));
      cursor = page.body.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual([later, followed, never]);
    const asc = await repA.get(`/api/v1/accounts?q=${encodeURIComponent('跟进排序')}&sort=lastActivityAt&order=asc&fields=lastActivityAt`);
    expect(asc.body.items.map((a: { id: string }) => a.id)).toEqual([never, followed, later]);
    const row = await t.db.select({ at: accounts.lastActivityAt }).from(accounts).where(and(eq(accounts.tenantId, t.company.tenantId), eq(accounts.id, later)));
    expect(row[0]!.at?.toISOString()).toBe('2026-02-05T08:00:00.000Z');
  });
});

describe('pool list filters', () => {
  it('narrows the pool by a name part or pinyin initials and by tier', async () => {
    const a = await repA.post('/api/v1/accounts', { name: '滤镜筛选港务有限公司', tier: 'A' });
    const b = await repA.post('/api/v1/accounts', { name: '其他筛选物流有限公司', tier: 'B' });
    for (const id of [a.body.id, b.body.id]) expect((await repA.post(`/api/v1/accounts/${id}/release`, {})).status).toBe(204);
    const ids = async (query: string) => (await repA.get(`/api/v1/pool?${query}`)).body.items.map((i: { id: string }) => i.id);
    expect(await ids(`q=${encodeURIComponent('港务')}`)).toEqual([a.body.id]);
    expect(await ids('q=ljsx')).toEqual([a.body.id]);
    expect(await ids(`q=${encodeURIComponent('筛选')}&tier=B`)).toEqual([b.body.id]);
  });
});
