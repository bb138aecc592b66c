import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, setupTestApp, signIn, type Client } from '../../../test/factories.ts';
import { createProbeTable, PROBE } from '../custom-fields/test-support/probe-records.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
let managerA: Client;
let repA: Client;
let repB: Client;
let managerB: Client;
let hq: Client;
beforeAll(async () => {
  t = await setupTestApp();
  await createProbeTable(t.database);
  [admin, managerA, repA, repB, managerB, hq] = await Promise.all(['admin', 'managerA', 'repA', 'repB', 'managerB', 'hq'].map((w) => t.as(w as 'admin')));
});
afterAll(() => t.close());

const listOf = async (c: Client, objectType = 'user') => {
  const res = await c.get(`/api/v1/saved-views?objectType=${objectType}`);
  expect(res.status).toBe(200);
  return res.body.items as { id: string; name: string; isDefault: boolean; permissions: { update: boolean } }[];
};
async function save(c: Client, body: Record<string, unknown>) {
  const res = await c.post('/api/v1/saved-views', { objectType: 'user', columns: ['name', 'login'], ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number };
}

describe('saved views', () => {
  it('a personal view is its owner’s alone', async () => {
    const view = await save(repA, { name: '我的同事', filters: { q: 'rep', active: 'true' }, sort: { field: 'name', order: 'asc' } });
    const mine = await listOf(repA);
    expect(mine.find((v) => v.id === view.id)).toMatchObject({ name: '我的同事', isDefault: false, permissions: { update: true } });
    expect((await listOf(await t.as('repA2'))).map((v) => v.id)).not.toContain(view.id);
    expect((await admin.get(`/api/v1/saved-views/${view.id}`)).status).toBe(404);
  });

  it('a view shared with a unit reaches the unit and below, never another branch', async () => {
    const view = await save(managerA, { name: '上海分公司客户', sharing: 'shared_with_unit', filters: { unitId: t.company.branchA.id } });
    expect((await listOf(repA)).map((v) => v.id)).toContain(view.id);
    for (const outsider of [repB, managerB]) {
      const list = await listOf(outsider);
      expect(list.map((v) => v.id)).not.toContain(view.id);
      expect((await outsider.get(`/api/v1/saved-views/${view.id}`)).status).toBe(404);
      expect((await outsider.patch(`/api/v1/saved-views/${view.id}`, { version: view.version, name: 'leaked' })).status).toBe(404);
      expect((await outsider.delete(`/api/v1/saved-views/${view.id}`)).status).toBe(404);
      expect((await outsider.post(`/api/v1/saved-views/${view.id}/default`)).status).toBe(404);
      expect((await outsider.get(`/api/v1/history/saved_view/${view.id}`)).status).toBe(404);
    }
    // The head office is above the unit, not in it; only a curator of shared views sees it there.
    await makeUser(t.db, t.company.tenantId, t.company.headOfficeId, 'hq.clerk', 'order_execution');
    const clerk = await signIn(t.app, 'hq.clerk', t.company.slug);
    expect((await listOf(clerk)).map((v) => v.id)).not.toContain(view.id);
    expect((await listOf(hq)).map((v) => v.id)).toContain(view.id);
    expect((await managerA.get(`/api/v1/saved-views/${view.id}`)).body.name).toBe('上海分公司客户');
  });

  it('only the owner, or a curator of shared views, changes a shared view', async () => {
    const view = await save(managerA, { name: '重点', sharing: 'shared_with_unit' });
    const seenByRep = (await listOf(repA)).find((v) => v.id === view.id)!;
    expect(seenByRep.permissions.update).toBe(false);
    expect((await repA.patch(`/api/v1/saved-views/${view.id}`, { version: view.version, name: '改' })).status).toBe(403);
    expect((await repA.delete(`/api/v1/saved-views/${view.id}`)).status).toBe(403);
    const curated = await hq.patch(`/api/v1/saved-views/${view.id}`, { version: view.version, name: '重点客户' });
    expect(curated.status).toBe(200);
    expect(curated.body).toMatchObject({ name: '重点客户', ownerId: t.company.people.managerA.id, version: view.version + 1 });
    const stale = await managerA.patch(`/api/v1/saved-views/${view.id}`, { version: view.version, name: 'x' });
    expect(stale.status).toBe(409);
    expect((await managerA.delete(`/api/v1/saved-views/${view.id}`)).status).toBe(204);
    expect((await repA.get(`/api/v1/saved-views/${view.id}`)).status).toBe(404);
  });

  it('sharing with the whole company needs views.manage_shared', async () => {
    expect((await repA.post('/api/v1/saved-views', { objectType: 'user', name: '全部', sharing: 'shared_with_all' })).status).toBe(403);
    const mine = await save(repA, { name: '先私有' });
    expect((await repA.patch(`/api/v1/saved-views/${mine.id}`, { version: mine.version, sharing: 'shared_with_all' })).status).toBe(403);
    const everyone = await save(admin, { name: '全公司用户', sharing: 'shared_with_all' });
    expect((await listOf(repB)).map((v) => v.id)).toContain(everyone.id);
  });

  it('each user picks their own default, shared views included', async () => {
    const shared = await save(managerA, { name: '默认候选', sharing: 'shared_with_unit' });
    const own = await save(repA, { name: '我的默认' });
    const set = await repA.post(`/api/v1/saved-views/${shared.id}/default`);
    expect(set.status).toBe(200);
    expect(set.body.isDefault).toBe(true);
    expect((await listOf(managerA)).find((v) => v.id === shared.id)!.isDefault).toBe(false);
    await repA.post(`/api/v1/saved-views/${own.id}/default`);
    const defaults = (await listOf(repA)).filter((v) => v.isDefault).map((v) => v.id);
    expect(defaults).toEqual([own.id]);
    expect((await repA.delete('/api/v1/saved-views/defaults/user')).status).toBe(204);
    expect((await listOf(repA)).filter((v) => v.isDefault)).toEqual([]);
  });

  it('checks custom fields named in columns, sort and filters, and stores customFilters as an object', async () => {
    const label = { 'zh-CN': '等级' };
    expect((await admin.post('/api/v1/custom-fields', { objectType: PROBE, key: 'level', label, type: 'single_select', options: [{ value: 'a', label }] })).status).toBe(201);
    expect((await admin.post('/api/v1/custom-fields', { objectType: PROBE, key: 'tags', label, type: 'multi_select', options: [{ value: 'x', label }] })).status).toBe(201);
    const view = await save(repA, {
      objectType: PROBE, name: 'A 级', columns: ['name', 'custom.level'], sort: { field: 'custom.level', order: 'desc' },
      filters: { customFilters: '{"level":{"eq":"a"}}' },
    });
    expect((await repA.get(`/api/v1/saved-views/${view.id}`)).body).toMatchObject({ columns: ['name', 'custom.level'], filters: { customFilters: { level: { eq: 'a' } } } });
    const bad = async (body: Record<string, unknown>) => (await repA.post('/api/v1/saved-views', { objectType: PROBE, name: 'x', ...body })).body.error.issues[0];
    expect(await bad({ columns: ['custom.nope'] })).toEqual({ field: 'columns', reason: 'no custom field nope' });
    expect(await bad({ columns: ['name', 'name'] })).toEqual({ field: 'columns', reason: 'name appears twice' });
    expect(await bad({ sort: { field: 'custom.tags', order: 'asc' } })).toEqual({ field: 'sort.field', reason: 'multi_select fields cannot be sorted' });
    expect(await bad({ filters: { customFilters: { nope: { eq: 1 } } } })).toEqual({ field: 'filters.customFilters.nope', reason: 'no such field' });
    expect(await bad({ objectType: 'spaceship' })).toEqual({ field: 'objectType', reason: 'unknown object type' });
  });

  it('audits every change to a view', async () => {
    const view = await save(managerA, { name: '审计', sharing: 'shared_with_unit' });
    await managerA.patch(`/api/v1/saved-views/${view.id}`, { version: view.version, columns: ['name'] });
    const history = await repA.get(`/api/v1/history/saved_view/${view.id}`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(history.body.items[0].changes.columns).toEqual([['name', 'login'], ['name']]);
  });
});
