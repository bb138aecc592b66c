import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { FieldDefinition } from '../custom-fields.schema.ts';
import { typeTraits } from '../field-types.ts';
import { jsonValue, sortExpression, tenantLiteral, textValue } from '../query/expressions.ts';
import { physicalNames, type CustomFieldTarget } from '../targets.ts';

/**
 * Indexes of one field in one tenant. Expression indexes belong to a table, not a tenant, so each is
 * a partial index `WHERE tenant_id = '<tenant>'`: it holds only that tenant's rows, serves only
 * that tenant's queries and is dropped with the field. The cost is one index per tenant and
 * indexed field on the record table (bounded by MAX_INDEXED_FIELDS per tenant and object type);
 * that suits deployments with a few tenants, not thousands sharing one table.
 *
 *   cfs_  btree ((sort key), id): range filters, sorting and keyset pages on the field
 *   cft_  gin ((value) gin_trgm_ops): `contains` on text-like fields
 *   cfu_  unique btree (tenant_id, (value)) over live records: the unique flag, race-proof
 */
export type IndexKind = 'sort' | 'contains' | 'unique';
const prefixes: Record<IndexKind, string> = { sort: 'cfs', contains: 'cft', unique: 'cfu' };

export interface PlannedIndex {
  name: string;
  kind: IndexKind;
  create(concurrently: boolean): string;
}

const dialect = new PgDialect();
function toText(query: SQL): string {
  const rendered = dialect.sqlToQuery(query);
  if (rendered.params.length) throw new Error('index DDL must not carry parameters');
  return rendered.sql;
}

/** A short, stable stand-in for the tenant in index names (UUIDv7 prefixes are timestamps and collide). */
export const tenantShort = (tenantId: string) => createHash('sha256').update(tenantId).digest('hex').slice(0, 10);

/** Deterministic names within PostgreSQL's 63-byte limit: cf?_<table>_<tenant>_<key>, hashed when too long. */
export function indexName(kind: IndexKind, table: string, tenantId: string, key: string): string {
  const name = `${prefixes[kind]}_${table}_${tenantShort(tenantId)}_${key}`;
  if (name.length <= 63) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, 54)}_${hash}`;
}

export function allIndexNames(target: CustomFieldTarget, tenantId: string, key: string): string[] {
  const { table } = physicalNames(target);
  return (Object.keys(prefixes) as IndexKind[]).map((kind) => indexName(kind, table, tenantId, key));
}

/** The indexes a definition should have now: none when archived. */
export function plannedIndexes(target: CustomFieldTarget, def: FieldDefinition): PlannedIndex[] {
  if (def.archivedAt) return [];
  const n = physicalNames(target);
  const custom = sql`${sql.identifier(n.custom)}`;
  const tenant = toText(tenantLiteral(sql`${sql.identifier(n.tenantId)}`, def.tenantId));
  const live = n.deletedAt ? ` and "${n.deletedAt}" is null` : '';
  const on = `"${n.table}"`;
  const traits = typeTraits[def.type];
  const planned: PlannedIndex[] = [];
  const add = (kind: IndexKind, body: (name: string, conc: string) => string) => {
    const name = indexName(kind, n.table, def.tenantId, def.key);
    planned.push({ name, kind, create: (concurrently) => body(name, concurrently ? ' concurrently' : '') });
  };
  if (def.indexed && traits.sort) {
    const expr = toText(sortExpression(def, custom));
    add('sort', (name, conc) => `create index${conc} if not exists "${name}" on ${on} ((${expr}), "${n.id}") where ${tenant}${live}`);
  }
  if (def.indexed && traits.contains) {
    const expr = toText(textValue(custom, def.key));
    add('contains', (name, conc) => `create index${conc} if not exists "${name}" on ${on} using gin (${expr} gin_trgm_ops) where ${tenant}${live}`);
  }
  if (def.unique) {
    const expr = toText(jsonValue(custom, def.key));
    add('unique', (name, conc) => `create unique index${conc} if not exists "${name}" on ${on} ("${n.tenantId}", ${expr}) where ${tenant}${live}`);
  }
  return planned;
}
