import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, setupTestApp, type Client } from '../../../test/factories.ts';
import { users } from '../org/org.schema.ts';
import { AppError } from '../../platform/http/errors.ts';
import { formatCustomValue, loadCustomFields, presentCustom, validateCustom, type CustomValues } from './index.ts';
import { createProbeTable, insertProbes, PROBE, probeRecords } from './test-support/probe-records.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
beforeAll(async () => {
  t = await setupTestApp();
  await createProbeTable(t.database);
  admin = await t.as('admin');
});
afterAll(() => t.close());

const label = (zh: string) => ({ 'zh-CN': zh, 'en-US': zh });
const opts = (...values: string[]) => values.map((value) => ({ value, label: label(value) }));
async function addField(key: string, type: string, extra: Record<string, unknown> = {}) {
  const res = await admin.post('/api/v1/custom-fields', { objectType: PROBE, key, label: label(key), type, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number };
}
const validate = (input: unknown, o: { mode: 'create' | 'update'; existing?: CustomValues; recordId?: string } = { mode: 'create' }) =>
  validateCustom(t.db, t.company.tenantId, PROBE, input, o);

/** The AppError a validation throws, or a failure when it does not throw. */
async function rejection(input: unknown, o?: Parameters<typeof validate>[1]): Promise<AppError> {
  try {
    await validate(input, o);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

describe('every field type', () => {
  beforeAll(async () => {
    await addField('t_text', 'text');
    await addField('t_long', 'long_text');
    await addField('t_num', 'number');
    await addField('t_money', 'money');
    await addField('t_date', 'date');
    await addField('t_dt', 'datetime');
    await addField('t_one', 'single_select', { options: [...opts('a', 'b'), { value: 'c', label: label('c'), archived: true }] });
    await addField('t_many', 'multi_select', { options: opts('x', 'y', 'z') });
    await addField('t_bool', 'boolean');
    await addField('t_user', 'user');
    await addField('t_region', 'region');
    await addField('t_url', 'url');
    await addField('t_phone', 'phone');
    await addField('t_email', 'email');
  });

  const noSuchUser = '00000000-0000-7000-8000-000000000000';
  // [key, good input, stored form, bad input]
  const cases: [string, unknown, unknown, unknown][] = [
    ['t_text', '  你好 ', '你好', 'x'.repeat(501)],
    ['t_long', '第一行\n第二行', '第一行\n第二行', 42],
    ['t_num', 12.5, 12.5, 'twelve'],
    ['t_num', '-42', -42, Number.POSITIVE_INFINITY],
    ['t_money', 1234.5, '1234.50', '12.345'],
    ['t_money', '-0.5', '-0.50', 'abc'],
    ['t_money', '1,000', '1000.00', true],
    ['t_date', '2024-02-29', '2024-02-29', '2023-02-29'],
    ['t_dt', '2024-05-01T08:00:00+08:00', '2024-05-01T00:00:00.000Z', '2024-05-01 08:00'],
    ['t_one', 'a', 'a', 'c'],
    ['t_many', ['x', 'y', 'x'], ['x', 'y'], ['x', 'nope']],
    ['t_bool', false, false, 'yes'],
    ['t_region', '310115', '310115', '999999'],
    ['t_region', '440300', '440300', 310115],
    ['t_url', 'www.example.com', 'https://www.example.com/', 'javascript:alert(1)'],
    ['t_phone', '+86 138-0013-8000', '13800138000', 'call me'],
    ['t_phone', '021 6888 8888', '02168888888', '12'],
    ['t_email', ' Rep.A@Example.COM ', 'rep.a@example.com', 'not-an-email'],
    ['t_user', 'placeholder', 'placeholder', noSuchUser],
  ];

  it.each(cases)('%s accepts %j, stores %j, rejects %j naming the field', async (key, good, stored, bad) => {
    const userId = t.company.people.repA.id;
    const [goodIn, storedOut] = key === 't_user' ? [userId, userId] : [good, stored];
    expect(await validate({ [key]: goodIn })).toEqual({ [key]: storedOut });
    const err = await rejection({ [key]: bad });
    expect(err.code).toBe('validation_failed');
    expect(err.status).toBe(400);
    expect(err.issues).toHaveLength(1);
    expect(err.issues![0].field).toBe(`custom.${key}`);
    expect(err.issues![0].reason).not.toBe('');
  });

  it('treats null, blank and [] as no value, and names every bad field at once', async () => {
    expect(await validate({ t_text: '  ', t_many: [], t_num: null })).toEqual({});
    const err = await rejection({ t_num: 'x', t_date: 'tomorrow', t_bool: 1 });
    expect(err.issues!.map((i) => i.field).sort()).toEqual(['custom.t_bool', 'custom.t_date', 'custom.t_num']);
  });

  it('refuses unknown keys and anything but an object', async () => {
    const err = await rejection({ t_text: 'ok', nope: 1 });
    expect(err.issues).toEqual([{ field: 'custom.nope', reason: 'no such field' }]);
    expect((await rejection(['t_text'])).issues).toEqual([{ field: 'custom', reason: 'an object of field values' }]);
  });

  it('a deleted user is no longer a valid value', async () => {
    const leaver = await makeUser(t.db, t.company.tenantId, t.company.branchB.id, 'leaver', 'sales_rep');
    expect(await validate({ t_user: leaver.id })).toEqual({ t_user: leaver.id });
    await t.db.update(users).set({ deletedAt: new Date() }).where(and(eq(users.tenantId, t.company.tenantId), eq(users.id, leaver.id)));
    const err = await rejection({ t_user: leaver.id });
    expect(err.issues).toEqual([{ field: 'custom.t_user', reason: 'no such user' }]);
  });
});

describe('required, default, unique and archive', () => {
  it('requires on create, applies defaults, and on update merges a patch', async () => {
    await addField('r_req', 'text', { required: true });
    await addField('r_def', 'single_select', { options: opts('new', 'old'), defaultValue: 'new' });
    const missing = await rejection({});
    expect(missing.issues).toEqual([{ field: 'custom.r_req', reason: 'required' }]);
    const created = await validate({ r_req: '甲' });
    expect(created).toEqual({ r_req: '甲', r_def: 'new' });
    expect(await validate({ r_req: '甲', r_def: 'old' })).toEqual({ r_req: '甲', r_def: 'old' });
    // Update: absent keys stay, null clears, a required field cannot be cleared.
    const existing = { ...created, stray_archived: 'kept' };
    expect(await validate({ t_num: 3 }, { mode: 'update', existing })).toEqual({ ...existing, t_num: 3 });
    expect(await validate({ r_def: null }, { mode: 'update', existing })).toEqual({ r_req: '甲', stray_archived: 'kept' });
    const cleared = await rejection({ r_req: null }, { mode: 'update', existing });
    expect(cleared.issues).toEqual([{ field: 'custom.r_req', reason: 'required' }]);
  });

  it('archiving stops validation of the key but keeps its values', async () => {
    const req = (await admin.get(`/api/v1/custom-fields?objectType=${PROBE}`)).body.items.find((f: { key: string }) => f.key === 'r_req');
    const [id] = await insertProbes(t.db, t.company.tenantId, [await validate({ r_req: '保留的值', t_text: 'a' })]);
    expect((await admin.post(`/api/v1/custom-fields/${req.id}/archive`)).status).toBe(200);

    expect(await validate({ t_text: 'b' })).toEqual({ t_text: 'b', r_def: 'new' });
    expect((await rejection({ r_req: 'x' })).issues).toEqual([{ field: 'custom.r_req', reason: 'the field is archived' }]);
    const [row] = await t.db.select().from(probeRecords).where(and(eq(probeRecords.tenantId, t.company.tenantId), eq(probeRecords.id, id)));
    expect(row.custom).toMatchObject({ r_req: '保留的值' });
    const updated = await validate({ t_text: 'c' }, { mode: 'update', existing: row.custom, recordId: id });
    expect(updated).toMatchObject({ r_req: '保留的值', t_text: 'c' });
    const defs = await loadCustomFields(t.db, t.company.tenantId, PROBE);
    expect(presentCustom(defs, updated)).toEqual({ t_text: 'c', r_def: 'new' });

    await admin.post(`/api/v1/custom-fields/${req.id}/restore`);
    expect(presentCustom(await loadCustomFields(t.db, t.company.tenantId, PROBE), updated)).toMatchObject({ r_req: '保留的值' });
    await admin.post(`/api/v1/custom-fields/${req.id}/archive`);
  });

  it('a unique value is taken once per company among live records', async () => {
    await addField('u_code', 'email', { unique: true });
    const [first] = await insertProbes(t.db, t.company.tenantId, [await validate({ u_code: 'Ops@Cosco.com' })]);
    const taken = await rejection({ u_code: 'ops@cosco.com' });
    expect(taken.code).toBe('duplicate');
    expect(taken.status).toBe(409);
    expect(taken.issues).toEqual([{ field: 'custom.u_code', reason: 'already used by another record' }]);
    // The record itself may keep its value; a soft-deleted record frees it.
    expect(await validate({ u_code: 'ops@cosco.com' }, { mode: 'update', existing: { u_code: 'x@y.cn' }, recordId: first })).toMatchObject({ u_code: 'ops@cosco.com' });
    await t.db.update(probeRecords).set({ deletedAt: new Date() }).where(and(eq(probeRecords.tenantId, t.company.tenantId), eq(probeRecords.id, first)));
    expect(await validate({ u_code: 'ops@cosco.com' })).toMatchObject({ u_code: 'ops@cosco.com' });
  });
});

describe('values as people read them', () => {
  it('shows option labels, region names and yes/no in the reader’s language', async () => {
    const defs = await loadCustomFields(t.db, t.company.tenantId, PROBE);
    const def = (key: string) => defs.find((d) => d.key === key)!;
    expect(formatCustomValue(def('t_one'), 'c', 'zh-CN')).toBe('c');
    expect(formatCustomValue({ type: 'multi_select', options: [{ value: 'x', label: { 'zh-CN': '甲', 'en-US': 'A' }, archived: false }, { value: 'y', label: { 'zh-CN': '乙', 'en-US': 'B' }, archived: true }] }, ['x', 'y'], 'zh-CN')).toBe('甲、乙');
    expect(formatCustomValue(def('t_region'), '310115', 'zh-CN')).toBe('浦东新区');
    expect(formatCustomValue(def('t_bool'), false, 'en-US')).toBe('No');
    expect(formatCustomValue(def('t_money'), '1234.50', 'zh-CN')).toBe('1234.50');
    expect(formatCustomValue(def('t_text'), undefined, 'zh-CN')).toBe('');
  });
});
