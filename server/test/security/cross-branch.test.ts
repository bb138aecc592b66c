import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../factories.ts';

/**
 * A user of branch B must not learn that branch A's records exist: 404 on get/update/delete (or 403
 * where their role lacks the action altogether, decided before any record is loaded), and absent
 * from every list. Each record type adds a case here as it is built.
 */
let t: Awaited<ReturnType<typeof setupTestApp>>;
let managerB: Client;
let admin: Client;
beforeAll(async () => {
  t = await setupTestApp();
  managerB = await t.as('managerB');
  admin = await t.as('admin');
});
afterAll(() => t.close());

interface LeakCase {
  type: string;
  /** creates a record in branch A as its admin/manager and returns its id */
  create(): Promise<string>;
  url: (id: string) => string;
  patch: (id: string) => Promise<Record<string, unknown>>;
  listUrl: string;
}

const cases: LeakCase[] = [
  {
    type: 'user',
    create: async () => t.company.people.repA.id,
    url: (id) => `/api/v1/users/${id}`,
    patch: async (id) => ({ version: (await admin.get(`/api/v1/users/${id}`)).body.version, title: 'leaked' }),
    listUrl: '/api/v1/users?limit=500',
  },
  {
    type: 'org_unit',
    create: async () => t.company.salesA.id,
    url: (id) => `/api/v1/org-units/${id}`,
    patch: async (id) => ({ version: (await admin.get(`/api/v1/org-units/${id}`)).body.version, name: 'leaked' }),
    listUrl: '/api/v1/org-units',
  },
  {
    type: 'account',
    // Branch B gets an account of its own first, so that B's list is not empty by accident.
    create: async () => {
      await managerB.post('/api/v1/accounts', { name: '北京本地客户' });
      return (await (await t.as('managerA')).post('/api/v1/accounts', { name: '上海泄漏测试客户', phones: ['13800138001'] })).body.id;
    },
    url: (id) => `/api/v1/accounts/${id}`,
    patch: async (id) => ({ version: (await admin.get(`/api/v1/accounts/${id}`)).body.version, name: 'leaked' }),
    listUrl: '/api/v1/accounts?limit=500',
  },
  {
    type: 'contact',
    create: async () => {
      await managerB.post('/api/v1/contacts', { name: '北京本地联系人' });
      return (await (await t.as('managerA')).post('/api/v1/contacts', { name: '上海泄漏测试联系人', phones: ['13900139001'] })).body.id;
    },
    url: (id) => `/api/v1/contacts/${id}`,
    patch: async (id) => ({ version: (await admin.get(`/api/v1/contacts/${id}`)).body.version, name: 'leaked' }),
    listUrl: '/api/v1/contacts?limit=500',
  },
  {
    type: 'activity',
    create: async () => {
      await managerB.post('/api/v1/activities', { kind: 'note', subject: '北京本地跟进' });
      const managerA = await t.as('managerA');
      const task = { kind: 'task', subject: '上海泄漏测试任务', dueAt: new Date().toISOString(), assigneeId: t.company.people.repA.id };
      return (await managerA.post('/api/v1/activities', task)).body.id;
    },
    url: (id) => `/api/v1/activities/${id}`,
    patch: async (id) => ({ version: (await admin.get(`/api/v1/activities/${id}`)).body.version, subject: 'leaked' }),
    listUrl: '/api/v1/activities?limit=500',
  },
];

describe.each(cases)('$type of branch A seen from branch B', (c) => {
  let id: string;
  beforeAll(async () => {
    id = await c.create();
  });

  it('is 404 on get, update and delete', async () => {
    expect((await admin.get(c.url(id))).status).toBe(200);
    expect((await managerB.get(c.url(id))).status).toBe(404);
    expect([403, 404]).toContain((await managerB.patch(c.url(id), await c.patch(id))).status);
    expect([403, 404]).toContain((await managerB.delete(c.url(id))).status);
    const unchanged = await admin.get(c.url(id));
    expect(JSON.stringify(unchanged.body)).not.toContain('leaked');
  });

  it('is absent from lists, and from its history', async () => {
    const list = await managerB.get(c.listUrl);
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await managerB.get(`/api/v1/history/${c.type}/${id}`)).status).toBe(404);
  });
});

describe('branch B manager', () => {
  it('is 404 (not 403) on update of a branch-A user, where the role does allow updates', async () => {
    const res = await managerB.patch(`/api/v1/users/${t.company.people.repA.id}`, { version: 1, title: 'x' });
    expect(res.status).toBe(404);
  });
});

describe('public pool, owner history, risk flags and duplicate candidates of branch A seen from branch B', () => {
  it('reveal nothing that identifies or changes the account', async () => {
    const managerA = await t.as('managerA');
    const repB = await t.as('repB');
    const id = (await managerA.post('/api/v1/accounts', { name: '上海公海泄漏测试物流有限公司' })).body.id as string;
    const flag = await managerA.post(`/api/v1/accounts/${id}/risk-flags`, { kind: 'malicious', reason: '泄漏测试原因' });
    expect(flag.status).toBe(201);
    expect((await managerA.post(`/api/v1/accounts/${id}/release`, {})).status).toBe(204);
    expect((await managerA.get('/api/v1/pool')).body.items.map((r: { id: string }) => r.id)).toContain(id);
    for (const who of [managerB, repB]) {
      const pool = await who.get('/api/v1/pool?limit=500');
      expect(pool.status).toBe(200);
      expect(pool.body.items.map((r: { id: string }) => r.id)).not.toContain(id);
      expect((await who.post(`/api/v1/pool/${id}/claim`)).status).toBe(404);
      expect([403, 404]).toContain((await who.post(`/api/v1/pool/${id}/assign`, { userId: t.company.people.repB.id })).status);
      expect((await who.get(`/api/v1/accounts/${id}/owner-history`)).status).toBe(404);
      expect((await who.get(`/api/v1/accounts/${id}/risk-flags`)).status).toBe(404);
      expect([403, 404]).toContain((await who.post(`/api/v1/accounts/${id}/risk-flags`, { kind: 'fraud', reason: '泄漏' })).status);
      expect((await who.post(`/api/v1/risk-flags/${flag.body.id}/clear`)).status).toBe(403);
      const dup = await who.post('/api/v1/accounts/duplicate-check', { name: '公海泄漏测试物流(上海)有限公司' });
      expect(dup.body.candidates.length).toBeGreaterThan(0);
      expect(JSON.stringify(dup.body)).not.toContain(id);
      const warning = await who.get(`/api/v1/risk-flags/lookup?q=${encodeURIComponent('公海泄漏测试')}`);
      expect(warning.body.items).toHaveLength(1);
      expect(JSON.stringify(warning.body)).not.toContain(id);
    }
    expect((await managerB.post('/api/v1/pool/transfer', { fromUserId: t.company.people.managerA.id, toUserId: t.company.people.repB.id })).status).toBe(404);
  });
});
