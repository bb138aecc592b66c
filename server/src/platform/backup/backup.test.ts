import { PassThrough, Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import {
  bigint, boolean, customType, date, doublePrecision, integer, interval, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid,
} from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database.ts';
import { makeCompany, makeUnit } from '../../../test/factories.ts';
import { activities, calendarFeeds, notifications, orgUnits, userManagedUnits } from '../../schema.ts';
import { apiKeys } from '../auth/auth.tables.ts';
import { generateApiKey } from '../auth/api-keys.ts';
import { createSession } from '../auth/sessions.ts';
import { audit } from '../audit/audit.ts';
import { openDatabase, type Database } from '../db/engine.ts';
import { newId } from '../db/ids.ts';
import { describeTables, schemaTables, type BackupTable } from './backup-tables.ts';
import { BackupError } from './backup-error.ts';
import { restoreBackup } from './restore-backup.ts';
import { columnList, rowsOf, tableRef } from './sql-rows.ts';
import { writeBackup } from './write-backup.ts';

// A table outside Kehu's schema, created only in these tests, holding the values most likely to
// change on a round trip through text: offsets, microseconds, BC dates, infinities, NaN, JSON
// numbers beyond a double, JSON null next to SQL NULL, arrays with NULLs and quotes, bytes.
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const fidelity = pgTable('backup_fidelity', {
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').notNull(),
  at: timestamp('at', { withTimezone: true }),
  localAt: timestamp('local_at'),
  day: date('day'),
  span: interval('span'),
  tags: text('tags').array(),
  nums: integer('nums').array(),
  amount: numeric('amount', { precision: 30, scale: 10 }),
  ratio: doublePrecision('ratio'),
  big: bigint('big', { mode: 'bigint' }),
  flag: boolean('flag'),
  doc: jsonb('doc'),
  raw: bytea('raw'),
  note: text('note'),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] })]);

const FIDELITY_DDL = `create table backup_fidelity (
  tenant_id uuid not null, id uuid not null, at timestamptz, local_at timestamp, day date, span interval,
  tags text[], nums integer[], amount numeric(30, 10), ratio double precision, big bigint, flag boolean,
  doc jsonb, raw bytea, note text, primary key (tenant_id, id))`;

const FIDELITY_ROWS = `insert into backup_fidelity values
  ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001',
   '2024-02-29 23:59:59.123456+08', '1999-12-31 23:59:59.999999', '0044-03-15 BC', '1 year 2 mons 3 days 04:05:06.789',
   '{"a,b","c\\"d",NULL,"客户","  "}', '{1,-2,NULL}', 12345678901234567890.0123456789, 0.1::float8 + 0.2::float8,
   9223372036854775807, false,
   '{"big": 123456789012345678901234567890, "f": 1.10, "zh": "客户", "nested": [null, true, {"e": ""}], "esc": "a\\nb\\u2028"}',
   '\\x00ff0a5c', E'tab\\there\\nnew line "quote" \\\\ backslash 客户'),
  ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002',
   null, null, null, null, null, null, null, null, null, null, null, null, null),
  ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003',
   'infinity', '-infinity', 'infinity', '-178000000 years', '{}', '{}', 'NaN', '-0', -9223372036854775808, true,
   'null', '\\x', '')`;

// Tables of modules written alongside this test, which have no factory yet: they round-trip empty.
// Listed rather than skipped: the test below fails when a table is added without rows and without
// being listed here, and when a listed table gets rows (then remove its name).
const NOT_FILLED_YET = ['accounts', 'account_contacts', 'attachments', 'contacts', 'custom_field_definitions', 'saved_views', 'saved_view_defaults',
  // public pool, risk flags, duplicate keys: they hang off accounts, which fill() does not create yet
  'account_owner_history', 'dedup_keys', 'pool_holders', 'pool_rules', 'pool_warnings', 'risk_flags', 'account_merges',
  // sales, contract-to-cash, merges and imports: they hang off accounts too
  'leads', 'opportunities', 'opportunity_contacts', 'opportunity_lines', 'opportunity_stage_history', 'sales_targets', 'sales_settings',
  'product_categories', 'products', 'price_lists', 'price_list_items', 'quotes', 'quote_lines',
  'orders', 'order_lines', 'order_milestones', 'order_number_counters', 'payments', 'payment_instalments', 'payment_allocations',
  'import_jobs', 'import_rows', 'dedup_report_runs', 'dedup_report_groups', 'dedup_report_members',
  'webhook_subscriptions', 'webhook_deliveries', 'webhook_attempts'];

const allTables = (): BackupTable[] => [...schemaTables(), ...describeTables([fidelity])];

async function prepare(database: Database) {
  await database.exec(FIDELITY_DDL);
  return database;
}

