import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
let repA: Client;
beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.as('admin');
  repA = await t.as('repA');
});
afterAll(() => t.close());

// Real codes: 上海 (GB/T 2260 310000) and two companies' unified social credit codes.
const torchCode = '91310000132200821H';
const otherCode = '91330100716105852F';

describe('accounts', () => {
  it('a rep creates an account owned by them in their unit, stored normalised', async () => {
    const res = await repA.post('/api/v1/accounts', {
      name: '上海火炬润滑油有限公司',
      shortName: '火炬润滑油',
      formerNames: ['上海火炬油品厂'],
      creditCode: torchCode.toLowerCase(),
      provinceCode: '310000',
      cityCode: '310100',
      districtCode: '310115',
      phones: ['+86 138-0013-8000', '021-6888 8888'],
      emails: ['Sales@Torch.CN'],
      type: 'key_account',
      tier: 'A',
      tags: ['润滑油', '润滑油', '重点'],
      creditLimit: 500000,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: '上海火炬润滑油有限公司',
      creditCode: torchCode,
      regionName: '上海市 浦东新区',
      phones: ['13800138000', '02168888888'],
      emails: ['sales@torch.cn'],
      tags: ['润滑油', '重点'],
      creditLimit: '500000.00',
      ownerId: t.company.people.repA.id,
      unitId: t.company.salesA.id,
      unitName: '销售一部',
      version: 1,
      permissions: { update: true, delete: false, assign: false },
    });
    expect((await repA.get(`/api/v1/accounts/${res.body.id}`)).body.name).toBe('上海火炬润滑油有限公司');
  });

  it('rejects a wrong credit code check digit and wrong region codes, naming the fields', async () => {
    const res = await admin.post('/api/v1/accounts', {
      name: '坏数据有限公司',
      creditCode: `${torchCode.slice(0, 17)}J`,
      provinceCode: '310000',
      cityCode: '110100',
      districtCode: '999999',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const fields = res.body.error.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['body.creditCode', 'body.cityCode', 'body.districtCode']));
    expect(res.body.error.issues.find((i: { field: string }) => i.field === 'body.creditCode').reason).toMatch(/check digit/);
  });

  it('rejects a phone that is not one, an unknown type and a missing name', async () => {
    const bad = await admin.post('/api/v1/accounts', { name: '', phones: ['call me'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { field: string }) => i.field)).toEqual(expect.arrayContaining(['body.name', 'body.phones.0']));
    const type = await admin.post('/api/v1/accounts', { name: '某公司', type: 'no_such_type' });
    expect(type.status).toBe(400);
    expect(type.body.error.issues[0].field).toBe('type');
  });

  it('refuses a second live account with the same credit code', async () => {
    const first = await admin.post('/api/v1/accounts', { name: '浙江测试有限公司', creditCode: otherCode });
    expect(first.status).toBe(201);
    const dup = await admin.post('/api/v1/accounts', { name: '浙江测试有限责任公司', creditCode: otherCode });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'duplicate', issues: [{ field: 'creditCode', reason: 'taken' }] });
  });

  it('a rep cannot create for another owner or file into another branch', async () => {
    const forOther = await repA.post('/api/v1/accounts', { name: '代建客户', ownerId: t.company.people.repA2.id });
    expect(forOther.status).toBe(400);
    expect(forOther.body.error.issues[0].field).toBe('ownerId');
    const elsewhere = await repA.post('/api/v1/accounts', { name: '外地客户', unitId: t.company.branchB.id });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.issues[0].field).toBe('unitId');
  });

  it('a manager creates for a rep of the branch; the unit follows the owner', async () => {
    const managerA = await t.as('managerA');
    const res = await managerA.post('/api/v1/accounts', { name: '宁波港务', ownerId: t.company.people.repA2.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ownerId: t.company.people.repA2.id, unitId: t.company.salesA.id });
    const outside = await managerA.post('/api/v1/accounts', { name: '天津港务', ownerId: t.company.people.repB.id });
    expect(outside.status).toBe(400);
  });

  it('updates with the version read, 409 on a stale one, and audits before/after of changed fields', async () => {
    const created = (await admin.post('/api/v1/accounts', { name: '青岛远洋', tier: 'B', tags: ['船东'] })).body;
    const first = await admin.patch(`/api/v1/accounts/${created.id}`, { version: created.version, tier: 'A', shortName: '青远' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ tier: 'A', shortName: '青远', tags: ['船东'], version: created.version + 1 });
    const stale = await admin.patch(`/api/v1/accounts/${created.id}`, { version: created.version, tier: 'C' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect((await admin.get(`/api/v1/accounts/${created.id}`)).body.tier).toBe('A');
    const history = await admin.get(`/api/v1/history/account/${created.id}`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(history.body.items[0].changes).toEqual({ tier: ['B', 'A'], shortName: [null, '青远'] });
    expect(history.body.items[1].changes).toMatchObject({ name: [null, '青岛远洋'], tier: [null, 'B'] });
  });

  it('region codes are updated together', async () => {
    const created = (await admin.post('/api/v1/accounts', { name: '北京客户', provinceCode: '110000' })).body;
    const half = await admin.patch(`/api/v1/accounts/${created.id}`, { version: created.version, cityCode: '110100' });
    expect(half.status).toBe(400);
    expect(half.body.error.issues.map((i: { field: string }) => i.field)).toEqual(['body.provinceCode', 'body.districtCode']);
    const whole = await admin.patch(`/api/v1/accounts/${created.id}`, { version: created.version, provinceCode: '110000', cityCode: '110100', districtCode: '110105' });
    expect(whole.status).toBe(200);
    expect(whole.body.regionName).toBe('北京市 朝阳区');
  });

  it('a rep may not hand their account to someone else; a manager may', async () => {
    const mine = (await repA.post('/api/v1/accounts', { name: '转手客户' })).body;
    const handOver = await repA.patch(`/api/v1/accounts/${mine.id}`, { version: mine.version, ownerId: t.company.people.repA2.id });
    expect(handOver.status).toBe(403);
    const managerA = await t.as('managerA');
    const reassigned = await managerA.patch(`/api/v1/accounts/${mine.id}`, { version: mine.version, ownerId: t.company.people.repA2.id });
    expect(reassigned.status).toBe(200);
    expect(reassigned.body.ownerId).toBe(t.company.people.repA2.id);
    expect((await repA.get(`/api/v1/accounts/${mine.id}`)).status).toBe(404);
  });

  it('soft-deletes to the recycle bin and restores', async () => {
    const created = (await admin.post('/api/v1/accounts', { name: '待删除客户', creditCode: '91350100M000100Y43' })).body;
    expect((await admin.delete(`/api/v1/accounts/${created.id}`)).status).toBe(204);
    expect((await admin.get(`/api/v1/accounts/${created.id}`)).status).toBe(404);
    const list = await admin.get('/api/v1/accounts?q=待删除');
    expect(list.body.items).toEqual([]);
    const bin = await admin.get('/api/v1/recycle-bin?type=account');
    expect(bin.body.items.map((r: { id: string }) => r.id)).toContain(created.id);
    expect((await admin.post(`/api/v1/recycle-bin/account/${created.id}/restore`)).status).toBe(204);
    expect((await admin.get(`/api/v1/accounts/${created.id}`)).status).toBe(200);
    const history = await admin.get(`/api/v1/history/account/${created.id}`);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['restore', 'delete', 'create']);
  });

  it('a deleted code may be entered again; restoring the old one is then a duplicate', async () => {
    const code = '9144030071526726XG';
    const old = (await admin.post('/api/v1/accounts', { name: '腾讯旧档', creditCode: code })).body;
    await admin.delete(`/api/v1/accounts/${old.id}`);
    expect((await admin.post('/api/v1/accounts', { name: '腾讯新档', creditCode: code })).status).toBe(201);
    const restore = await admin.post(`/api/v1/recycle-bin/account/${old.id}/restore`);
    expect(restore.status).toBe(409);
    expect(restore.body.error.code).toBe('duplicate');
  });

  it('masks phones, e-mails and credit limit for a role that masks them', async () => {
    const created = (await admin.post('/api/v1/accounts', { name: '遮蔽测试', phones: ['13912345678'], emails: ['boss@mask.cn'], creditLimit: '1234567.50' })).body;
    const roles = (await admin.get('/api/v1/roles')).body.items as { id: string; key: string; version: number }[];
    const hq = roles.find((r) => r.key === 'head_office')!;
    const role = (await admin.get(`/api/v1/roles/${hq.id}`)).body;
    // grants and capabilities are sent back as read: the role update treats absent ones as empty.
    const patched = await admin.patch(`/api/v1/roles/${hq.id}`, {
      version: role.version,
      grants: role.grants,
      capabilities: role.capabilities,
      fieldRules: { account: { phones: 'masked', emails: 'masked', creditLimit: 'hidden' } },
    });
    expect(patched.status).toBe(200);
    const hqClient = await t.as('hq');
    const seen = (await hqClient.get(`/api/v1/accounts/${created.id}`)).body;
    expect(seen.phones).toEqual(['139****5678']);
    expect(seen.emails).toEqual(['b***@mask.cn']);
    expect(seen).not.toHaveProperty('creditLimit');
    expect((await admin.get(`/api/v1/accounts/${created.id}`)).body.phones).toEqual(['13912345678']);
  });
});

