import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../src/schema.ts';

/**
 * Tenancy is a rule on every table, so a machine checks it: tenant_id leads each primary key, unique
 * index and foreign key (Citus co-location needs exactly that). The exceptions are listed with why.
 */
const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => v instanceof PgTable).map((t) => getTableConfig(t));

// Random secrets are unique across all tenants by construction, and are looked up before the tenant is known.
const globalUniques = new Set(['sessions_token_uq', 'api_keys_hash_uq', 'tenants_slug_uq']);

describe('multi-tenancy', () => {
  it('knows the tables', () => {
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['tenants', 'users', 'org_units', 'audit_events']));
  });

  it.each(tables.filter((t) => t.name !== 'tenants').map((t) => [t.name, t] as const))('%s leads with tenant_id', (_name, t) => {
    expect(t.columns.map((c) => c.name)).toContain('tenant_id');
    const pk = t.primaryKeys[0]?.columns.map((c) => c.name) ?? t.columns.filter((c) => c.primary).map((c) => c.name);
    expect(pk[0]).toBe('tenant_id');
    for (const index of t.indexes) {
      if (!index.config.unique || globalUniques.has(index.config.name ?? '')) continue;
      const first = index.config.columns[0] as { name?: string };
      expect(first.name, `unique index ${index.config.name}`).toBe('tenant_id');
    }
    for (const fk of t.foreignKeys) {
      const ref = fk.reference();
      expect(ref.columns[0].name, `foreign key on ${t.name}`).toBe('tenant_id');
      expect(ref.foreignColumns[0].name).toBe('tenant_id');
    }
  });
});
