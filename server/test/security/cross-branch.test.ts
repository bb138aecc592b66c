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
