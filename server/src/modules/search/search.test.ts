import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
const ids: Record<string, string> = {};

interface Hit {
  type: string;
  id: string;
  title: string;
  rank: number;
  highlight: { field: string; text: string; ranges: [number, number][] } | null;
}
const search = async (client: Client, q: string): Promise<Hit[]> => {
  const res = await client.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return res.body.items;
};
const titles = (hits: Hit[]) => hits.map((h) => h.title);

beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.as('admin');
  const accounts = [
    { name: '上海火炬润滑油有限公司', shortName: '火炬润滑油', phones: ['021-6888 8888'], creditCode: '91310000132200821H' },
    { name: '中海船务', englishName: 'China Shipping Agency', emails: ['ops@zhonghai.com.cn'] },
    { name: '中海船务(香港)有限公司' },
    { name: '重庆钢铁股份有限公司', formerNames: ['重庆钢铁厂'] },
    { name: '火炬科技' },
    { name: '厦门港务集团', phones: ['+86 138-0013-8000'] },
  ];
  for (const a of accounts) {
    const res = await admin.post('/api/v1/accounts', a);
    expect(res.status).toBe(201);
    ids[a.name] = res.body.id;
  }
  const contact = await admin.post('/api/v1/contacts', { name: '火炬手', phones: ['13900001111'], emails: ['torch@example.com'] });
  expect(contact.status).toBe(201);
  ids['火炬手'] = contact.body.id;
});
afterAll(() => t.close());

