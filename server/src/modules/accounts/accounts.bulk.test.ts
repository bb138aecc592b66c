import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let managerA: Client;
let admin: Client;
let inA: string[];
let inB: string;
beforeAll(async () => {
  t = await setupTestApp();
  managerA = await t.as('managerA');
  admin = await t.as('admin');
  const repA = await t.as('repA');
  inA = [];
  for (const name of ['批量一', '批量二', '批量三']) {
    const res = await repA.post('/api/v1/accounts', { name, tags: ['旧'] });
    expect(res.status).toBe(201);
    inA.push(res.body.id);
  }
  inB = (await (await t.as('repB')).post('/api/v1/accounts', { name: '北京批量', tags: ['旧'] })).body.id;
});
afterAll(() => t.close());

const get = (id: string) => admin.get(`/api/v1/accounts/${id}`).then((r) => r.body);

describe('bulk actions on accounts', () => {
  it('one id outside the scope fails the whole request with 404 and changes nothing', async () => {
    const ids = [...inA, inB];
    const versions = await Promise.all(ids.map(async (id) => (await get(id)).version));
    const assign = await managerA.post('/api/v1/accounts/bulk/assign', { ids, ownerId: t.company.people.repA2.id });
    expect(assign.status).toBe(404);
    expect((await managerA.post('/api/v1/accounts/bulk/tag', { ids, add: ['新'] })).status).toBe(404);
    expect((await managerA.post('/api/v1/accounts/bulk/delete', { ids })).status).toBe(404);
    const after = await Promise.all(ids.map(get));
    expect(after.map((a) => a.version)).toEqual(versions);
    expect(after.map((a) => a.ownerId)).toEqual([...inA.map(() => t.company.people.repA.id), t.company.people.repB.id]);
    expect(after.every((a) => JSON.stringify(a.tags) === '["旧"]')).toBe(true);
  });

  it('assigns all to a new owner in one request, with an audit event per account', async () => {
    const res = await managerA.post('/api/v1/accounts/bulk/assign', { ids: inA, ownerId: t.company.people.repA2.id });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ updated: 3 });
    for (const id of inA) {
      const a = await get(id);
      expect(a).toMatchObject({ ownerId: t.company.people.repA2.id, unitId: t.company.salesA.id, version: 2 });
      const history = (await admin.get(`/api/v1/history/account/${id}`)).body.items;
      expect(history[0]).toMatchObject({ action: 'assign', changes: { ownerId: [t.company.people.repA.id, t.company.people.repA2.id] } });
    }
    const repA = await t.as('repA');
    expect((await repA.get(`/api/v1/accounts/${inA[0]}`)).status).toBe(404);
  });

  it('a rep has no assign right; a manager cannot assign to another branch', async () => {
    const repA2 = await t.as('repA2');
    expect((await repA2.post('/api/v1/accounts/bulk/assign', { ids: inA, ownerId: t.company.people.repA.id })).status).toBe(403);
    const toB = await managerA.post('/api/v1/accounts/bulk/assign', { ids: inA, ownerId: t.company.people.repB.id });
    expect(toB.status).toBe(400);
    expect((await get(inA[0])).ownerId).toBe(t.company.people.repA2.id);
  });

  it('adds and removes tags, keeping the order, and audits only accounts that changed', async () => {
    const repA2 = await t.as('repA2');
    const first = await repA2.post('/api/v1/accounts/bulk/tag', { ids: inA, add: ['重点', '港口'], remove: ['旧'] });
    expect(first.body).toEqual({ updated: 3 });
    expect((await get(inA[1])).tags).toEqual(['重点', '港口']);
    const again = await repA2.post('/api/v1/accounts/bulk/tag', { ids: inA, add: ['重点'] });
    expect(again.body).toEqual({ updated: 0 });
    const history = (await admin.get(`/api/v1/history/account/${inA[1]}`)).body.items;
    expect(history[0]).toMatchObject({ action: 'update', changes: { tags: [['旧'], ['重点', '港口']] } });
    const empty = await repA2.post('/api/v1/accounts/bulk/tag', { ids: inA });
    expect(empty.status).toBe(400);
  });

  it('deletes all to the recycle bin in one request', async () => {
    const res = await managerA.post('/api/v1/accounts/bulk/delete', { ids: inA });
    expect(res.body).toEqual({ updated: 3 });
    for (const id of inA) expect((await admin.get(`/api/v1/accounts/${id}`)).status).toBe(404);
    const bin = (await admin.get('/api/v1/recycle-bin?type=account')).body.items.map((r: { id: string }) => r.id);
    expect(bin).toEqual(expect.arrayContaining(inA));
    expect((await get(inB)).name).toBe('北京批量');
  });
});
