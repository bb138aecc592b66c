import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
let repA: Client;
let accountId: string;
beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.as('admin');
  repA = await t.as('repA');
  accountId = (await repA.post('/api/v1/accounts', { name: '中海船务' })).body.id;
});
afterAll(() => t.close());

describe('contacts', () => {
  it('a rep creates a contact linked to their account', async () => {
    const res = await repA.post('/api/v1/contacts', {
      name: '单雄信',
      title: '采购经理',
      phones: ['+86 139 1234 5678'],
      emails: ['Shan@ZhongHai.com'],
      wechat: 'shan_xx',
      birthday: '1980-05-01',
      gender: 'male',
      accountId,
      role: '采购',
      isPrimary: true,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: '单雄信',
      phones: ['13912345678'],
      emails: ['shan@zhonghai.com'],
      birthday: '1980-05-01',
      ownerId: t.company.people.repA.id,
      unitId: t.company.salesA.id,
      accounts: [{ accountId, accountName: '中海船务', role: '采购', isPrimary: true }],
    });
    const onAccount = await repA.get(`/api/v1/accounts/${accountId}/contacts`);
    expect(onAccount.body.items.map((i: { contact: { name: string }; isPrimary: boolean }) => [i.contact.name, i.isPrimary])).toEqual([['单雄信', true]]);
  });

  it('validates with field names', async () => {
    const res = await repA.post('/api/v1/contacts', { name: '', birthday: '1980-13-40', gender: 'x', emails: ['not-an-email'] });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(['body.name', 'body.birthday', 'body.gender', 'body.emails.0']),
    );
    const foreign = await repA.post('/api/v1/contacts', { name: '某人', accountId: (await admin.post('/api/v1/accounts', { name: '总部客户' })).body.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.issues[0].field).toBe('accountId');
  });

  it('a second primary contact takes over; unlinking keeps both records', async () => {
    const second = (await repA.post('/api/v1/contacts', { name: '秦琼' })).body;
    const link = await repA.post(`/api/v1/accounts/${accountId}/contacts`, { contactId: second.id, role: '船长', isPrimary: true });
    expect(link.status).toBe(204);
    const items = (await repA.get(`/api/v1/accounts/${accountId}/contacts`)).body.items;
    expect(items.map((i: { contact: { name: string }; isPrimary: boolean; role: string }) => [i.contact.name, i.role, i.isPrimary])).toEqual([
      ['秦琼', '船长', true],
      ['单雄信', '采购', false],
    ]);
    expect((await repA.delete(`/api/v1/accounts/${accountId}/contacts/${second.id}`)).status).toBe(204);
    expect((await repA.delete(`/api/v1/accounts/${accountId}/contacts/${second.id}`)).status).toBe(404);
    expect((await repA.get(`/api/v1/contacts/${second.id}`)).body.accounts).toEqual([]);
    const history = (await admin.get(`/api/v1/history/account/${accountId}`)).body.items.map((e: { action: string }) => e.action);
    expect(history).toEqual(expect.arrayContaining(['link_contact', 'unlink_contact']));
    const contactHistory = (await admin.get(`/api/v1/history/contact/${second.id}`)).body.items.map((e: { action: string }) => e.action);
    expect(contactHistory).toEqual(['unlink_account', 'link_account', 'create']);
  });

  it('updates with a version, 409 on a stale one, audited', async () => {
    const c = (await repA.post('/api/v1/contacts', { name: '程咬金', title: '经理' })).body;
    const ok = await repA.patch(`/api/v1/contacts/${c.id}`, { version: c.version, title: '总经理', phones: ['021-6888 8888'] });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ title: '总经理', phones: ['02168888888'], version: 2 });
    const stale = await repA.patch(`/api/v1/contacts/${c.id}`, { version: c.version, title: '董事长' });
    expect(stale.status).toBe(409);
    const history = (await admin.get(`/api/v1/history/contact/${c.id}`)).body.items;
    expect(history[0]).toMatchObject({ action: 'update', changes: { title: ['经理', '总经理'], phones: [[], ['02168888888']] } });
  });

  it('lists contacts by account, pages and counts', async () => {
    const list = await repA.get(`/api/v1/contacts?accountId=${accountId}`);
    expect(list.body.items.map((c: { name: string }) => c.name)).toEqual(['单雄信']);
    expect(list.body.total).toEqual({ value: 1, exact: true });
    const byName = await repA.get('/api/v1/contacts?sort=name&limit=2');
    expect(byName.body.items.map((c: { name: string }) => c.name)).toEqual(['程咬金', '秦琼']);
    const next = await repA.get(`/api/v1/contacts?sort=name&limit=2&cursor=${byName.body.nextCursor}`);
    expect(next.body.items.map((c: { name: string }) => c.name)).toEqual(['单雄信']);
  });

  it('soft-deletes and restores, links intact', async () => {
    const c = (await repA.post('/api/v1/contacts', { name: '尉迟恭', accountId })).body;
    expect((await admin.delete(`/api/v1/contacts/${c.id}`)).status).toBe(204);
    expect((await repA.get(`/api/v1/contacts/${c.id}`)).status).toBe(404);
    expect((await repA.get(`/api/v1/accounts/${accountId}/contacts`)).body.items.map((i: { contact: { id: string } }) => i.contact.id)).not.toContain(c.id);
    expect((await admin.post(`/api/v1/recycle-bin/contact/${c.id}/restore`)).status).toBe(204);
    expect((await repA.get(`/api/v1/contacts/${c.id}`)).body.accounts.map((a: { accountId: string }) => a.accountId)).toEqual([accountId]);
  });

  it("a contact is visible by its own owner and unit, not through the account it is linked to", async () => {
    const repA2 = await t.as('repA2');
    expect((await repA2.get('/api/v1/contacts')).body.items).toEqual([]);
    expect((await repA2.get(`/api/v1/accounts/${accountId}/contacts`)).status).toBe(404);
    // Head office links its own contact to repA's account: repA sees the account, not that contact.
    const hqContact = (await admin.post('/api/v1/contacts', { name: '总部联络人', accountId })).body;
    expect(hqContact.accounts).toEqual([{ accountId, accountName: '中海船务', role: null, isPrimary: false }]);
    const seenByRep = (await repA.get(`/api/v1/accounts/${accountId}/contacts`)).body.items.map((i: { contact: { name: string } }) => i.contact.name);
    expect(seenByRep).toContain('单雄信');
    expect(seenByRep).not.toContain('总部联络人');
    expect((await repA.get(`/api/v1/contacts/${hqContact.id}`)).status).toBe(404);
  });
});
