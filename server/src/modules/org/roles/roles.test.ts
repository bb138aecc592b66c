import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/factories.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t.close());

describe('roles', () => {
  it('offers a catalog of object types, actions, scopes and capabilities', async () => {
    const admin = await t.as('admin');
    const catalog = (await admin.get('/api/v1/roles/catalog')).body;
    expect(catalog.objects.map((o: { type: string }) => o.type)).toEqual(expect.arrayContaining(['user', 'org_unit']));
    expect(catalog.scopes).toEqual(['own', 'unit', 'subtree', 'all']);
    expect(catalog.capabilities.map((c: { key: string }) => c.key)).toContain('audit.read');
  });

  it('masks or hides fields per role, in the presenter', async () => {
    const admin = await t.as('admin');
    const created = await admin.post('/api/v1/roles', {
      name: '保密业务员',
      grants: { user: { actions: ['read'], scope: 'unit' } },
      fieldRules: { user: { phone: 'masked', email: 'hidden' } },
    });
    expect(created.status).toBe(201);
    const repA2 = (await admin.get(`/api/v1/users/${t.company.people.repA2.id}`)).body;
    expect((await admin.patch(`/api/v1/users/${repA2.id}`, { version: repA2.version, roleIds: [created.body.id] })).status).toBe(200);
    const masked = await t.as('repA2');
    const colleague = (await masked.get(`/api/v1/users/${t.company.people.repA.id}`)).body;
    expect(colleague.phone).toBe('138****8000');
    expect(colleague).not.toHaveProperty('email');
    const self = (await masked.get(`/api/v1/users/${t.company.people.repA2.id}`)).body;
    expect(self).toHaveProperty('email');
    // The admin still sees everything.
    expect((await admin.get(`/api/v1/users/${t.company.people.repA.id}`)).body.phone).toBe('13800138000');
  });

  it('rejects unknown objects, actions and fields with the field named', async () => {
    const admin = await t.as('admin');
    const bad = await admin.post('/api/v1/roles', { name: 'x', grants: { spaceship: { actions: ['read'], scope: 'all' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe('grants.spaceship');
    const badField = await admin.post('/api/v1/roles', { name: 'y', grants: {}, fieldRules: { user: { login: 'hidden' } } });
    expect(badField.body.error.issues[0].field).toBe('fieldRules.user');
  });

  it('a manager cannot write roles, and nobody can delete a role in use', async () => {
    const manager = await t.as('managerA');
    expect((await manager.post('/api/v1/roles', { name: 'z' })).status).toBe(403);
    const admin = await t.as('admin');
    const roles = (await admin.get('/api/v1/roles')).body.items as { id: string; key: string; userCount: number; permissions: { delete: boolean } }[];
    const rep = roles.find((r) => r.key === 'sales_rep')!;
    expect(rep.userCount).toBeGreaterThan(0);
    expect(rep.permissions.delete).toBe(false);
    const res = await admin.delete(`/api/v1/roles/${rep.id}`);
    expect(res.status).toBe(409);
  });

  it('changes take effect on the next request', async () => {
    const admin = await t.as('admin');
    const rep = await t.as('repB');
    expect((await rep.get('/api/v1/users?limit=50')).body.items.length).toBe(2);
    const roles = (await admin.get('/api/v1/roles')).body.items as { id: string; key: string; version: number; grants: object }[];
    const repRole = roles.find((r) => r.key === 'sales_rep')!;
    const updated = await admin.patch(`/api/v1/roles/${repRole.id}`, { version: repRole.version, grants: { ...repRole.grants, user: { actions: ['read'], scope: 'all' } } });
    expect(updated.status).toBe(200);
    expect((await rep.get('/api/v1/users?limit=50')).body.items.length).toBe(7);
  });
});

describe('audit log', () => {
  it('filters by object, action and actor, newest first, for auditors only', async () => {
    const admin = await t.as('admin');
    const res = await admin.get(`/api/v1/audit-events?objectType=role&action=create&actorUserId=${t.company.people.admin.id}`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const e of res.body.items) expect(e).toMatchObject({ objectType: 'role', action: 'create', actorName: 'admin' });
    const times = res.body.items.map((e: { occurredAt: string }) => e.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    const rep = await t.as('repA');
    expect((await rep.get('/api/v1/audit-events')).status).toBe(403);
  });
});

describe('role updates and history masking', () => {
  it('a partial update leaves the other fields alone', async () => {
    const admin = await t.as('admin');
    const created = await admin.post('/api/v1/roles', { name: '只读', grants: { user: { actions: ['read'], scope: 'all' } }, capabilities: ['audit.read'] });
    const res = await admin.patch(`/api/v1/roles/${created.body.id}`, { version: created.body.version, fieldRules: { user: { phone: 'masked' } } });
    expect(res.status).toBe(200);
    expect(res.body.grants).toEqual({ user: { actions: ['read'], scope: 'all' } });
    expect(res.body.capabilities).toEqual(['audit.read']);
  });

  it('masks a masked field in a record history as in the record', async () => {
    const admin = await t.as('admin');
    const repA = (await admin.get(`/api/v1/users/${t.company.people.repA.id}`)).body;
    await admin.patch(`/api/v1/users/${repA.id}`, { version: repA.version, phone: '13900139000' });
    const masked = await t.as('repA2');
    const history = (await masked.get(`/api/v1/history/user/${repA.id}`)).body.items;
    const change = history.find((e: { changes: Record<string, unknown> | null }) => e.changes?.phone);
    expect(change.changes.phone).toEqual(['138****8000', '139****9000']);
    expect(history.some((e: { changes: Record<string, unknown> | null }) => e.changes && 'email' in e.changes)).toBe(false);
  });
});