/** Two companies with org trees, users, roles, sessions, API keys, audit events and managed units. */
async function fill(database: Database) {
  const db = database.db;
  await database.exec(FIDELITY_ROWS);
  for (const slug of ['alpha', 'beta']) {
    const company = await makeCompany(db, `${slug}${Math.random().toString(36).slice(2, 6)}`);
    const { tenantId, people, branchA } = company;
    // A child whose id sorts before its parent's: primary-key order alone would restore it first.
    const childId = newId();
    const parent = await makeUnit(db, tenantId, { id: branchA.id, path: branchA.path, depth: branchA.depth }, '华东大区');
    await db.insert(orgUnits).values({
      tenantId, id: childId, parentId: parent.id, kind: 'branch', name: '杭州分公司', path: `${parent.path}${childId}/`, depth: parent.depth + 1,
    });
    await db.insert(userManagedUnits).values({ tenantId, userId: people.managerA.id, unitId: parent.id });
    await createSession(db, { tenantId, userId: people.repA.id, ip: '10.0.0.1', userAgent: 'Mozilla/5.0 (客户端)' });
    await createSession(db, { tenantId, userId: people.admin.id });
    const key = generateApiKey();
    await db.insert(apiKeys).values({
      tenantId, id: newId(), name: 'ERP 同步', prefix: key.prefix, keyHash: key.hash,
      roleId: (await db.execute(sql`select id from roles where tenant_id = ${tenantId} and key = 'admin'`).then((r) => rowsOf<{ id: string }>(r)))[0].id,
      userId: people.admin.id, expiresAt: new Date('2030-01-01T00:00:00.000Z'),
    });
    await audit(db, { tenantId, userId: people.admin.id, context: { ip: '10.0.0.1', requestId: 'r-1' } }, [
      { action: 'update', objectType: 'user', objectId: people.repA.id, objectLabel: 'rep.a', changes: { phone: [null, '13800138000'], quota: [1.5, 2e21] } },
      { action: 'create', objectType: 'org_unit', objectId: childId, objectLabel: '杭州分公司' },
    ]);
    // uuid arrays, doubles and jsonb in one row; a notification and a calendar-feed token beside it.
    const at = new Date('2030-03-15T02:00:00.123Z');
    await db.insert(activities).values({
      tenantId, id: newId(), ownerId: people.repA.id, unitId: company.salesA.id, kind: 'visit', subject: '拜访 "中海" 船务\n第二行',
      occurredAt: at, at, locationLat: 31.2304, locationLng: 121.4737,
      participantUserIds: [people.repA2.id, people.managerA.id], custom: { purpose: 'sales', tags: ['a', 'b'] },
    });
    await db.insert(notifications).values({ tenantId, id: newId(), userId: people.repA.id, kind: 'task_reminder', title: '任务提醒：报价', linkType: 'activity', linkId: newId() });
    await db.insert(calendarFeeds).values({ tenantId, userId: people.repA.id, tokenHash: generateApiKey().hash });
  }
}

/** Every row of every table in PostgreSQL's own text form (record output), keyed by table, in primary-key order. */
async function dump(database: Database, tables: BackupTable[]) {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const out: Record<string, string[]> = {};
    for (const t of tables) {
      const rows = rowsOf<{ r: string }>(await tx.execute(sql`select t::text as r from ${tableRef(t)} t order by ${columnList(t.primaryKey, 't')}`));
      out[t.name] = rows.map((r) => r.r);
    }
    return out;
  });
}

async function backupBytes(database: Database, opts: Parameters<typeof writeBackup>[2] = {}) {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  const summary = await writeBackup(database, sink, opts);
  return { bytes: Buffer.concat(chunks), summary };
}

const restore = (database: Database, bytes: Buffer, force = false) => restoreBackup(database, Readable.from([bytes]), { tables: allTables(), force });
const fresh = async () => prepare(await createTestDatabase());

