import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';
import { newId } from '../../platform/db/ids.ts';
import { attachments } from '../attachments/attachments.schema.ts';
import { activities } from '../activities/activities.schema.ts';

/**
 * Merging accounts and undoing it, through the API on a real database: what moves, what the
 * survivor becomes, who may merge, and that undo puts back exactly what was there.
 */
let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
let managerA: Client;
beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.as('admin');
  managerA = await t.as('managerA');
  const label = (zh: string) => ({ 'zh-CN': zh, 'en-US': zh });
  for (const key of ['nickname', 'grade']) {
    const res = await admin.post('/api/v1/custom-fields', { objectType: 'account', key, label: label(key), type: 'text' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
});
afterAll(() => t.close());

async function account(who: Client, body: Record<string, unknown>) {
  const res = await who.post('/api/v1/accounts', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number; name: string };
}
async function activity(who: Client, accountId: string, subject: string) {
  const res = await who.post('/api/v1/activities', { accountId, kind: 'note', subject });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
async function contact(who: Client, name: string) {
  const res = await who.post('/api/v1/contacts', { name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
async function link(who: Client, accountId: string, contactId: string, role: string, isPrimary = false) {
  expect((await who.post(`/api/v1/accounts/${accountId}/contacts`, { contactId, role, isPrimary })).status).toBe(204);
}
async function attach(accountId: string, fileName: string) {
  const id = newId();
  await t.db.insert(attachments).values({
    tenantId: t.company.tenantId, id, recordType: 'account', recordId: accountId, fileName, contentType: 'text/plain',
    size: 1, sha256: '0'.repeat(64), storageKey: `test/${id}`, uploadedBy: t.company.people.admin.id,
  });
  return id;
}
const get = async (who: Client, id: string) => (await who.get(`/api/v1/accounts/${id}`)).body;
const subjects = async (who: Client, accountId: string) =>
  ((await who.get(`/api/v1/activities?accountId=${accountId}&limit=100`)).body.items as { subject: string }[]).map((a) => a.subject).sort();
const contactsOf = async (who: Client, accountId: string) =>
  ((await who.get(`/api/v1/accounts/${accountId}/contacts`)).body.items as { contact: { id: string }; role: string | null; isPrimary: boolean }[])
    .map((c) => `${c.contact.id}:${c.role}:${c.isPrimary}`).sort();
const attachmentsOf = async (who: Client, accountId: string) =>
  ((await who.get(`/api/v1/attachments/account/${accountId}`)).body.items as { fileName: string }[]).map((a) => a.fileName).sort();
const merge = (who: Client, body: Record<string, unknown>, dryRun = false) => who.post(`/api/v1/accounts/merge${dryRun ? '?dryRun=true' : ''}`, body);
const ref = (a: { id: string; version: number }) => ({ id: a.id, version: a.version });

describe('merging accounts', () => {
  let survivor: { id: string; version: number; name: string };
  let dup: { id: string; version: number; name: string };
  let shared: string;
  let onlyDup: string;
  let mergeId: string;
  let survivorBefore: Record<string, unknown>;

  beforeAll(async () => {
    survivor = await account(managerA, {
      name: '上海火炬润滑油有限公司', phones: ['13800138000'], emails: ['a@huoju.cn'], tags: ['老客户'], custom: { nickname: '火炬' },
    });
    dup = await account(managerA, {
      name: '火炬润滑油(上海)有限责任公司', shortName: '火炬润滑油', phones: ['02168888888', '13800138000'], emails: ['b@huoju.cn'],
      tags: ['港口'], address: '浦东新区港城路 1 号', creditCode: '91310000132200821H', custom: { nickname: '小火炬', grade: 'A' },
    });
    await activity(managerA, survivor.id, '幸存客户的拜访');
    await activity(managerA, dup.id, '重复客户的电话');
    await activity(managerA, dup.id, '重复客户的备忘');
    shared = await contact(managerA, '王经理');
    onlyDup = await contact(managerA, '李采购');
    await link(managerA, survivor.id, shared, '总经理', true);
    await link(managerA, dup.id, shared, '老板');
    await link(managerA, dup.id, onlyDup, '采购', true);
    await attach(survivor.id, 'survivor.pdf');
    await attach(dup.id, 'dup-contract.pdf');
    expect((await managerA.post(`/api/v1/accounts/${dup.id}/risk-flags`, { kind: 'bad_debt', reason: '欠款未还' })).status).toBe(201);
    survivor = await get(managerA, survivor.id);
    dup = await get(managerA, dup.id);
    survivorBefore = await get(managerA, survivor.id);
  });

  it('previews what would move and the resulting fields, changing nothing', async () => {
    const res = await merge(managerA, { survivor: ref(survivor), merged: [ref(dup)], fields: { shortName: dup.id } }, true);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.mergeId).toBeNull();
    expect(res.body.moved).toEqual(expect.arrayContaining([
      { link: 'activities.account_id', count: 2 },
      { link: 'attachments.record_id', count: 1 },
      { link: 'account_contacts.account_id', count: 1 },
      { link: 'risk_flags.account_id', count: 1 },
    ]));
    expect(res.body.removed).toEqual([{ link: 'account_contacts', count: 1 }]);
    expect(res.body.survivor).toMatchObject({ name: survivor.name, shortName: '火炬润滑油', creditCode: '91310000132200821H' });
    expect(await get(managerA, dup.id)).toMatchObject({ id: dup.id, version: dup.version });
    expect(await subjects(managerA, dup.id)).toEqual(['重复客户的备忘', '重复客户的电话']);
    expect(await get(managerA, survivor.id)).toEqual(survivorBefore);
  });

  it('moves activities, contacts, attachments, flags and fills the survivor from the merged account', async () => {
    const res = await merge(managerA, { survivor: ref(survivor), merged: [ref(dup)] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    mergeId = res.body.mergeId;
    expect(mergeId).toBeTruthy();

    const after = await get(managerA, survivor.id);
    expect(after).toMatchObject({
      name: '上海火炬润滑油有限公司',
      shortName: '火炬润滑油',
      address: '浦东新区港城路 1 号',
      creditCode: '91310000132200821H',
      formerNames: ['火炬润滑油(上海)有限责任公司'],
      phones: ['13800138000', '02168888888'],
      emails: ['a@huoju.cn', 'b@huoju.cn'],
      tags: ['老客户', '港口'],
      // the survivor's own value wins; an empty one is filled from the merged account
      custom: { nickname: '火炬', grade: 'A' },
      version: survivor.version + 1,
    });
    expect(await subjects(managerA, survivor.id)).toEqual(['幸存客户的拜访', '重复客户的备忘', '重复客户的电话']);
    // The contact linked to both keeps the survivor's link; the other moves but cannot be a second primary.
    expect(await contactsOf(managerA, survivor.id)).toEqual([`${shared}:总经理:true`, `${onlyDup}:采购:false`].sort());
    expect(await attachmentsOf(managerA, survivor.id)).toEqual(['dup-contract.pdf', 'survivor.pdf']);
    expect((await managerA.get(`/api/v1/accounts/${survivor.id}/risk-flags`)).body.items.map((f: { reason: string }) => f.reason)).toEqual(['欠款未还']);

    // The merged account is gone, and says where.
    const gone = await managerA.get(`/api/v1/accounts/${dup.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error).toMatchObject({ code: 'account_merged', details: { mergedIntoId: survivor.id, mergedIntoName: survivor.name } });
    const list = (await managerA.get('/api/v1/accounts?limit=500')).body.items.map((a: { id: string }) => a.id);
    expect(list).toContain(survivor.id);
    expect(list).not.toContain(dup.id);
    // …and is not offered by the recycle bin: it comes back by undoing the merge.
    const bin = await admin.get('/api/v1/recycle-bin?limit=200');
    expect(bin.status).toBe(200);
    expect(JSON.stringify(bin.body)).not.toContain(dup.id);
  });

  it('records the merge on both accounts and shows the merged history on the survivor timeline', async () => {
    const survivorHistory = (await admin.get(`/api/v1/history/account/${survivor.id}`)).body.items;
    expect(survivorHistory.find((e: { action: string }) => e.action === 'merge')).toMatchObject({
      context: expect.objectContaining({ mergeId, mergedIds: [dup.id] }),
      changes: expect.objectContaining({ creditCode: [null, '91310000132200821H'] }),
    });
    const dupHistory = (await admin.get(`/api/v1/history/account/${dup.id}`)).body.items;
    expect(dupHistory.find((e: { action: string }) => e.action === 'merge')).toMatchObject({ changes: { mergedIntoId: [null, survivor.id] } });

    const timeline = await managerA.get(`/api/v1/accounts/${survivor.id}/timeline?limit=100`);
    expect(timeline.status).toBe(200);
    const changes = timeline.body.items
      .filter((e: { type: string }) => e.type === 'change')
      .map((e: { change: { objectId: string; action: string } }) => `${e.change.objectId === dup.id ? 'dup' : 'survivor'}:${e.change.action}`);
    expect(changes).toEqual(expect.arrayContaining(['dup:create', 'dup:merge', 'survivor:create', 'survivor:merge']));
  });

  it('lists the merge for those who may merge', async () => {
    const list = await managerA.get('/api/v1/account-merges');
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({
      id: mergeId, survivorId: survivor.id, merged: [{ id: dup.id, name: dup.name }], canUndo: true, undoneAt: null,
    });
    expect((await managerA.get(`/api/v1/account-merges?accountId=${dup.id}`)).body.items.map((m: { id: string }) => m.id)).toEqual([mergeId]);
  });

  it('undo puts back exactly what was there', async () => {
    // A new activity on the survivor after the merge stays with it.
    await activity(managerA, survivor.id, '合并后的跟进');
    const res = await managerA.post(`/api/v1/account-merges/${mergeId}/undo`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: mergeId, canUndo: false });
    expect(res.body.undoneAt).toBeTruthy();

    const back = await get(managerA, dup.id);
    expect(back).toMatchObject({ id: dup.id, name: dup.name, creditCode: '91310000132200821H', custom: { nickname: '小火炬', grade: 'A' } });
    const restored = await get(managerA, survivor.id);
    const { version: _v, updatedAt: _u, lastActivityAt: _l, ...same } = survivorBefore;
    expect(restored).toMatchObject(same);
    expect(await subjects(managerA, dup.id)).toEqual(['重复客户的备忘', '重复客户的电话']);
    expect(await subjects(managerA, survivor.id)).toEqual(['合并后的跟进', '幸存客户的拜访']);
    expect(await contactsOf(managerA, survivor.id)).toEqual([`${shared}:总经理:true`]);
    expect(await contactsOf(managerA, dup.id)).toEqual([`${shared}:老板:false`, `${onlyDup}:采购:true`].sort());
    expect(await attachmentsOf(managerA, dup.id)).toEqual(['dup-contract.pdf']);
    expect(await attachmentsOf(managerA, survivor.id)).toEqual(['survivor.pdf']);
    expect((await managerA.get(`/api/v1/accounts/${dup.id}/risk-flags`)).body.items).toHaveLength(1);
    const history = (await admin.get(`/api/v1/history/account/${dup.id}`)).body.items;
    expect(history[0]).toMatchObject({ action: 'unmerge', changes: { mergedIntoId: [survivor.id, null] } });

    const again = await managerA.post(`/api/v1/account-merges/${mergeId}/undo`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('merge_already_undone');
  });
});

describe('undo is refused when it is no longer safe', () => {
  it('refuses when a moved row was deleted since, and changes nothing', async () => {
    const a = await account(admin, { name: '宁波港航物流有限公司' });
    const b = await account(admin, { name: '宁波港航物流' });
    const person = await contact(admin, '赵船长');
    await link(admin, b.id, person, '船长');
    await activity(admin, b.id, '会留在幸存客户上的跟进');
    const res = await merge(admin, { survivor: ref(a), merged: [ref(b)] });
    expect(res.status).toBe(200);
    // Unlinking deletes the link row the merge moved: it cannot be moved back.
    expect((await admin.delete(`/api/v1/accounts/${a.id}/contacts/${person}`)).status).toBe(204);
    const undo = await admin.post(`/api/v1/account-merges/${res.body.mergeId}/undo`);
    expect(undo.status).toBe(409);
    expect(undo.body.error).toMatchObject({ code: 'merge_undo_stale', details: { what: 'account_contacts: 1' } });
    expect((await admin.get(`/api/v1/accounts/${b.id}`)).body.error.code).toBe('account_merged');
    expect(await subjects(admin, a.id)).toEqual(['会留在幸存客户上的跟进']);
  });

  it('refuses when the survivor was edited after the merge', async () => {
    const a = await account(admin, { name: '青岛海运有限公司' });
    const b = await account(admin, { name: '青岛海运' });
    const res = await merge(admin, { survivor: ref(a), merged: [ref(b)] });
    const edited = await admin.patch(`/api/v1/accounts/${a.id}`, { version: res.body.survivor.version, industry: '航运' });
    expect(edited.status).toBe(200);
    const undo = await admin.post(`/api/v1/account-merges/${res.body.mergeId}/undo`);
    expect(undo.status).toBe(409);
    expect(undo.body.error.code).toBe('merge_undo_stale');
    expect((await admin.get(`/api/v1/accounts/${a.id}`)).body.industry).toBe('航运');
  });

  it('moves rows that were re-pointed meanwhile nowhere: a row changed by hand counts as changed', async () => {
    const a = await account(admin, { name: '天津船务有限公司' });
    const b = await account(admin, { name: '天津船务' });
    const c = await account(admin, { name: '别的客户' });
    const moved = await activity(admin, b.id, '会被改挂的跟进');
    const res = await merge(admin, { survivor: ref(a), merged: [ref(b)] });
    await t.db.update(activities).set({ accountId: c.id }).where(and(eq(activities.tenantId, t.company.tenantId), eq(activities.id, moved)));
    expect((await admin.post(`/api/v1/account-merges/${res.body.mergeId}/undo`)).status).toBe(409);
  });
});

describe('who may merge what', () => {
  it('is 404 when any account is outside the caller scope, and nothing changes', async () => {
    const managerB = await t.as('managerB');
    const a = await account(managerA, { name: '上海分公司的客户' });
    const b = await account(managerB, { name: '北京分公司的客户' });
    const res = await merge(managerA, { survivor: ref(a), merged: [ref(b)] });
    expect(res.status).toBe(404);
    expect(await get(managerB, b.id)).toMatchObject({ id: b.id, version: b.version });
    expect((await merge(managerB, { survivor: ref(b), merged: [ref(a)] })).status).toBe(404);
  });

  it('is 403 without the merge capability', async () => {
    const repA = await t.as('repA');
    const a = await account(repA, { name: '销售自己的客户一' });
    const b = await account(repA, { name: '另一家完全不同的公司' });
    expect((await merge(repA, { survivor: ref(a), merged: [ref(b)] })).status).toBe(403);
    expect((await repA.get('/api/v1/account-merges')).status).toBe(403);
  });

  it('is 409 on a stale version, and nothing changes', async () => {
    const a = await account(admin, { name: '厦门远洋有限公司' });
    const b = await account(admin, { name: '厦门远洋' });
    expect((await admin.patch(`/api/v1/accounts/${b.id}`, { version: b.version, industry: '航运' })).status).toBe(200);
    const res = await merge(admin, { survivor: ref(a), merged: [ref(b)] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('version_conflict');
    expect((await admin.get(`/api/v1/accounts/${b.id}`)).status).toBe(200);
  });

  it('refuses an account listed twice', async () => {
    const a = await account(admin, { name: '重复列出的客户' });
    expect((await merge(admin, { survivor: ref(a), merged: [ref(a)] })).status).toBe(400);
  });
});

describe('several accounts at once', () => {
  it('merges three into one, taking the chosen name and turning the others into former names', async () => {
    const a = await account(admin, { name: '大连港集团有限公司', formerNames: ['大连港务局'] });
    const b = await account(admin, { name: '大连港集团' });
    const c = await account(admin, { name: '大连港', shortName: '大港' });
    await activity(admin, b.id, 'b 的跟进');
    await activity(admin, c.id, 'c 的跟进');
    const res = await merge(admin, { survivor: ref(a), merged: [ref(b), ref(c)], fields: { name: b.id } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.survivor).toMatchObject({ id: a.id, name: '大连港集团', shortName: '大港' });
    expect([...res.body.survivor.formerNames].sort()).toEqual(['大连港', '大连港务局', '大连港集团有限公司'].sort());
    expect(await subjects(admin, a.id)).toEqual(['b 的跟进', 'c 的跟进']);
    expect((await admin.post(`/api/v1/account-merges/${res.body.mergeId}/undo`)).status).toBe(200);
    expect(await subjects(admin, b.id)).toEqual(['b 的跟进']);
    expect(await subjects(admin, c.id)).toEqual(['c 的跟进']);
    expect((await get(admin, a.id)).name).toBe('大连港集团有限公司');
  });
});
