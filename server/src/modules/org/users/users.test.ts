import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/factories.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t.close());

describe('users', () => {
  it('admin lists every user; a rep sees only their unit', async () => {
    const admin = await t.as('admin');
    const all = await admin.get('/api/v1/users?limit=100');
    expect(all.status).toBe(200);
    expect(all.body.items.map((u: { login: string }) => u.login).sort()).toEqual(
      ['admin', 'hq', 'manager.a', 'manager.b', 'rep.a', 'rep.a2', 'rep.b'],
    );
    const rep = await t.as('repA');
    const mine = await rep.get('/api/v1/users?limit=100');
    expect(mine.body.items.map((u: { login: string }) => u.login).sort()).toEqual(['rep.a', 'rep.a2']);
  });

  it('pages with a cursor without repeating or skipping', async () => {
    const admin = await t.as('admin');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin.get(`/api/v1/users?limit=2&sort=login${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((u: { login: string }) => u.login));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['admin', 'hq', 'manager.a', 'manager.b', 'rep.a', 'rep.a2', 'rep.b']);
  });

  it('a branch manager creates a user in their branch but not in another', async () => {
    const manager = await t.as('managerA');
    const roles = (await manager.get('/api/v1/roles')).body.items as { id: string; key: string }[];
    const rep = roles.find((r) => r.key === 'sales_rep')!;
    const admin = roles.find((r) => r.key === 'admin')!;
    const ok = await manager.post('/api/v1/users', { login: 'new.rep', name: '新业务员', unitId: t.company.salesA.id, roleIds: [rep.id] });
    expect(ok.status).toBe(201);
    expect(ok.body.oneTimePassword).toMatch(/^\S{4}-\S{4}-\S{4}-\S{4}$/);
    expect(ok.body.user.unitName).toBe('销售一部');
    const elsewhere = await manager.post('/api/v1/users', { login: 'x.rep', name: 'X', unitId: t.company.branchB.id, roleIds: [rep.id] });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.issues[0].field).toBe('unitId');
    const escalate = await manager.post('/api/v1/users', { login: 'y.rep', name: 'Y', unitId: t.company.salesA.id, roleIds: [admin.id] });
    expect(escalate.status).toBe(400);
    expect(escalate.body.error.issues[0].field).toBe('roleIds');
  });

  it('rejects a stale version with 409 and changes nothing', async () => {
    const admin = await t.as('admin');
    const id = t.company.people.repB.id;
    const before = (await admin.get(`/api/v1/users/${id}`)).body;
    const first = await admin.patch(`/api/v1/users/${id}`, { version: before.version, title: '客户经理' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(before.version + 1);
    const stale = await admin.patch(`/api/v1/users/${id}`, { version: before.version, title: '经理' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect((await admin.get(`/api/v1/users/${id}`)).body.title).toBe('客户经理');
  });

  it('names the field and reason of invalid input', async () => {
    const admin = await t.as('admin');
    const res = await admin.post('/api/v1/users', { login: 'Bad Login!', name: '', unitId: 'nope', roleIds: [] });
    expect(res.status).toBe(400);
    const fields = res.body.error.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['body.login', 'body.name', 'body.unitId', 'body.roleIds']));
  });

  it('writes an audit event with before and after in the same transaction', async () => {
    const admin = await t.as('admin');
    const id = t.company.people.repA2.id;
    const user = (await admin.get(`/api/v1/users/${id}`)).body;
    await admin.patch(`/api/v1/users/${id}`, { version: user.version, name: '王小明' });
    const history = await admin.get(`/api/v1/history/user/${id}`);
    expect(history.status).toBe(200);
    expect(history.body.items[0]).toMatchObject({ action: 'update', changes: { name: ['rep.a2', '王小明'] } });
  });

  it('soft-deletes to the recycle bin and restores', async () => {
    const admin = await t.as('admin');
    const id = t.company.people.repA2.id;
    expect((await admin.delete(`/api/v1/users/${id}`)).status).toBe(204);
    expect((await admin.get(`/api/v1/users/${id}`)).status).toBe(404);
    const bin = await admin.get('/api/v1/recycle-bin?type=user');
    expect(bin.body.items.map((r: { id: string }) => r.id)).toContain(id);
    expect((await admin.post(`/api/v1/recycle-bin/user/${id}/restore`)).status).toBe(204);
    expect((await admin.get(`/api/v1/users/${id}`)).status).toBe(200);
  });
});
