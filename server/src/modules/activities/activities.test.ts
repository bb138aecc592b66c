import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';
import { accounts } from '../accounts/accounts.schema.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
let repA: Client;
let repB: Client;
let managerA: Client;
let accountA: string;
let accountB: string;
let contactA: string;
beforeAll(async () => {
  t = await setupTestApp();
  [admin, repA, repB, managerA] = await Promise.all([t.as('admin'), t.as('repA'), t.as('repB'), t.as('managerA')]);
  accountA = (await repA.post('/api/v1/accounts', { name: '中海船务' })).body.id;
  accountB = (await repB.post('/api/v1/accounts', { name: '北京远洋' })).body.id;
  contactA = (await repA.post('/api/v1/contacts', { name: '单雄信', accountId: accountA })).body.id;
});
afterAll(() => t.close());

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const hoursAhead = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const lastActivityAt = async (id: string) =>
  (await t.db.select({ at: accounts.lastActivityAt }).from(accounts).where(and(eq(accounts.tenantId, t.company.tenantId), eq(accounts.id, id))))[0].at;
const issueFields = (res: { body: { error: { issues: { field: string }[] } } }) => res.body.error.issues.map((i) => i.field);

describe('activities', () => {
  it('a rep logs a visit with its place on their account; it is theirs and moves the account\'s last follow-up', async () => {
    const occurredAt = hoursAgo(2);
    const res = await repA.post('/api/v1/activities', {
      kind: 'visit',
      subject: '拜访中海船务',
      content: '谈了明年的润滑油合同',
      occurredAt,
      locationAddress: '上海市浦东新区民生路1208号',
      locationLat: 31.2304,
      locationLng: 121.4737,
      accountId: accountA,
      contactId: contactA,
      participantUserIds: [t.company.people.repA2.id],
      participantContactIds: [contactA],
      result: '客户有意向',
      nextStep: '下周报价',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'visit',
      subject: '拜访中海船务',
      occurredAt: new Date(occurredAt).toISOString(),
      at: new Date(occurredAt).toISOString(),
      startsAt: null,
      locationLat: 31.2304,
      accountId: accountA,
      accountName: '中海船务',
      contactName: '单雄信',
      participantUsers: [{ id: t.company.people.repA2.id, name: 'rep.a2' }],
      participantContacts: [{ id: contactA, name: '单雄信' }],
      ownerId: t.company.people.repA.id,
      unitId: t.company.salesA.id,
      assigneeId: null,
      overdue: false,
      version: 1,
      permissions: { update: true, delete: true, assign: false },
    });
    expect((await lastActivityAt(accountA))?.toISOString()).toBe(new Date(occurredAt).toISOString());
    const history = await repA.get(`/api/v1/history/activity/${res.body.id}`);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
    expect(history.body.items[0].changes).toMatchObject({ kind: [null, 'visit'], accountId: [null, accountA] });
  });

  it('a call without a time happened now; planning a meeting next week counts as contact today, not next week', async () => {
    const before = Date.now();
    const call = await repA.post('/api/v1/activities', { kind: 'call', subject: '电话回访', accountId: accountA });
    expect(call.status).toBe(201);
    expect(Date.parse(call.body.occurredAt)).toBeGreaterThanOrEqual(before - 5);
    const meeting = await repA.post('/api/v1/activities', { kind: 'meeting', subject: '合同谈判', startsAt: hoursAhead(24 * 7), durationMinutes: 90, accountId: accountA });
    expect(meeting.status).toBe(201);
    expect(meeting.body.endsAt).toBe(new Date(Date.parse(meeting.body.startsAt) + 90 * 60_000).toISOString());
    const followUp = (await lastActivityAt(accountA))!.getTime();
    expect(followUp).toBeGreaterThanOrEqual(before - 5);
    expect(followUp).toBeLessThanOrEqual(Date.now());
  });

  it('refuses shapes that do not fit the kind, naming each field', async () => {
    const task = await repA.post('/api/v1/activities', { kind: 'task', subject: 'x', startsAt: hoursAhead(1), locationAddress: '某地' });
    expect(task.status).toBe(400);
    expect(issueFields(task)).toEqual(expect.arrayContaining(['startsAt', 'locationAddress']));
    const call = await repA.post('/api/v1/activities', { kind: 'call', subject: 'x', dueAt: hoursAhead(1), reminderAt: hoursAhead(1), assigneeId: t.company.people.repA.id });
    expect(issueFields(call)).toEqual(expect.arrayContaining(['dueAt', 'reminderAt', 'assigneeId']));
    const both = await repA.post('/api/v1/activities', { kind: 'visit', subject: 'x', occurredAt: hoursAgo(1), startsAt: hoursAhead(1), locationLat: 30 });
    expect(issueFields(both)).toEqual(expect.arrayContaining(['startsAt', 'locationLat']));
    const duration = await repA.post('/api/v1/activities', { kind: 'call', subject: 'x', durationMinutes: 10 });
    expect(issueFields(duration)).toEqual(['durationMinutes']);
    const body = await repA.post('/api/v1/activities', { kind: 'lunch', subject: '', locationLat: 91, participantUserIds: ['nope'] });
    expect(body.status).toBe(400);
    expect(issueFields(body)).toEqual(expect.arrayContaining(['body.kind', 'body.subject', 'body.locationLat', 'body.participantUserIds.0']));
    const people = await repA.post('/api/v1/activities', { kind: 'note', subject: 'x', participantUserIds: [t.company.people.repB.id, '00000000-0000-7000-8000-000000000000'] });
    expect(issueFields(people)).toEqual(['participantUserIds']);
    const logged = (await repA.post('/api/v1/activities', { kind: 'call', subject: '有时间的电话' })).body;
    const timeless = await repA.patch(`/api/v1/activities/${logged.id}`, { version: logged.version, occurredAt: null });
    expect(issueFields(timeless)).toEqual(['occurredAt']);
  });

  it('an account or contact the writer cannot see is a 404, as if it did not exist', async () => {
    expect((await repA.post('/api/v1/activities', { kind: 'note', subject: 'x', accountId: accountB })).status).toBe(404);
    expect((await repA.post('/api/v1/activities', { kind: 'note', subject: 'x', accountId: '00000000-0000-7000-8000-000000000000' })).status).toBe(404);
    const contactB = (await repB.post('/api/v1/contacts', { name: '秦叔宝' })).body.id;
    expect((await repA.post('/api/v1/activities', { kind: 'note', subject: 'x', contactId: contactB })).status).toBe(404);
    const hidden = await repA.post('/api/v1/activities', { kind: 'note', subject: 'x', participantContactIds: [contactB] });
    expect(hidden.status).toBe(400);
    expect(issueFields(hidden)).toEqual(['participantContactIds']);
    const mine = (await repA.post('/api/v1/activities', { kind: 'note', subject: '备忘' })).body;
    expect((await repA.patch(`/api/v1/activities/${mine.id}`, { version: mine.version, accountId: accountB })).status).toBe(404);
    expect((await repA.get(`/api/v1/activities/${mine.id}`)).body.accountId).toBeNull();
    expect(await lastActivityAt(accountB)).toBeNull();
  });

  it('links a follow-up to a deal of the account; lists a deal\'s activities; a deal of another branch is a 404', async () => {
    const deal = (await repA.post('/api/v1/opportunities', { name: '中海船务 年度合同', accountId: accountA })).body.id as string;
    const dealB = (await repB.post('/api/v1/opportunities', { name: '北京远洋 年度合同', accountId: accountB })).body.id as string;
    const res = await repA.post('/api/v1/activities', { kind: 'call', subject: '电话确认报价', accountId: accountA, opportunityId: deal });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.opportunityId).toBe(deal);
    expect((await repA.post('/api/v1/activities', { kind: 'call', subject: '跨分公司', accountId: accountA, opportunityId: dealB })).status).toBe(404);
    await repA.post('/api/v1/activities', { kind: 'note', subject: '与商机无关', accountId: accountA });
    const list = await repA.get(`/api/v1/activities?opportunityId=${deal}`);
    expect(list.body.items.map((a: { subject: string }) => a.subject)).toEqual(['电话确认报价']);
    expect((await repB.get(`/api/v1/activities?opportunityId=${deal}`)).body.items).toEqual([]);
  });

  it('updates with the version read; a stale version is a 409 and changes nothing', async () => {
    const created = (await repA.post('/api/v1/activities', { kind: 'email', subject: '发送报价单', accountId: accountA })).body;
    const updated = await repA.patch(`/api/v1/activities/${created.id}`, { version: created.version, subject: '发送报价单（修订）', result: '已读' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ subject: '发送报价单（修订）', result: '已读', version: 2, accountName: '中海船务' });
    const stale = await repA.patch(`/api/v1/activities/${created.id}`, { version: created.version, subject: '覆盖' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect((await repA.get(`/api/v1/activities/${created.id}`)).body.subject).toBe('发送报价单（修订）');
    const cleared = await repA.patch(`/api/v1/activities/${created.id}`, { version: 2, result: null, occurredAt: null, startsAt: hoursAhead(3) });
    expect(cleared.body).toMatchObject({ result: null, occurredAt: null, at: new Date(cleared.body.startsAt).toISOString(), version: 3 });
    const history = (await repA.get(`/api/v1/history/activity/${created.id}`)).body.items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'create']);
    expect(history[1].changes).toEqual({ subject: ['发送报价单', '发送报价单（修订）'], result: [null, '已读'] });
  });

  it('a manager gives a task to a rep, who sees it as theirs and completes it; that is a follow-up', async () => {
    const task = await managerA.post('/api/v1/activities', {
      kind: 'task', subject: '催收货款', accountId: accountA, dueAt: hoursAgo(1), assigneeId: t.company.people.repA.id,
    });
    expect(task.status, JSON.stringify(task.body)).toBe(201);
    expect(task.body).toMatchObject({ ownerId: t.company.people.repA.id, assigneeId: t.company.people.repA.id, unitId: t.company.salesA.id, overdue: true, completedAt: null });
    expect(task.body.at).toBe(task.body.dueAt);
    const followUpBefore = await lastActivityAt(accountA);
    expect((await repA.get(`/api/v1/activities/${task.body.id}`)).status).toBe(200);
    const done = await repA.post(`/api/v1/activities/${task.body.id}/complete`, { version: task.body.version });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ completedBy: t.company.people.repA.id, overdue: false, version: 2 });
    expect((await lastActivityAt(accountA))!.getTime()).toBe(Date.parse(done.body.completedAt));
    expect((await lastActivityAt(accountA))!.getTime()).toBeGreaterThan(followUpBefore!.getTime());
    expect((await repA.post(`/api/v1/activities/${task.body.id}/complete`, { version: 1 })).status).toBe(409);
    const reopened = await repA.post(`/api/v1/activities/${task.body.id}/reopen`, { version: 2 });
    expect(reopened.body).toMatchObject({ completedAt: null, completedBy: null, overdue: true, version: 3 });
    const history = (await repA.get(`/api/v1/history/activity/${task.body.id}`)).body.items.map((e: { action: string }) => e.action);
    expect(history).toEqual(['reopen', 'complete', 'create']);
    const note = (await repA.post('/api/v1/activities', { kind: 'note', subject: 'n' })).body;
    const notTask = await repA.post(`/api/v1/activities/${note.id}/complete`, { version: note.version });
    expect(notTask.status).toBe(400);
    // A rep has no assign right: they can neither hand their task on nor create one for a colleague.
    expect((await repA.patch(`/api/v1/activities/${task.body.id}`, { version: 3, assigneeId: t.company.people.repA2.id })).status).toBe(403);
    expect((await repA.post('/api/v1/activities', { kind: 'task', subject: 'x', assigneeId: t.company.people.repA2.id })).status).toBe(400);
  });

  it('lists within the scope with filters, a page at a time', async () => {
    const repA2 = await t.as('repA2');
    const subjects = ['p1', 'p2', 'p3', 'p4', 'p5'];
    for (const [i, subject] of subjects.entries()) {
      expect((await repA2.post('/api/v1/activities', { kind: 'call', subject, occurredAt: hoursAgo(100 + i) })).status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { status: number; body: { items: { subject: string; ownerId: string }[]; nextCursor: string | null } } =
        await repA2.get(`/api/v1/activities?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((a) => a.subject));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(subjects);
    expect(pages).toBe(3);
    const rep = (await repA.get('/api/v1/activities?limit=500')).body.items as { subject: string; ownerId: string }[];
    expect(rep.length).toBeGreaterThan(3);
    expect(rep.every((a) => a.ownerId === t.company.people.repA.id)).toBe(true);
    const manager = (await managerA.get('/api/v1/activities?limit=500')).body.items as { subject: string }[];
    expect(manager.map((a) => a.subject)).toEqual(expect.arrayContaining(['p1', '拜访中海船务']));
    const calls = (await managerA.get(`/api/v1/activities?kind=call&from=${encodeURIComponent(hoursAgo(102.5))}&to=${encodeURIComponent(hoursAgo(99))}`)).body.items;
    expect(calls.map((a: { subject: string }) => a.subject)).toEqual(['p1', 'p2', 'p3']);
    const onAccount = (await repA.get(`/api/v1/activities?accountId=${accountA}&kind=visit,task`)).body.items;
    expect(onAccount.map((a: { subject: string }) => a.subject)).toEqual(['催收货款', '拜访中海船务']);
    const withContact = (await repA.get(`/api/v1/activities?contactId=${contactA}`)).body.items;
    expect(withContact.map((a: { subject: string }) => a.subject)).toEqual(['拜访中海船务']);
    const overdue = (await repA.get('/api/v1/activities?overdue=true')).body.items;
    expect(overdue.map((a: { subject: string }) => a.subject)).toEqual(['催收货款']);
    const open = (await managerA.get(`/api/v1/activities?openTasks=true&ownerId=${t.company.people.repA.id}`)).body.items;
    expect(open.map((a: { subject: string }) => a.subject)).toEqual(['催收货款']);
    const picked = (await repA.get('/api/v1/activities?fields=subject&limit=1')).body.items[0];
    expect(Object.keys(picked).sort()).toEqual(['id', 'permissions', 'subject']);
    expect((await repA.get('/api/v1/activities?cursor=garbage')).status).toBe(400);
  });

  it('deletes to the recycle bin and restores', async () => {
    const created = (await repA.post('/api/v1/activities', { kind: 'note', subject: '要删除的备注' })).body;
    expect((await repA.delete(`/api/v1/activities/${created.id}`)).status).toBe(204);
    expect((await repA.get(`/api/v1/activities/${created.id}`)).status).toBe(404);
    const bin = (await managerA.get('/api/v1/recycle-bin?type=activity')).body.items;
    expect(bin.map((r: { id: string }) => r.id)).toContain(created.id);
    expect((await managerA.post(`/api/v1/recycle-bin/activity/${created.id}/restore`)).status).toBe(204);
    expect((await repA.get(`/api/v1/activities/${created.id}`)).body.subject).toBe('要删除的备注');
  });

  it('carries custom fields defined for activities', async () => {
    const field = await admin.post('/api/v1/custom-fields', {
      objectType: 'activity', key: 'visit_purpose', type: 'single_select', label: { 'zh-CN': '拜访目的', 'en-US': 'Purpose' },
      options: [{ value: 'sales', label: { 'zh-CN': '销售', 'en-US': 'Sales' } }, { value: 'service', label: { 'zh-CN': '服务', 'en-US': 'Service' } }],
    });
    expect(field.status, JSON.stringify(field.body)).toBe(201);
    const created = await repA.post('/api/v1/activities', { kind: 'visit', subject: '服务拜访', custom: { visit_purpose: 'service' } });
    expect(created.status).toBe(201);
    expect(created.body.custom).toEqual({ visit_purpose: 'service' });
    const bad = await repA.post('/api/v1/activities', { kind: 'visit', subject: 'x', custom: { visit_purpose: 'golf', nope: 1 } });
    expect(issueFields(bad)).toEqual(expect.arrayContaining(['custom.visit_purpose', 'custom.nope']));
    const filtered = (await repA.get(`/api/v1/activities?customFilters=${encodeURIComponent('{"visit_purpose":{"eq":"service"}}')}`)).body.items;
    expect(filtered.map((a: { subject: string }) => a.subject)).toEqual(['服务拜访']);
  });
});