describe('account list', () => {
  it('filters, selects fields, pages with a cursor and counts on the first page', async () => {
    const managerB = await t.as('managerB');
    const names = ['甲港务', '乙港务', '丙港务', '丁港务', '戊港务'];
    for (const name of names) {
      const res = await managerB.post('/api/v1/accounts', { name, tags: ['港口'], tier: 'B', type: 'terminal', provinceCode: '120000' });
      expect(res.status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let first = true;
    do {
      const url = `/api/v1/accounts?limit=2&sort=name&tags=港口&type=terminal&tier=B&provinceCode=120000&fields=name${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await managerB.get(url);
      expect(res.status).toBe(200);
      if (first) expect(res.body.total).toEqual({ value: 5, exact: true });
      else expect(res.body.total).toBeNull();
      for (const item of res.body.items) expect(Object.keys(item).sort()).toEqual(['id', 'name', 'permissions']);
      seen.push(...res.body.items.map((a: { name: string }) => a.name));
      cursor = res.body.nextCursor;
      first = false;
    } while (cursor);
    // pinyin order: bing, ding, jia, wu, yi
    expect(seen).toEqual(['丙港务', '丁港务', '甲港务', '戊港务', '乙港务']);
  });

  it('pages through search-box matches sorted by name', async () => {
    const managerB = await t.as('managerB');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await managerB.get(`/api/v1/accounts?q=${encodeURIComponent('港务')}&sort=name&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((a: { name: string }) => a.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['丙港务', '丁港务', '甲港务', '戊港务', '乙港务']);
  });

  it('pages by creation time without skipping rows created in the same millisecond', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin.get(`/api/v1/accounts?limit=3&sort=createdAt&order=asc${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.items.map((a: { id: string }) => a.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    const all = await admin.get('/api/v1/accounts?limit=500');
    expect(seen.length).toBe(all.body.items.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect(all.body.total.value).toBe(seen.length);
  });

  it('filters by unit subtree, owner and creation time, and by the search box', async () => {
    const byUnit = await admin.get(`/api/v1/accounts?unitId=${t.company.branchA.id}&limit=500`);
    expect(byUnit.body.items.length).toBeGreaterThan(0);
    expect(byUnit.body.items.every((a: { unitId: string }) => a.unitId === t.company.salesA.id || a.unitId === t.company.branchA.id)).toBe(true);
    const byOwner = await admin.get(`/api/v1/accounts?ownerId=${t.company.people.repA.id}`);
    expect(byOwner.body.items.map((a: { name: string }) => a.name)).toContain('上海火炬润滑油有限公司');
    const future = await admin.get(`/api/v1/accounts?createdFrom=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(future.body).toMatchObject({ items: [], total: { value: 0, exact: true } });
    const q = await admin.get(`/api/v1/accounts?q=${encodeURIComponent('火炬')}`);
    expect(q.body.items.map((a: { name: string }) => a.name)).toEqual(['上海火炬润滑油有限公司']);
  });

  it("a rep's list holds only their own accounts", async () => {
    const list = await repA.get('/api/v1/accounts?limit=500');
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((a: { ownerId: string }) => a.ownerId === t.company.people.repA.id)).toBe(true);
  });
});

describe('account types and regions', () => {
  it('every tenant starts with the default types; an admin adds and deactivates one', async () => {
    const types = await repA.get('/api/v1/account-types');
    expect(types.body.items.map((x: { key: string }) => x.key)).toEqual(
      ['cargo_owner', 'ship_owner', 'government', 'inspection_agency', 'distributor', 'terminal', 'key_account', 'other'],
    );
    expect(types.body.items[0].label).toEqual({ 'zh-CN': '货主', 'en-US': 'Cargo owner' });
    expect((await repA.post('/api/v1/account-types', { key: 'forwarder', labelZh: '货代', labelEn: 'Forwarder' })).status).toBe(403);
    const added = await admin.post('/api/v1/account-types', { key: 'forwarder', labelZh: '货代', labelEn: 'Forwarder' });
    expect(added.status).toBe(201);
    expect((await admin.post('/api/v1/accounts', { name: '货代公司', type: 'forwarder' })).status).toBe(201);
    const off = await admin.patch('/api/v1/account-types/forwarder', { version: added.body.version, active: false });
    expect(off.status).toBe(200);
    expect((await admin.post('/api/v1/accounts', { name: '货代公司二', type: 'forwarder' })).status).toBe(400);
    expect((await admin.get('/api/v1/account-types')).body.items.map((x: { key: string }) => x.key)).not.toContain('forwarder');
  });

  it('serves the region cascade one level at a time', async () => {
    const provinces = (await repA.get('/api/v1/regions')).body.items;
    expect(provinces.length).toBe(34);
    expect(provinces.find((r: { code: string }) => r.code === '310000')).toEqual({ code: '310000', name: '上海市', level: 'province', hasChildren: true });
    const cities = (await repA.get('/api/v1/regions?parent=440000')).body.items;
    expect(cities.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['广州市', '深圳市', '东莞市']));
    const districts = (await repA.get('/api/v1/regions?parent=440300')).body.items;
    expect(districts.map((r: { name: string }) => r.name)).toContain('南山区');
    expect(districts.every((r: { level: string; hasChildren: boolean }) => r.level === 'district' && !r.hasChildren)).toBe(true);
  });
});
