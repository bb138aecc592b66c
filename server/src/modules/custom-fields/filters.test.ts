import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCompany, setupTestApp, type Client } from '../../../test/factories.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Cursor } from '../../platform/http/pagination.ts';
import {
  customFilterSql, customFiltersParam, customSort, loadCustomFields, sortValueOf, type CustomFilters, type CustomValues, type FieldDefinition,
} from './index.ts';
import { indexName } from './indexes/index-plan.ts';
import { createProbeTable, insertProbes, PROBE, probeRecords } from './test-support/probe-records.ts';

const onPostgres = !!process.env.TEST_DATABASE_URL;
const N = 4000;

let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
let defs: FieldDefinition[];
let other: string;
let otherIds: string[];
const rows: { id: string; custom: CustomValues }[] = [];

const label = (zh: string) => ({ 'zh-CN': zh, 'en-US': zh });
const opts = (...values: string[]) => values.map((value) => ({ value, label: label(value) }));

/** Deterministic data with gaps: every field is missing on some rows. */
function customOf(i: number): CustomValues {
  const c: CustomValues = { code: `C${String(i).padStart(5, '0')}`, flag: i % 2 === 0 };
  if (i % 7 !== 0) c.level = ['a', 'b', 'c'][i % 3];
  const tags = ['x', 'y', 'z'].filter((_, bit) => (i >> bit) & 1);
  if (tags.length) c.tags = tags;
  if (i % 10 !== 3) c.amount = (((i * 37) % 100000) / 100).toFixed(2);
  if (i % 5 !== 0) c.score = (i % 200) - 50;
  if (i % 4 !== 0) c.since = new Date(Date.UTC(2020, 0, 1) + ((i * 13) % 1500) * 86_400_000).toISOString().slice(0, 10);
  if (i % 3 !== 0) c.note = `Vessel ${i} ${i % 11 === 0 ? '油轮 Tanker' : 'bulk'}`;
  return c;
}

