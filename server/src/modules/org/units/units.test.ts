import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/factories.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t.close());

describe('organisation tree', () => {
  it('lists parents before children, and a manager sees only their subtree', async () => {
    const admin = await t.as('admin');
    const all = (await admin.get('/api/v1/org-units')).body.items as { id: string; depth: number; name: string }[];
    expect(all.map((u) => u.name)).toEqual(expect.arrayContaining(['总部', '上海分公司', '北京分公司', '销售一部']));
    expect(all[0].depth).toBe(0);
    const manager = await t.as('managerA');
    const mine = (await manager.get('/api/v1/org-units')).body.items.map((u: { name: string }) => u.name).sort();
    expect(mine).toEqual(['上海分公司', '销售一部']);
  });

  it('creates, moves a subtree and keeps paths right for scoping', async () => {
    const admin = await t.as('admin');
    const east = await admin.post('/api/v1/org-units', { parentId: t.company.headOfficeId, kind: 'branch', name: '华东大区' });
    expect(east.status).toBe(201);
    const branchA = (await admin.get(`/api/v1/org-units/${t.company.branchA.id}`)).body;
    const moved = await admin.patch(`/api/v1/org-units/${t.company.branchA.id}`, { version: branchA.version, parentId: east.body.id });
    expect(moved.status).toBe(200);
    expect(moved.body.depth).toBe(2);
    const dept = (await admin.get(`/api/v1/org-units/${t.company.salesA.id}`)).body;
    expect(dept.depth).toBe(3);
    // A manager of the region now reaches the department two levels down.
    const me = (await admin.get(`/api/v1/users/${t.company.people.managerB.id}`)).body;
    await admin.patch(`/api/v1/users/${me.id}`, { version: me.version, managedUnitIds: [east.body.id] });
    const managerB = await t.as('managerB');
    const visible = (await managerB.get('/api/v1/users?limit=100')).body.items.map((u: { login: string }) => u.login);
    expect(visible).toEqual(expect.arrayContaining(['rep.a', 'manager.a', 'rep.b']));
    const cycle = await admin.patch(`/api/v1/org-units/${east.body.id}`, { version: east.body.version, parentId: t.company.salesA.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.issues[0]).toEqual({ field: 'parentId', reason: 'a unit cannot move under itself' });
  });

  it('refuses to delete a unit that still has people, and deletes and restores an empty one', async () => {
    const admin = await t.as('admin');
    const busy = await admin.delete(`/api/v1/org-units/${t.company.salesA.id}`);
    expect(busy.status).toBe(409);
    expect(busy.body.error.details).toMatchObject({ reason: 'unit_not_empty', users: 2 });
    const empty = await admin.post('/api/v1/org-units', { parentId: t.company.branchB.id, kind: 'department', name: '临时部门' });
    expect((await admin.delete(`/api/v1/org-units/${empty.body.id}`)).status).toBe(204);
    expect((await admin.get(`/api/v1/org-units/${empty.body.id}`)).status).toBe(404);
    expect((await admin.post(`/api/v1/recycle-bin/org_unit/${empty.body.id}/restore`)).status).toBe(204);
    expect((await admin.get(`/api/v1/org-units/${empty.body.id}`)).status).toBe(200);
    const history = (await admin.get(`/api/v1/history/org_unit/${empty.body.id}`)).body.items.map((e: { action: string }) => e.action);
    expect(history).toEqual(['restore', 'delete', 'create']);
  });

  it('a rep cannot create units', async () => {
    const rep = await t.as('repA');
    const res = await rep.post('/api/v1/org-units', { parentId: t.company.salesA.id, kind: 'department', name: 'x' });
    expect(res.status).toBe(403);
  });
});
