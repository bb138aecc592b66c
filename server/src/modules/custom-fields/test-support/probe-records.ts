import { pgTable, uuid } from 'drizzle-orm/pg-core';
import { registerObjectType } from '../../../platform/access/permissions.ts';
import { ts } from '../../../platform/db/columns.ts';
import type { Database, Executor } from '../../../platform/db/engine.ts';
import { newId } from '../../../platform/db/ids.ts';
import { customColumn, registerCustomFieldTarget, type CustomValues } from '../targets.ts';

/**
 * Tests only: a record table of our own, shaped like accounts and contacts as far as custom fields
 * care (tenant_id, id, custom, deleted_at). It is not in schema.ts: tests create it with raw SQL.
 */
export const probeRecords = pgTable('cf_probe_records', {
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').notNull(),
  custom: customColumn(),
  deletedAt: ts('deleted_at'),
});

export const PROBE = 'probe';

registerCustomFieldTarget({ objectType: PROBE, table: probeRecords });
// Imported before the test company is created, so its built-in roles get these grants.
registerObjectType({
  type: PROBE,
  label: { 'zh-CN': '测试记录', 'en-US': 'Probe record' },
  actions: ['read'],
  defaultGrants: {
    admin: { actions: ['read'], scope: 'all' },
    branch_manager: { actions: ['read'], scope: 'subtree' },
    sales_rep: { actions: ['read'], scope: 'own' },
  },
});

export async function createProbeTable(database: Database): Promise<void> {
  await database.exec(`create table if not exists cf_probe_records (
    tenant_id uuid not null, id uuid not null, custom jsonb not null default '{}', deleted_at timestamptz,
    primary key (tenant_id, id))`);
  await database.exec('create index if not exists cf_probe_records_custom_gin on cf_probe_records using gin (custom jsonb_path_ops)');
}

export async function insertProbes(db: Executor, tenantId: string, customs: CustomValues[]): Promise<string[]> {
  const rows = customs.map((custom) => ({ tenantId, id: newId(), custom }));
  for (let i = 0; i < rows.length; i += 500) await db.insert(probeRecords).values(rows.slice(i, i + 500));
  return rows.map((r) => r.id);
}

/** Names of the indexes on the probe table, to see what field changes built or dropped. */
export async function probeIndexes(database: Database): Promise<string[]> {
  const rows = await database.query<{ indexname: string }>("select indexname from pg_indexes where tablename = 'cf_probe_records' order by 1");
  return rows.map((r) => r.indexname);
}