describe('search', () => {
  it("finds '上海火炬润滑油有限公司' by '火炬', highlighting the span", async () => {
    const hits = await search(admin, '火炬');
    expect(titles(hits)).toEqual(expect.arrayContaining(['上海火炬润滑油有限公司', '火炬科技', '火炬手']));
    const torch = hits.find((h) => h.title === '上海火炬润滑油有限公司')!;
    expect(torch).toMatchObject({ type: 'account', id: ids['上海火炬润滑油有限公司'], rank: 1 });
    // Its short name starts with 火炬: a prefix match, shown on the field that matched best.
    expect(torch.highlight).toEqual({ field: 'name', text: '上海火炬润滑油有限公司', ranges: [[2, 4]] });
  });

  it('ranks exact before prefix before contains, accounts before contacts on ties', async () => {
    const hits = await search(admin, '中海船务');
    expect(titles(hits)).toEqual(['中海船务', '中海船务(香港)有限公司']);
    expect(hits.map((h) => h.rank)).toEqual([0, 1]);
    const torch = await search(admin, '火炬');
    // 火炬科技 (prefix, short) and 火炬润滑油 (prefix via short name) before the contact 火炬手 (prefix) on tie → accounts first.
    const order = titles(torch);
    expect(order.indexOf('火炬科技')).toBeLessThan(order.indexOf('火炬手'));
    expect(order.indexOf('上海火炬润滑油有限公司')).toBeLessThan(order.indexOf('火炬手'));
  });

  it("finds '中海船务' by initials 'zhcw' and by full pinyin 'zhonghai'", async () => {
    const byInitials = await search(admin, 'zhcw');
    expect(titles(byInitials)[0]).toBe('中海船务');
    expect(byInitials[0].highlight).toEqual({ field: 'name', text: '中海船务', ranges: [[0, 4]] });
    const byPinyin = await search(admin, 'zhonghai');
    expect(titles(byPinyin)).toEqual(['中海船务', '中海船务(香港)有限公司']);
    expect(byPinyin[0].highlight!.ranges).toEqual([[0, 2]]);
    expect(titles(await search(admin, 'ZhongHai ChuanWu'))).toContain('中海船务');
    expect(titles(await search(admin, 'hjs'))).toEqual(['火炬手']);
  });

  it('reads polyphones in context and finds former names', async () => {
    expect(titles(await search(admin, 'chongqing'))).toEqual(['重庆钢铁股份有限公司']);
    expect(titles(await search(admin, 'xmgw'))).toEqual(['厦门港务集团']);
    const former = await search(admin, '钢铁厂');
    expect(titles(former)).toEqual(['重庆钢铁股份有限公司']);
    expect(former[0].highlight).toMatchObject({ field: 'formerNames', text: '重庆钢铁厂', ranges: [[2, 5]] });
  });

  it('finds a phone by any format and a landline by its local number', async () => {
    for (const q of ['+86 138-0013-8000', '13800138000', '138 0013 8000']) {
      const hits = await search(admin, q);
      expect(titles(hits), q).toEqual(['厦门港务集团']);
      expect(hits[0]).toMatchObject({ rank: 0, highlight: { field: 'phones', text: '13800138000', ranges: [[0, 11]] } });
    }
    expect(titles(await search(admin, '68888888'))).toEqual(['上海火炬润滑油有限公司']);
    expect(titles(await search(admin, '13900001111'))).toEqual(['火炬手']);
  });

  it('finds by e-mail, credit code, English name and traditional characters', async () => {
    expect(titles(await search(admin, 'OPS@zhonghai.com.cn'))).toEqual(['中海船务']);
    expect(titles(await search(admin, 'torch@example.com'))).toEqual(['火炬手']);
    expect(titles(await search(admin, '91310000132200821h'))).toEqual(['上海火炬润滑油有限公司']);
    expect(titles(await search(admin, 'shipping'))).toEqual(['中海船务']);
    expect(titles(await search(admin, '中海船務'))).toEqual(['中海船务', '中海船务(香港)有限公司']);
  });

  it('a single character matches names starting with it', async () => {
    expect(titles(await search(admin, '厦'))).toEqual(['厦门港务集团']);
    // 上海火炬润滑油有限公司 is found through its short name 火炬润滑油.
    expect(titles(await search(admin, '火')).sort()).toEqual(['上海火炬润滑油有限公司', '火炬手', '火炬科技'].sort());
    expect(titles(await search(admin, 'x'))).toEqual(['厦门港务集团']);
  });

  it('returns nothing for a keyword nothing contains, and 400 for an empty one', async () => {
    expect(await search(admin, '不存在的公司名')).toEqual([]);
    expect((await admin.get('/api/v1/search?q=%20')).status).toBe(400);
  });

  it('stays within the caller\'s data scope', async () => {
    const repA = await t.as('repA');
    const mine = (await repA.post('/api/v1/accounts', { name: '火炬物流' })).body;
    const hits = await search(repA, '火炬');
    expect(hits.map((h) => h.id)).toEqual([mine.id]);
  });

  it('a role that hides phones cannot search by them; a masked phone is shown masked', async () => {
    const roles = (await admin.get('/api/v1/roles')).body.items as { id: string; key: string }[];
    const setRules = async (key: string, fieldRules: Record<string, Record<string, string>>) => {
      const role = (await admin.get(`/api/v1/roles/${roles.find((r) => r.key === key)!.id}`)).body;
      const res = await admin.patch(`/api/v1/roles/${role.id}`, { version: role.version, grants: role.grants, capabilities: role.capabilities, fieldRules });
      expect(res.status).toBe(200);
    };
    await setRules('head_office', { account: { phones: 'hidden' } });
    await setRules('order_execution', { account: { phones: 'masked' } });
    const hq = await t.as('hq');
    expect(await search(hq, '13800138000')).toEqual([]);
    expect(titles(await search(hq, '厦门'))).toEqual(['厦门港务集团']);
    const orderUser = await admin.post('/api/v1/users', {
      login: 'order.x', name: '执行员', unitId: t.company.headOfficeId, roleIds: [roles.find((r) => r.key === 'order_execution')!.id], password: 'a-long-password-1',
    });
    expect(orderUser.status).toBe(201);
    const { signIn } = await import('../../../test/factories.ts');
    const orderClient = await signIn(t.app, 'order.x', t.company.slug, 'a-long-password-1');
    const masked = await search(orderClient, '13800138000');
    expect(masked).toHaveLength(1);
    expect(masked[0].highlight).toEqual({ field: 'phones', text: '138****8000', ranges: [] });
  });
});