describe('backup and restore', () => {
  let source: Database;
  let file: Buffer;
  const opened: Database[] = [];

  beforeAll(async () => {
    source = await fresh();
    await fill(source);
    // Pages of 2 rows, so paging (and the parents-first paging of org_units) crosses many pages.
    file = (await backupBytes(source, { tables: allTables(), pageSize: 2 })).bytes;
  });
  afterAll(async () => {
    for (const d of [source, ...opened]) await d?.close();
  });
  const target = async () => {
    const d = await fresh();
    opened.push(d);
    return d;
  };

  it('has rows in every table of the schema but those listed as not yet filled', async () => {
    const empty = Object.entries(await dump(source, allTables())).filter(([, rows]) => rows.length === 0).map(([name]) => name);
    expect(empty.sort(), 'a table without rows in fill() round-trips empty: give it rows, or list it in NOT_FILLED_YET').toEqual([...NOT_FILLED_YET].sort());
  });

  it('restores every table row for row into a fresh database', async () => {
    const into = await target();
    const summary = await restore(into, file);
    const before = await dump(source, allTables());
    expect(summary.tables).toBe(allTables().length);
    expect(summary.rows).toBe(Object.values(before).reduce((n, rows) => n + rows.length, 0));
    expect(summary.replaced).toEqual([]);
    expect(await dump(into, allTables())).toEqual(before);
  });

  it('writes a header with engine, migration and row counts, and org units parents first', () => {
    const lines = gunzipSync(file).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
    const header = lines[0];
    expect(header).toMatchObject({ format: 'kehu-backup', version: 1, engine: source.engine });
    expect(header.migration.tag).toMatch(/^\d{4}_/);
    expect(header.tables.map((t: { name: string }) => t.name)).toEqual(allTables().map((t) => t.name));
    expect(header.skipped.join()).toContain('pgboss');
    expect(lines.at(-1)).toEqual({ end: { tables: allTables().length, rows: header.tables.reduce((n: number, t: { rows: number }) => n + t.rows, 0) } });

    const orgUnits = allTables().find((t) => t.name === 'org_units')!;
    const start = lines.findIndex((l) => l.table === 'org_units');
    const rows: string[][] = lines.slice(start + 1, start + 1 + header.tables.find((t: { name: string }) => t.name === 'org_units').rows);
    const col = (name: string) => orgUnits.columns.findIndex((c) => c.name === name);
    const seen = new Set<string>();
    for (const row of rows) {
      if (row[col('parent_id')]) expect(seen.has(row[col('parent_id')]), 'parent written before child').toBe(true);
      seen.add(row[col('id')]);
    }
  });

  it('refuses a database that holds data, and with force replaces it in the same transaction', async () => {
    const into = await target();
    await makeCompany(into.db, 'squatter');
    await expect(restore(into, file)).rejects.toThrow(/already holds data \(1 company;.*--force/);
    expect((await dump(into, allTables())).tenants).toHaveLength(1);

    const summary = await restore(into, file, true);
    expect(summary.replaced).toContain('tenants');
    expect(await dump(into, allTables())).toEqual(await dump(source, allTables()));
  });

  it('refuses a backup made at another migration, naming both', async () => {
    const lines = gunzipSync(file).toString('utf8').split('\n');
    const header = JSON.parse(lines[0]);
    header.migration = { tag: '0042_from_the_future', hash: 'f'.repeat(64) };
    lines[0] = JSON.stringify(header);
    const into = await target();
    const err = await restore(into, gzipSync(lines.join('\n'))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect((err as Error).message).toMatch(/made at migration 0042_from_the_future but this database is at \d{4}_/);
  });

  it('rejects a truncated or altered file and leaves the database as it was', async () => {
    const into = await target();
    const text = gunzipSync(file).toString('utf8').trimEnd().split('\n');
    await expect(restore(into, gzipSync(text.slice(0, -1).join('\n')))).rejects.toThrow(/truncated/);
    await expect(restore(into, file.subarray(0, Math.floor(file.length / 2)))).rejects.toThrow();
    const rowLine = text.findIndex((l) => l.startsWith('['));
    await expect(restore(into, gzipSync(text.filter((_, i) => i !== rowLine).join('\n')))).rejects.toThrow(/header says/);
    await expect(restore(into, Buffer.from('not a backup'))).rejects.toThrow(/not a readable Kehu backup/);
    const left = await dump(into, allTables());
    expect(Object.values(left).every((rows) => rows.length === 0)).toBe(true);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('backup across engines', () => {
  it('round-trips PGlite → PostgreSQL → PGlite with every value intact', async () => {
    const pglite = await prepare(await openDatabase({}));
    const postgres = await fresh();
    const pgliteAgain = await prepare(await openDatabase({}));
    try {
      expect([pglite.engine, postgres.engine]).toEqual(['pglite', 'postgres']);
      await fill(pglite);
      const original = await dump(pglite, allTables());

      await restore(postgres, (await backupBytes(pglite, { tables: allTables() })).bytes);
      expect(await dump(postgres, allTables())).toEqual(original);

      const back = await backupBytes(postgres, { tables: allTables() });
      expect(JSON.parse(gunzipSync(back.bytes).toString('utf8').split('\n')[0]).engine).toBe('postgres');
      await restore(pgliteAgain, back.bytes);
      expect(await dump(pgliteAgain, allTables())).toEqual(original);
    } finally {
      await Promise.all([pglite.close(), postgres.close(), pgliteAgain.close()]);
    }
  }, 60_000);
});
