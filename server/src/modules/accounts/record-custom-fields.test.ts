import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';

/**
 * Custom fields on accounts and contacts, end to end through the API: an administrator defines
 * them (POST /custom-fields), records store and show them, lists filter and sort by them, the
 * audit log records their changes. The same cases run for both record types.
 */
let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
let managerA: Client;
let managerB: Client;
beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.as('admin');
  managerA = await t.as('managerA');
  managerB = await t.as('managerB');
});
afterAll(() => t.close());

const label = (zh: string) => ({ 'zh-CN': zh, 'en-US': zh });
const options = (...values: string[]) => values.map((value) => ({ value, label: label(value) }));

/** One field of every type; `vessels` and `since` are filterable/sortable (their partial indexes get built). */
const fields = [
  { key: 'nickname', type: 'text' },
  { key: 'story', type: 'long_text' },
  { key: 'vessels', type: 'number', indexed: true },
  { key: 'deposit', type: 'money' },
  { key: 'since', type: 'date', indexed: true },
  { key: 'met_at', type: 'datetime' },
  { key: 'grade', type: 'single_select', options: options('a', 'b', 'c') },
  { key: 'ports', type: 'multi_select', options: options('sha', 'ngb', 'qd') },
  { key: 'vip', type: 'boolean' },
  { key: 'handler', type: 'user' },
  { key: 'region', type: 'region' },
  { key: 'site', type: 'url' },
  { key: 'hotline', type: 'phone' },
  { key: 'mailbox', type: 'email' },
];

const cases = [
  { objectType: 'account', url: '/api/v1/accounts' },
  { objectType: 'contact', url: '/api/v1/contacts' },
];

