import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
let repA: Client;
let managerA: Client;
let accountId: string;
const daysFromNow = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

interface Entry {
  id: string;
  type: string;
  at: string;
  activity?: { subject: string };
  change?: { action: string; objectType: string; changes: Record<string, [unknown, unknown]> | null; context: Record<string, unknown> | null };
}
const label = (e: Entry) => (e.activity ? `${e.type}:${e.activity.subject}` : `change:${e.change!.objectType}:${e.change!.action}`);
const timeline = async (client: Client, query = '') => {
  const res = await client.get(`/api/v1/accounts/${accountId}/timeline?limit=100${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as Entry[];
};

// Changes are stamped by the database as they happen; activities carry their own times (two in the
// past, one ahead), so the two sources interleave.
beforeAll(async () => {
  t = await setupTestApp();
  [admin, repA, managerA] = await Promise.all([t.as('admin'), t.as('repA'), t.as('managerA')]);
  accountId = (await admin.post('/api/v1/accounts', { name: '上海火炬润滑油有限公司', ownerId: t.company.people.repA.id })).body.id;
  const log = async (client: Client, body: Record<string, unknown>) => {
    const res = await client.post('/api/v1/activities', { accountId, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  await log(repA, { kind: 'call', subject: '首次电话', occurredAt: daysFromNow(-2) });
  await log(repA, { kind: 'note', subject: '客户关注价格', occurredAt: daysFromNow(-1) });
  await log(repA, { kind: 'meeting', subject: '合同谈判', startsAt: daysFromNow(2), durationMinutes: 60 });
  await log(managerA, { kind: 'visit', subject: '经理拜访', occurredAt: daysFromNow(-3) });
  const account = (await repA.get(`/api/v1/accounts/${accountId}`)).body;
  expect((await repA.patch(`/api/v1/accounts/${accountId}`, { version: account.version, phones: ['13800138000'] })).status).toBe(200);
  const contact = (await repA.post('/api/v1/contacts', { name: '王经理' })).body;
  expect((await repA.post(`/api/v1/accounts/${accountId}/contacts`, { contactId: contact.id, role: '采购', isPrimary: true })).status).toBe(204);
  expect((await repA.patch(`/api/v1/contacts/${contact.id}`, { version: contact.version, title: '采购总监' })).status).toBe(200);
});
afterAll(() => t.close());

const expected = [
  'meeting:合同谈判',
  'change:contact:update',
  'change:account:link_contact',
  'change:contact:create',
  'change:account:update',
  'change:account:create',
  'note:客户关注价格',
  'call:首次电话',
];

describe('account timeline', () => {
  it('merges activities and changes of the account and its contacts, newest first', async () => {
    const items = await timeline(repA);
    expect(items.map(label)).toEqual(expected);
    for (let i = 1; i < items.length; i++) expect(Date.parse(items[i - 1].at)).toBeGreaterThanOrEqual(Date.parse(items[i].at));
    const link = items.find((e) => e.change?.action === 'link_contact')!;
    expect(link.change!.context).toMatchObject({ contactName: '王经理', role: '采购' });
    expect(link.change!.context).not.toHaveProperty('requestId');
    expect(link.change!.context).not.toHaveProperty('ip');
    expect(items.find((e) => e.change?.action === 'update' && e.change.objectType === 'account')!.change!.changes).toEqual({ phones: [[], ['13800138000']] });
  });

  it('shows each caller the activities their own scope allows', async () => {
    // The manager's visit is the manager's: the rep who owns the account does not see it, the manager does.
    expect((await timeline(managerA)).map(label)).toEqual([...expected, 'visit:经理拜访']);
  });

  it('pages across both sources without losing or repeating an entry', async () => {
    const all = await timeline(repA);
    const seen: Entry[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: Entry[]; nextCursor: string | null } } =
        await repA.get(`/api/v1/accounts/${accountId}/timeline?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      sizes.push(res.body.items.length);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([3, 3, 2]);
    expect(seen.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect((await repA.get(`/api/v1/accounts/${accountId}/timeline?cursor=bm9wZQ`)).status).toBe(400);
  });

  it('filters by entry type', async () => {
    expect((await timeline(repA, '&type=change')).map(label)).toEqual(expected.filter((l) => l.startsWith('change:')));
    expect((await timeline(repA, '&type=call,meeting')).map(label)).toEqual(['meeting:合同谈判', 'call:首次电话']);
    const paged = await repA.get(`/api/v1/accounts/${accountId}/timeline?type=change&limit=2`);
    expect(paged.body.items.map(label)).toEqual(['change:contact:update', 'change:account:link_contact']);
    const next = await repA.get(`/api/v1/accounts/${accountId}/timeline?type=change&limit=2&cursor=${paged.body.nextCursor}`);
    expect(next.body.items.map(label)).toEqual(['change:contact:create', 'change:account:update']);
    expect((await repA.get(`/api/v1/accounts/${accountId}/timeline?type=lunch`)).status).toBe(400);
  });

  it('is a 404 for an account outside the caller\'s scope', async () => {
    const repB = await t.as('repB');
    expect((await repB.get(`/api/v1/accounts/${accountId}/timeline`)).status).toBe(404);
    expect((await repB.get('/api/v1/accounts/00000000-0000-7000-8000-000000000000/timeline')).status).toBe(404);
  });

  it('masks changed fields the way the record history does', async () => {
    const roles = (await admin.get('/api/v1/roles')).body.items as { id: string; key: string }[];
    const role = (await admin.get(`/api/v1/roles/${roles.find((r) => r.key === 'head_office')!.id}`)).body;
    const patched = await admin.patch(`/api/v1/roles/${role.id}`, { version: role.version, grants: role.grants, capabilities: role.capabilities, fieldRules: { account: { phones: 'masked' } } });
    expect(patched.status).toBe(200);
    const hq = await t.as('hq');
    const change = (await timeline(hq, '&type=change')).find((e) => e.change?.action === 'update' && e.change.objectType === 'account')!.change!;
    expect(change.changes).toEqual({ phones: [[], ['138****8000']] });
    const history = (await hq.get(`/api/v1/history/account/${accountId}`)).body.items;
    expect(history.find((e: { action: string }) => e.action === 'update').changes).toEqual(change.changes);
  });
});