beforeAll(async () => {
  t = await setupTestApp();
  await createProbeTable(t.database);
  admin = await t.as('admin');
  const add = async (key: string, type: string, extra: Record<string, unknown> = {}) => {
    const res = await admin.post('/api/v1/custom-fields', { objectType: PROBE, key, label: label(key), type, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  await add('code', 'text', { unique: true });
  await add('flag', 'boolean');
  await add('level', 'single_select', { options: opts('a', 'b', 'c') });
  await add('tags', 'multi_select', { options: opts('x', 'y', 'z') });
  await add('amount', 'money', { indexed: true });
  await add('score', 'number', { indexed: true });
  await add('since', 'date', { indexed: true });
  await add('note', 'text', { indexed: true });
  defs = await loadCustomFields(t.db, t.company.tenantId, PROBE);

  const customs = Array.from({ length: N }, (_, i) => customOf(i + 1));
  customs.push({ code: 'P1', note: '满载 100% cargo' }, { code: 'P2', note: '100 cargo' });
  const ids = await insertProbes(t.db, t.company.tenantId, customs);
  ids.forEach((id, i) => rows.push({ id, custom: customs[i] }));
  // Another company with the same values: none of its rows may ever show up.
  other = (await makeCompany(t.db)).tenantId;
  otherIds = await insertProbes(t.db, other, Array.from({ length: 400 }, (_, i) => customOf(i + 1)));
  // As autovacuum would: moves the rows from the GIN index's pending list into the index proper.
  await t.database.exec('vacuum analyze cf_probe_records');
}, 120_000);
afterAll(() => t.close());

function listQuery(filters: CustomFilters | undefined, extra?: SQL) {
  return t.db
    .select({ id: probeRecords.id })
    .from(probeRecords)
    .where(and(eq(probeRecords.tenantId, t.company.tenantId), isNull(probeRecords.deletedAt), customFilterSql(probeRecords, defs, filters), extra));
}
const matching = async (filters: CustomFilters) => (await listQuery(filters)).map((r) => r.id).sort();
const expected = (pred: (c: CustomValues) => boolean) => rows.filter((r) => pred(r.custom)).map((r) => r.id).sort();

const num = (v: unknown) => Number(v);
const cases: [string, CustomFilters, (c: CustomValues) => boolean][] = [
  ['select eq', { level: { eq: 'a' } }, (c) => c.level === 'a'],
  ['select in', { level: { in: ['a', 'c'] } }, (c) => c.level === 'a' || c.level === 'c'],
  ['multi-select holding a value', { tags: { eq: 'x' } }, (c) => (c.tags as string[] | undefined)?.includes('x') ?? false],
  ['multi-select holding any of', { tags: { in: ['y', 'z'] } }, (c) => ((c.tags as string[] | undefined) ?? []).some((v) => v === 'y' || v === 'z')],
  ['boolean false', { flag: { eq: false } }, (c) => c.flag === false],
  ['number eq given as text', { score: { eq: '6' } }, (c) => c.score === 6],
  ['money eq given as a number', { amount: { eq: 3.7 } }, (c) => c.amount === '3.70'],
  ['text eq', { code: { eq: 'C00042' } }, (c) => c.code === 'C00042'],
  ['contains, any case', { note: { contains: 'TANKER' } }, (c) => String(c.note ?? '').toLowerCase().includes('tanker')],
  ['contains Chinese', { note: { contains: '油轮' } }, (c) => String(c.note ?? '').includes('油轮')],
  ['contains a literal %', { note: { contains: '100%' } }, (c) => String(c.note ?? '').includes('100%')],
  ['money range', { amount: { gte: '500', lt: '600.5' } }, (c) => c.amount !== undefined && num(c.amount) >= 500 && num(c.amount) < 600.5],
  ['number lower bound leaves out empty values', { score: { gt: 100 } }, (c) => c.score !== undefined && num(c.score) > 100],
  ['negative numbers', { score: { lte: -45 } }, (c) => c.score !== undefined && num(c.score) <= -45],
  ['date range', { since: { gte: '2022-01-01', lte: '2022-06-30' } }, (c) => c.since !== undefined && String(c.since) >= '2022-01-01' && String(c.since) <= '2022-06-30'],
  ['is empty', { level: { empty: true } }, (c) => c.level === undefined],
  ['is not empty', { tags: { empty: false } }, (c) => c.tags !== undefined],
  ['several at once', { level: { eq: 'b' }, score: { gte: 0 }, note: { contains: 'bulk' } },
    (c) => c.level === 'b' && c.score !== undefined && num(c.score) >= 0 && String(c.note ?? '').includes('bulk')],
];

describe('filters on custom fields', () => {
  it.each(cases)('%s', async (_name, filters, pred) => {
    const want = expected(pred);
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(rows.length);
    expect(await matching(filters)).toEqual(want);
  });

  it.each<[CustomFilters, string]>([
    [{ nope: { eq: 1 } }, 'no such field'],
    [{ level: { gte: 'a' } }, 'range filters do not apply to single_select fields'],
    [{ score: { contains: '1' } }, 'contains does not apply to number fields'],
    [{ amount: { gte: 'lots' } }, 'an amount with at most 15 digits and 2 decimals'],
    [{ level: { eq: 'zzz' } }, 'one of: a, b, c'],
  ])('refuses %j naming the field', (filters, reason) => {
    let error: unknown;
    try {
      customFilterSql(probeRecords, defs, filters);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues).toEqual([{ field: `customFilters.${Object.keys(filters)[0]}`, reason }]);
  });

  it('parses the customFilters query parameter', () => {
    expect(customFiltersParam.parse('{"level":{"in":["a"]}}')).toEqual({ level: { in: ['a'] } });
    expect(customFiltersParam.parse(undefined)).toBeUndefined();
    expect(customFiltersParam.safeParse('{"level":').success).toBe(false);
    expect(customFiltersParam.safeParse('{"level":{"like":"a"}}').success).toBe(false);
  });
});

describe('sorting on custom fields', () => {
  type Row = { id: string; v: string };
  async function allPages(key: string, order: 'asc' | 'desc'): Promise<Row[]> {
    const sort = customSort(probeRecords, defs, key, order);
    const out: Row[] = [];
    let cursor: Cursor | undefined;
    for (;;) {
      const page = await t.db
        .select({ id: probeRecords.id, v: sort.cursorValue })
        .from(probeRecords)
        .where(and(eq(probeRecords.tenantId, t.company.tenantId), isNull(probeRecords.deletedAt), sort.where, cursor && sort.after(cursor)))
        .orderBy(...sort.orderBy)
        .limit(700);
      out.push(...(page as Row[]));
      if (page.length < 700) return out;
      const last = page[page.length - 1] as Row;
      cursor = { v: last.v, id: last.id };
    }
  }

  it.each<[string, 'asc' | 'desc', (c: CustomValues) => number | string]>([
    ['amount', 'asc', (c) => (c.amount === undefined ? Infinity : num(c.amount))],
    ['amount', 'desc', (c) => (c.amount === undefined ? Infinity : num(c.amount))],
    ['score', 'asc', (c) => (c.score === undefined ? Infinity : num(c.score))],
    ['since', 'desc', (c) => (c.since === undefined ? '\u{10FFFF}' : String(c.since))],
  ])('by %s %s, page after page, empty values as the largest', async (key, order, keyOf) => {
    const sign = order === 'asc' ? 1 : -1;
    const want = [...rows].sort((a, b) => {
      const ka = keyOf(a.custom);
      const kb = keyOf(b.custom);
      return sign * (ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
    const got = await allPages(key, order);
    expect(got).toHaveLength(rows.length);
    expect(got.map((r) => r.id)).toEqual(want.map((r) => r.id));
    const def = defs.find((d) => d.key === key)!;
    const byId = new Map(rows.map((r) => [r.id, r.custom]));
    for (const r of got) expect(sortValueOf(def, byId.get(r.id)!)).toBe(r.v);
  });

  it('refuses fields that have no order', () => {
    expect(() => customSort(probeRecords, defs, 'tags', 'asc')).toThrow(AppError);
    expect(() => customSort(probeRecords, defs, 'nope', 'asc')).toThrow(AppError);
  });
});

describe('query plans', () => {
  async function plan(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string> {
    const { sql, params } = query.toSQL();
    const lines = await t.database.query<Record<string, string>>(`explain ${sql}`, params);
    return lines.map((l) => Object.values(l)[0]).join('\n');
  }
  const idx = (kind: 'sort' | 'contains', key: string) => indexName(kind, 'cf_probe_records', t.company.tenantId, key);

  it('containment uses the GIN index, ranges, contains and sorting the field’s partial indexes', async () => {
    const containment = await plan(listQuery({ code: { eq: 'C01234' } }));
    const range = await plan(listQuery({ amount: { gte: '999.5' } }));
    const contains = await plan(listQuery({ note: { contains: 'Vessel 1234 ' } }));
    const sort = customSort(probeRecords, defs, 'score', 'asc');
    const sorted = await plan(
      t.db.select({ id: probeRecords.id }).from(probeRecords)
        .where(and(eq(probeRecords.tenantId, t.company.tenantId), isNull(probeRecords.deletedAt), sort.where))
        .orderBy(...sort.orderBy).limit(50),
    );
    for (const p of [containment, range, contains, sorted]) expect(p).toMatch(/Scan/);
    // Plans are PostgreSQL's business; PGlite runs the same SQL but is not held to them.
    if (!onPostgres) return;
    expect(containment).toContain('cf_probe_records_custom_gin');
    expect(range).toContain(idx('sort', 'amount'));
    expect(contains).toContain(idx('contains', 'note'));
    expect(sorted).toContain(`Index Scan using ${idx('sort', 'score')}`);
    expect(sorted).not.toMatch(/Sort Key/);
  });

  it('one company’s fields and rows stay its own', async () => {
    const mine = await matching({ amount: { gte: '0' } });
    expect(mine).toEqual(expected((c) => c.amount !== undefined));
    expect(mine.filter((id) => otherIds.includes(id))).toEqual([]);
    // The other company defined no such field, so its lists cannot filter on it.
    const theirs = await loadCustomFields(t.db, other, PROBE);
    expect(theirs).toEqual([]);
    expect(() => customFilterSql(probeRecords, theirs, { amount: { gte: '0' } })).toThrow(AppError);
  });
});
