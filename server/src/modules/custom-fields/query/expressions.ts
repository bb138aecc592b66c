import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { FieldDefinition } from '../custom-fields.schema.ts';
import { FIELD_KEY, typeTraits } from '../field-types.ts';

/**
 * SQL expressions over the `custom` column, shared by list queries and by the DDL of the per-field
 * indexes: the planner uses an expression index only when the query repeats its expression exactly,
 * so both are built here, with the key and constants as literals (a bound parameter would not match).
 */

/** Empty values sort as the largest value, so sort keys are never NULL and keyset row comparisons stay exact. */
export const TEXT_SENTINEL = '\u{10FFFF}';
export const NUMERIC_SENTINEL = 'Infinity';

export const literal = (s: string) => sql.raw(`'${s.replace(/'/g, "''")}'`);

function keyLiteral(key: string): SQL {
  // Keys are validated on creation; checking again keeps a bad key from ever reaching SQL text.
  if (!FIELD_KEY.test(key)) throw new Error(`invalid custom field key ${key}`);
  return literal(key);
}

/** The field's value as text: what equality on text, `contains` and the trigram index work on. */
export const textValue = (custom: AnyPgColumn | SQL, key: string): SQL => sql`(${custom} ->> ${keyLiteral(key)})`;

/** The field's value as jsonb: what the unique index compares (5 and 5.0 are one number). */
export const jsonValue = (custom: AnyPgColumn | SQL, key: string): SQL => sql`(${custom} -> ${keyLiteral(key)})`;

/**
 * The sort key of a field: numeric for numbers and money (money is stored as a decimal string; the
 * regular expression guards the cast so a stray value can never make an index build or insert
 * fail), the stored text otherwise. ISO dates and UTC datetimes order correctly as text.
 */
export function sortExpression(def: Pick<FieldDefinition, 'key' | 'type'>, custom: AnyPgColumn | SQL): SQL {
  const key = keyLiteral(def.key);
  switch (typeTraits[def.type].sort) {
    case 'numeric':
      return sql`coalesce(case when jsonb_typeof(${custom} -> ${key}) = 'number' then (${custom} ->> ${key})::numeric end, ${literal(NUMERIC_SENTINEL)}::numeric)`;
    case 'money':
      return sql`coalesce(case when (${custom} ->> ${key}) ~ '^-?[0-9]+([.][0-9]+)?$' then (${custom} ->> ${key})::numeric end, ${literal(NUMERIC_SENTINEL)}::numeric)`;
    case 'text':
      return sql`coalesce(${custom} ->> ${key}, ${literal(TEXT_SENTINEL)})`;
    default:
      throw new Error(`custom fields of type ${def.type} have no sort order`);
  }
}

export const isNumericSort = (def: Pick<FieldDefinition, 'type'>) => {
  const kind = typeTraits[def.type].sort;
  return kind === 'numeric' || kind === 'money';
};

/**
 * A literal `tenant_id = '…'` condition. The per-field indexes are partial indexes of one tenant;
 * the planner uses one only when the query's own text implies its predicate, and a bound
 * `tenant_id = $1` does not (under a generic plan). The id is checked to be a UUID first.
 */
export function tenantLiteral(tenantColumn: AnyPgColumn | SQL, tenantId: string): SQL {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(tenantId)) throw new Error('invalid tenant id');
  return sql`${tenantColumn} = ${sql.raw(`'${tenantId}'::uuid`)}`;
}
