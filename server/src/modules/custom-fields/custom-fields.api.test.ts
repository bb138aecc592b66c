import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';
import { indexName } from './indexes/index-plan.ts';
import { createProbeTable, insertProbes, PROBE, probeIndexes } from './test-support/probe-records.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
beforeAll(async () => {
  t = await setupTestApp();
  await createProbeTable(t.database);
  admin = await t.as('admin');
});
afterAll(() => t.close());

const label = (zh: string) => ({ 'zh-CN': zh, 'en-US': zh });
async function addField(body: Record<string, unknown>) {
  const res = await admin.post('/api/v1/custom-fields', { objectType: PROBE, label: label(String(body.key)), ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; key: string; version: number; position: number };
}
const names = (key: string) => ({
  sort: indexName('sort', 'cf_probe_records', t.company.tenantId, key),
  contains: indexName('contains', 'cf_probe_records', t.company.tenantId, key),
  unique: indexName('unique', 'cf_probe_records', t.company.tenantId, key),
});

describe('custom field definitions', () => {
  it('an administrator adds a field; every signed-in user reads them; a rep cannot add one', async () => {
    const created = await addField({ key: 'vessel_count', type: 'number', label: { 'zh-CN': '船舶数量' }, helpText: { 'zh-CN': '自有船舶' }, group: '船队' });
    expect(created).toMatchObject({ key: 'vessel_count', type: 'number', label: { 'zh-CN': '船舶数量', 'en-US': '船舶数量' }, group: '船队', archived: false, version: 1 });
    const rep = await t.as('repA');
    const list = await rep.get(`/api/v1/custom-fields?objectType=${PROBE}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((f: { key: string }) => f.key)).toContain('vessel_count');
    expect(list.body.items[0].permissions).toEqual({ update: false, archive: false, restore: false });
    expect((await rep.post('/api/v1/custom-fields', { objectType: PROBE, key: 'x1', label: label('x'), type: 'text' })).status).toBe(403);
    const types = await rep.get('/api/v1/custom-fields/object-types');
    expect(types.body.items).toContainEqual({ type: PROBE, label: '测试记录' });
  });

  it('refuses object types without a record table, bad keys, and options on non-select fields', async () => {
    const unknown = await admin.post('/api/v1/custom-fields', { objectType: 'spaceship', key: 'x', label: label('x'), type: 'text' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0].field).toBe('objectType');
    const badKey = await admin.post('/api/v1/custom-fields', { objectType: PROBE, key: 'Bad-Key', label: label('x'), type: 'text' });
    expect(badKey.body.error.issues[0].field).toBe('body.key');
    const options = await admin.post('/api/v1/custom-fields', { objectType: PROBE, key: 'opt', label: label('x'), type: 'text', options: [{ value: 'a', label: label('a') }] });
    expect(options.body.error.issues[0]).toEqual({ field: 'options', reason: 'text fields have no options' });
    const noOptions = await admin.post('/api/v1/custom-fields', { objectType: PROBE, key: 'opt', label: label('x'), type: 'single_select' });
    expect(noOptions.body.error.issues[0].field).toBe('options');
    const uniqueBool = await admin.post('/api/v1/custom-fields', { objectType: PROBE, key: 'ub', label: label('x'), type: 'boolean', unique: true });
    expect(uniqueBool.body.error.issues[0]).toEqual({ field: 'unique', reason: 'boolean fields cannot be unique' });
    const badDefault = await admin.post('/api/v1/custom-fields', { objectType: PROBE, key: 'bd', label: label('x'), type: 'date', defaultValue: '2024-13-01' });
    expect(badDefault.body.error.issues[0].field).toBe('defaultValue');
  });

  it('never changes a key or type, keeps options, and rejects a stale version', async () => {
    const f = await addField({ key: 'grade', type: 'single_select', options: [{ value: 'a', label: label('甲') }, { value: 'b', label: label('乙') }] });
    const typeChange = await admin.patch(`/api/v1/custom-fields/${f.id}`, { version: f.version, type: 'text' });
    expect(typeChange.status).toBe(400);
    const removed = await admin.patch(`/api/v1/custom-fields/${f.id}`, { version: f.version, options: [{ value: 'a', label: label('甲') }] });
    expect(removed.body.error.issues[0]).toMatchObject({ field: 'options', reason: expect.stringContaining('archive it') });
    const renamed = await admin.patch(`/api/v1/custom-fields/${f.id}`, {
      version: f.version,
      label: { 'zh-CN': '等级', 'en-US': 'Grade' },
      options: [{ value: 'a', label: label('甲') }, { value: 'b', label: label('乙'), archived: true }, { value: 'c', label: label('丙') }],
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ key: 'grade', type: 'single_select', label: { 'en-US': 'Grade' }, version: f.version + 1 });
    expect(renamed.body.options.map((o: { value: string; archived: boolean }) => `${o.value}:${o.archived}`)).toEqual(['a:false', 'b:true', 'c:false']);
    const stale = await admin.patch(`/api/v1/custom-fields/${f.id}`, { version: f.version, group: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
  });

  it('archives instead of deleting, never reuses the key, and restores', async () => {
    const f = await addField({ key: 'fax', type: 'phone' });
    const archived = await admin.post(`/api/v1/custom-fields/${f.id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ archived: true, permissions: { update: false, restore: true } });
    const shown = (await admin.get(`/api/v1/custom-fields?objectType=${PROBE}`)).body.items.map((d: { key: string }) => d.key);
    expect(shown).not.toContain('fax');
    const all = (await admin.get(`/api/v1/custom-fields?objectType=${PROBE}&includeArchived=true`)).body.items.map((d: { key: string }) => d.key);
    expect(all).toContain('fax');
    const again = await admin.post('/api/v1/custom-fields', { objectType: PROBE, key: 'fax', label: label('传真'), type: 'text' });
    expect(again.status).toBe(409);
    expect(again.body.error.issues[0]).toMatchObject({ field: 'key', reason: expect.stringContaining('never reused') });
    const edit = await admin.patch(`/api/v1/custom-fields/${f.id}`, { version: archived.body.version, group: 'x' });
    expect(edit.status).toBe(409);
    const restored = await admin.post(`/api/v1/custom-fields/${f.id}/restore`);
    expect(restored.body).toMatchObject({ key: 'fax', archived: false });
  });

  it('builds the indexes a field asks for and drops them on archive', async () => {
    const amount = await addField({ key: 'deposit', type: 'money', indexed: true });
    const code = await addField({ key: 'imo', type: 'text', indexed: true, unique: true });
    const indexes = await probeIndexes(t.database);
    expect(indexes).toEqual(expect.arrayContaining([names('deposit').sort, names('imo').sort, names('imo').contains, names('imo').unique]));
    expect(indexes).not.toContain(names('deposit').contains);
    // The unique index stops a writer that bypassed the check.
    await insertProbes(t.db, t.company.tenantId, [{ imo: 'IMO9321483' }]);
    await expect(insertProbes(t.db, t.company.tenantId, [{ imo: 'IMO9321483' }])).rejects.toThrow();
    // …but only within the tenant.
    await insertProbes(t.db, '00000000-0000-7000-8000-000000000001', [{ imo: 'IMO9321483' }]);

    const plain = await admin.patch(`/api/v1/custom-fields/${amount.id}`, { version: amount.version, indexed: false });
    expect(plain.status).toBe(200);
    expect(await probeIndexes(t.database)).not.toContain(names('deposit').sort);
    await admin.post(`/api/v1/custom-fields/${code.id}/archive`);
    const after = await probeIndexes(t.database);
    for (const name of Object.values(names('imo'))) expect(after).not.toContain(name);
    await admin.post(`/api/v1/custom-fields/${code.id}/restore`);
    expect(await probeIndexes(t.database)).toEqual(expect.arrayContaining([names('imo').unique, names('imo').sort]));
  });

  it('will not make a field unique while records share a value', async () => {
    const f = await addField({ key: 'port', type: 'text' });
    await insertProbes(t.db, t.company.tenantId, [{ port: '宁波' }, { port: '宁波' }, { port: '上海' }]);
    const res = await admin.patch(`/api/v1/custom-fields/${f.id}`, { version: f.version, unique: true });
    expect(res.status).toBe(409);
    expect(res.body.error.issues[0].field).toBe('unique');
    const stored = (await admin.get(`/api/v1/custom-fields?objectType=${PROBE}`)).body.items.find((d: { key: string }) => d.key === 'port');
    expect(stored).toMatchObject({ unique: false, version: f.version });
    expect(await probeIndexes(t.database)).not.toContain(names('port').unique);
  });

  it('reorders the form, refusing a partial list', async () => {
    const items = (await admin.get(`/api/v1/custom-fields?objectType=${PROBE}`)).body.items as { id: string; key: string }[];
    expect(items.length).toBeGreaterThan(3);
    const reversed = [...items].reverse();
    const res = await admin.post('/api/v1/custom-fields/reorder', { objectType: PROBE, ids: reversed.map((i) => i.id) });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { key: string }) => i.key)).toEqual(reversed.map((i) => i.key));
    expect(res.body.items.map((i: { position: number }) => i.position)).toEqual(reversed.map((_, n) => n));
    const partial = await admin.post('/api/v1/custom-fields/reorder', { objectType: PROBE, ids: [items[0].id] });
    expect(partial.status).toBe(400);
    expect(partial.body.error.issues[0].field).toBe('ids');
  });

  it('serves the JSON Schema of the company’s custom object to integrators', async () => {
    const gone = await addField({ key: 'gone', type: 'text' });
    await admin.post(`/api/v1/custom-fields/${gone.id}/archive`);
    await addField({ key: 'level', type: 'single_select', required: true, options: [{ value: 'vip', label: { 'zh-CN': '重要', 'en-US': 'Key' } }, { value: 'old', label: label('旧'), archived: true }] });
    const rep = await t.as('repB');
    const res = await rep.get(`/api/v1/custom-fields/openapi/${PROBE}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'object', additionalProperties: false });
    expect(res.body.required).toContain('level');
    expect(res.body.properties.level).toMatchObject({ type: 'string', enum: ['vip'], title: 'level', 'x-kehu-type': 'single_select' });
    expect(res.body.properties.deposit).toMatchObject({ type: 'string', pattern: expect.any(String), 'x-kehu-type': 'money' });
    expect(res.body.properties.vessel_count).toMatchObject({ type: 'number', description: '自有船舶', 'x-kehu-group': '船队' });
    expect(res.body.properties).not.toHaveProperty('gone');
    const update = await rep.get(`/api/v1/custom-fields/openapi/${PROBE}?mode=update`);
    expect(update.body.required).toBeUndefined();
    expect(update.body.properties.vessel_count.type).toEqual(['number', 'null']);
    expect((await rep.get('/api/v1/custom-fields/openapi/spaceship')).status).toBe(404);
  });

  it('records every change in the field’s history', async () => {
    const f = await addField({ key: 'berth', type: 'text' });
    await admin.patch(`/api/v1/custom-fields/${f.id}`, { version: f.version, label: label('泊位') });
    await admin.post(`/api/v1/custom-fields/${f.id}/archive`);
    const history = await admin.get(`/api/v1/history/custom_field/${f.id}`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['archive', 'update', 'create']);
    expect(history.body.items[1].changes.label).toEqual([label('berth'), label('泊位')]);
    expect((await (await t.as('repA')).get(`/api/v1/history/custom_field/${f.id}`)).status).toBe(404);
  });
});