describe.each(cases)('custom fields on $objectType records', ({ objectType, url }) => {
  const create = (who: Client, name: string, custom?: Record<string, unknown>) => who.post(url, { name, ...(custom ? { custom } : {}) });
  const history = async (id: string) => (await admin.get(`/api/v1/history/${objectType}/${id}`)).body.items;

  beforeAll(async () => {
    for (const f of fields) {
      const res = await admin.post('/api/v1/custom-fields', { objectType, label: label(f.key), ...f });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  });

  it('stores a value of every kind, canonical, and shows it on read', async () => {
    const custom = {
      nickname: ' 老王 ', story: '第一行\n第二行', vessels: '12', deposit: '1,234.5', since: '2019-03-01',
      met_at: '2024-05-01T09:30:00+08:00', grade: 'b', ports: ['sha', 'qd', 'sha'], vip: true,
      handler: t.company.people.repA.id, region: '310115', site: 'www.cosco.com', hotline: '+86 21 6888 8888', mailbox: 'Ops@COSCO.com',
    };
    const res = await create(managerA, `${objectType}-全类型`, custom);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const expected = {
      nickname: '老王', story: '第一行\n第二行', vessels: 12, deposit: '1234.50', since: '2019-03-01',
      met_at: '2024-05-01T01:30:00.000Z', grade: 'b', ports: ['sha', 'qd'], vip: true,
      handler: t.company.people.repA.id, region: '310115', site: 'https://www.cosco.com/', hotline: '02168888888', mailbox: 'ops@cosco.com',
    };
    expect(res.body.custom).toEqual(expected);
    expect((await managerA.get(`${url}/${res.body.id}`)).body.custom).toEqual(expected);
    const listed = (await managerA.get(`${url}?fields=custom&limit=500`)).body.items.find((i: { id: string }) => i.id === res.body.id);
    expect(listed.custom).toEqual(expected);
  });

  it('refuses a bad value with 400 naming custom.<key>, and unknown keys', async () => {
    const bad = await create(managerA, '坏值', { vessels: 'many', grade: 'z', handler: '00000000-0000-7000-8000-000000000000' });
    expect(bad.status).toBe(400);
    const fieldsNamed = bad.body.error.issues.map((i: { field: string }) => i.field).sort();
    expect(fieldsNamed).toEqual(['custom.grade', 'custom.vessels']);
    // User ids are checked once the values parse: a well-formed id of nobody is its own 400.
    const nobody = await create(managerA, '坏值', { handler: '00000000-0000-7000-8000-000000000000' });
    expect(nobody.body.error.issues).toEqual([{ field: 'custom.handler', reason: 'no such user' }]);
    const unknown = await create(managerA, '坏值', { spaceship: 1 });
    expect(unknown.body.error.issues).toEqual([{ field: 'custom.spaceship', reason: 'no such field' }]);
    const names = (await admin.get(`${url}?limit=500&fields=name`)).body.items.map((i: { name: string }) => i.name);
    expect(names).not.toContain('坏值');
  });

  it('filters and sorts the list by custom fields, page after page, within the scope', async () => {
    const made: Record<string, string> = {};
    for (const [name, vessels, grade] of [['甲船东', 30, 'a'], ['乙船东', 5, 'b'], ['丙船东', 18, 'a'], ['丁船东', null, 'a']] as const) {
      const res = await create(managerA, `${objectType}-${name}`, { vessels, grade, nickname: '筛选' });
      expect(res.status).toBe(201);
      made[name] = res.body.id;
    }
    // Branch B's record with the same values must never appear in branch A's lists, nor A's in B's.
    const inB = (await create(managerB, `${objectType}-北京船东`, { vessels: 7, grade: 'a', nickname: '筛选' })).body.id;

    const q = (params: Record<string, string>) => `${url}?${new URLSearchParams({ fields: 'name,custom', ...params })}`;
    const gradeA = await managerA.get(q({ customFilters: JSON.stringify({ grade: { eq: 'a' }, nickname: { eq: '筛选' } }), sort: 'name' }));
    expect(gradeA.status).toBe(200);
    expect(gradeA.body.items.map((i: { id: string }) => i.id).sort()).toEqual([made['甲船东'], made['丙船东'], made['丁船东']].sort());
    expect(gradeA.body.total).toEqual({ value: 3, exact: true });

    const range = await managerA.get(q({ customFilters: JSON.stringify({ vessels: { gte: 10 }, nickname: { eq: '筛选' } }) }));
    expect(range.body.items.map((i: { id: string }) => i.id).sort()).toEqual([made['甲船东'], made['丙船东']].sort());

    // Ascending by default, empty values last; two per page through the cursor.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const params: Record<string, string> = { sort: 'custom.vessels', limit: '2', customFilters: JSON.stringify({ nickname: { eq: '筛选' } }) };
      if (cursor) params.cursor = cursor;
      const page = await managerA.get(q(params));
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([made['乙船东'], made['丙船东'], made['甲船东'], made['丁船东']]);
    const desc = await managerA.get(q({ sort: 'custom.vessels', order: 'desc', customFilters: JSON.stringify({ nickname: { eq: '筛选' } }) }));
    expect(desc.body.items.map((i: { id: string }) => i.id)).toEqual([made['丁船东'], made['甲船东'], made['丙船东'], made['乙船东']]);

    const fromB = await managerB.get(q({ customFilters: JSON.stringify({ nickname: { eq: '筛选' } }), sort: 'custom.vessels' }));
    expect(fromB.body.items.map((i: { id: string }) => i.id)).toEqual([inB]);

    const badFilter = await managerA.get(q({ customFilters: JSON.stringify({ nope: { eq: 1 } }) }));
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error.issues[0].field).toBe('customFilters.nope');
    const badSort = await managerA.get(q({ sort: 'custom.ports' }));
    expect(badSort.status).toBe(400);
    expect(badSort.body.error.issues[0]).toEqual({ field: 'query.sort', reason: 'multi_select fields cannot be sorted' });
  });

  it('updates custom values as a patch and audits each change as custom.<key>', async () => {
    const created = (await create(managerA, `${objectType}-审计`, { grade: 'a', vessels: 3, nickname: '旧称' })).body;
    const createEvent = (await history(created.id)).find((e: { action: string }) => e.action === 'create');
    expect(createEvent.changes).toMatchObject({ 'custom.grade': [null, 'a'], 'custom.vessels': [null, 3], 'custom.nickname': [null, '旧称'] });

    const res = await managerA.patch(`${url}/${created.id}`, { version: created.version, custom: { grade: 'c', nickname: null } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.custom).toEqual({ grade: 'c', vessels: 3 });
    expect(res.body.version).toBe(created.version + 1);
    const [update] = await history(created.id);
    expect(update).toMatchObject({ action: 'update', changes: { 'custom.grade': ['a', 'c'], 'custom.nickname': ['旧称', null] } });
    expect(update.changes).not.toHaveProperty('custom.vessels');

    const stale = await managerA.patch(`${url}/${created.id}`, { version: created.version, custom: { grade: 'b' } });
    expect(stale.status).toBe(409);
    // A change to other fields leaves the custom values alone.
    const renamed = await managerA.patch(`${url}/${created.id}`, { version: res.body.version, name: `${objectType}-审计2` });
    expect(renamed.body.custom).toEqual({ grade: 'c', vessels: 3 });
  });

  it('hides the values of an archived field and shows them again on restore', async () => {
    const created = (await create(managerA, `${objectType}-归档`, { site: 'https://example.com', grade: 'a' })).body;
    const defs = (await admin.get(`/api/v1/custom-fields?objectType=${objectType}`)).body.items as { id: string; key: string }[];
    const site = defs.find((d) => d.key === 'site')!;
    expect((await admin.post(`/api/v1/custom-fields/${site.id}/archive`)).status).toBe(200);
    expect((await managerA.get(`${url}/${created.id}`)).body.custom).toEqual({ grade: 'a' });
    expect((await create(managerA, '归档后', { site: 'https://x.com' })).body.error.issues).toEqual([{ field: 'custom.site', reason: 'the field is archived' }]);
    expect((await admin.post(`/api/v1/custom-fields/${site.id}/restore`)).status).toBe(200);
    expect((await managerA.get(`${url}/${created.id}`)).body.custom).toEqual({ grade: 'a', site: 'https://example.com/' });
  });

  // Last: from here on every create of this record type needs the field.
  it('enforces a required field on create, fills a default, and keeps it on update', async () => {
    const res = await admin.post('/api/v1/custom-fields', { objectType, key: 'source_level', label: label('来源级别'), type: 'single_select', options: options('hi', 'lo'), required: true });
    expect(res.status).toBe(201);
    const missing = await create(managerA, `${objectType}-缺必填`);
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues).toEqual([{ field: 'custom.source_level', reason: 'required' }]);
    const empty = await create(managerA, `${objectType}-缺必填`, { source_level: '' });
    expect(empty.body.error.issues).toEqual([{ field: 'custom.source_level', reason: 'required' }]);
    const ok = await create(managerA, `${objectType}-有必填`, { source_level: 'hi' });
    expect(ok.status).toBe(201);
    const cleared = await managerA.patch(`${url}/${ok.body.id}`, { version: ok.body.version, custom: { source_level: null } });
    expect(cleared.status).toBe(400);
    expect(cleared.body.error.issues).toEqual([{ field: 'custom.source_level', reason: 'required' }]);
    // Records made before the field existed can still be edited without it.
    const older = (await managerA.get(`${url}?limit=1&sort=createdAt&order=asc`)).body.items[0];
    expect((await managerA.patch(`${url}/${older.id}`, { version: older.version, name: `${older.name}改` })).status).toBe(200);

    const withDefault = await admin.patch(`/api/v1/custom-fields/${res.body.id}`, { version: res.body.version, defaultValue: 'lo' });
    expect(withDefault.status).toBe(200);
    const defaulted = await create(managerA, `${objectType}-默认值`);
    expect(defaulted.status).toBe(201);
    expect(defaulted.body.custom).toEqual({ source_level: 'lo' });
  });
});
