import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';

/**
 * Branch B must not learn that branch A's customers exist: every customer-centre record created in
 * branch A is 404 to branch B on get, update and delete, absent from B's lists and search, and
 * unusable in B's bulk actions and links.
 */
let t: Awaited<ReturnType<typeof setupTestApp>>;
let managerA: Client;
let managerB: Client;
let repB: Client;
let accountA: { id: string; version: number };
let contactA: { id: string; version: number };
let accountB: { id: string; version: number };

beforeAll(async () => {
  t = await setupTestApp();
  managerA = await t.as('managerA');
  managerB = await t.as('managerB');
  repB = await t.as('repB');
  accountA = (await managerA.post('/api/v1/accounts', { name: '上海火炬润滑油有限公司', phones: ['13800138000'], creditCode: '91310000132200821H' })).body;
  contactA = (await managerA.post('/api/v1/contacts', { name: '火炬联系人', phones: ['13900001111'], accountId: accountA.id })).body;
  accountB = (await repB.post('/api/v1/accounts', { name: '北京火炬分销' })).body;
  expect([accountA.id, contactA.id, accountB.id].every(Boolean)).toBe(true);
});
afterAll(() => t.close());

const cases = [
  { type: 'account', url: (id: string) => `/api/v1/accounts/${id}`, list: '/api/v1/accounts?limit=500', record: () => accountA, patch: { name: 'leaked' } },
  { type: 'contact', url: (id: string) => `/api/v1/contacts/${id}`, list: '/api/v1/contacts?limit=500', record: () => contactA, patch: { name: 'leaked' } },
];

describe.each(cases)('$type of branch A seen from branch B', (c) => {
  it('is visible in branch A', async () => {
    expect((await managerA.get(c.url(c.record().id))).status).toBe(200);
  });

  it('is 404 on get, update and delete, and unchanged afterwards', async () => {
    const { id, version } = c.record();
    for (const who of [managerB, repB]) {
      expect((await who.get(c.url(id))).status).toBe(404);
      expect((await who.patch(c.url(id), { version, ...c.patch })).status).toBe(404);
      expect([403, 404]).toContain((await who.delete(c.url(id))).status);
      expect((await who.get(`/api/v1/history/${c.type}/${id}`)).status).toBe(404);
    }
    const after = await managerA.get(c.url(id));
    expect(after.body.version).toBe(version);
    expect(JSON.stringify(after.body)).not.toContain('leaked');
  });

  it('is absent from lists and from search by name, initials and phone', async () => {
    for (const who of [managerB, repB]) {
      const list = await who.get(c.list);
      expect(list.status).toBe(200);
      expect(list.body.items.map((r: { id: string }) => r.id)).not.toContain(c.record().id);
      for (const q of ['火炬', 'huoju', '13800138000', '13900001111', '91310000132200821H']) {
        const hits = (await who.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).body.items as { id: string }[];
        expect(hits.map((h) => h.id), q).not.toContain(c.record().id);
      }
    }
  });
});

describe('branch B acting on branch A ids', () => {
  it('finds its own account by the same keyword, so the search itself works', async () => {
    const hits = (await managerB.get(`/api/v1/search?q=${encodeURIComponent('火炬')}`)).body.items as { id: string }[];
    expect(hits.map((h) => h.id)).toEqual([accountB.id]);
  });

  it('bulk actions with an A id are 404 as a whole', async () => {
    const ids = [accountB.id, accountA.id];
    expect((await managerB.post('/api/v1/accounts/bulk/tag', { ids, add: ['x'] })).status).toBe(404);
    expect((await managerB.post('/api/v1/accounts/bulk/assign', { ids, ownerId: t.company.people.repB.id })).status).toBe(404);
    expect((await managerB.post('/api/v1/accounts/bulk/delete', { ids })).status).toBe(404);
    expect((await managerB.get(`/api/v1/accounts/${accountB.id}`)).body.tags).toEqual([]);
  });

  it("cannot list, link or unlink A's contacts", async () => {
    expect((await managerB.get(`/api/v1/accounts/${accountA.id}/contacts`)).status).toBe(404);
    const link = await managerB.post(`/api/v1/accounts/${accountB.id}/contacts`, { contactId: contactA.id });
    expect(link.status).toBe(400);
    expect(link.body.error.issues[0].field).toBe('contactId');
    expect((await managerB.post(`/api/v1/accounts/${accountA.id}/contacts`, { contactId: contactA.id })).status).toBe(404);
    expect((await managerB.delete(`/api/v1/accounts/${accountA.id}/contacts/${contactA.id}`)).status).toBe(404);
    expect((await managerA.get(`/api/v1/contacts/${contactA.id}`)).body.accounts.map((a: { accountId: string }) => a.accountId)).toEqual([accountA.id]);
  });

  it("does not see A's deleted records in its recycle bin, nor restore them", async () => {
    expect((await managerA.delete(`/api/v1/contacts/${contactA.id}`)).status).toBe(204);
    const bin = (await managerB.get('/api/v1/recycle-bin?type=contact')).body.items.map((r: { id: string }) => r.id);
    expect(bin).not.toContain(contactA.id);
    expect((await managerB.post(`/api/v1/recycle-bin/contact/${contactA.id}/restore`)).status).toBe(404);
    expect((await managerA.post(`/api/v1/recycle-bin/contact/${contactA.id}/restore`)).status).toBe(204);
  });
});
