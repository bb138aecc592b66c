import { and, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, type FieldIssue } from '../../../platform/http/errors.ts';
import type { FieldDefinition } from '../custom-fields.schema.ts';
import { typeTraits } from '../field-types.ts';
import type { CustomFieldTable } from '../targets.ts';
import { valueSchema } from '../values/value-schemas.ts';
import { isNumericSort, NUMERIC_SENTINEL, sortExpression, TEXT_SENTINEL, tenantLiteral, literal, textValue } from './expressions.ts';

const scalar = z.union([z.string().max(500), z.number(), z.boolean()]);
const bound = z.union([z.string().max(40), z.number()]);

/** One field's filter. `in` is any-of; range bounds combine; `empty: true` matches records without a value. */
export const customFilterSchema = z
  .strictObject({
    eq: scalar.optional(),
    in: z.array(scalar).min(1).max(100).optional(),
    contains: z.string().trim().min(1).max(100).optional(),
    gte: bound.optional(),
    gt: bound.optional(),
    lte: bound.optional(),
    lt: bound.optional(),
    empty: z.boolean().optional(),
  })
  .refine((f) => Object.keys(f).length > 0, 'an empty filter');
export type CustomFilter = z.infer<typeof customFilterSchema>;
export const customFiltersSchema = z.record(z.string(), customFilterSchema);
export type CustomFilters = z.infer<typeof customFiltersSchema>;

/**
 * The list endpoints' `customFilters` query parameter: a JSON object by field key, e.g.
 * {"level":{"in":["a","b"]},"amount":{"gte":"1000"},"notes":{"contains":"船"},"due":{"empty":true}}.
 */
export const customFiltersParam = z
  .string()
  .max(4000)
  .optional()
  .transform((raw, ctx) => {
    if (!raw) return undefined;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not JSON' });
      return z.NEVER;
    }
  })
  .pipe(customFiltersSchema.optional())
  .describe('JSON object of filters on custom fields by key: {"<key>": {"eq"|"in"|"contains"|"gte"|"gt"|"lte"|"lt"|"empty": …}}');

const fail = (key: string, reason: string): never => {
  throw new AppError('validation_failed', {}, [{ field: `customFilters.${key}`, reason } satisfies FieldIssue]);
};

/** A filter value in the stored, canonical form; archived options still match the records holding them. */
function canonical(def: FieldDefinition, value: unknown, key: string): unknown {
  const schema = valueSchema({ type: def.type === 'multi_select' ? 'single_select' : def.type, options: def.options.map((o) => ({ ...o, archived: false })) });
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fail(key, parsed.error.issues[0]?.message ?? 'invalid value');
}

/** `@>` on the whole column is what the GIN (jsonb_path_ops) index answers. */
function contains(custom: CustomFieldTable['custom'], def: FieldDefinition, value: unknown): SQL {
  const v = def.type === 'multi_select' ? [value] : value;
  return sql`${custom} @> ${JSON.stringify({ [def.key]: v })}::jsonb`;
}

function rangeBound(def: FieldDefinition, value: unknown, key: string): SQL {
  const v = canonical(def, value, key);
  return isNumericSort(def) ? sql`${String(v)}::numeric` : sql`${String(v)}`;
}

function fieldCondition(table: CustomFieldTable, def: FieldDefinition, f: CustomFilter, key: string): SQL {
  const traits = typeTraits[def.type];
  const parts: SQL[] = [];
  if (f.eq !== undefined) parts.push(contains(table.custom, def, canonical(def, f.eq, key)));
  if (f.in) parts.push(or(...f.in.map((v) => contains(table.custom, def, canonical(def, v, key))))!);
  if (f.contains !== undefined) {
    if (!traits.contains) fail(key, `contains does not apply to ${def.type} fields`);
    const needle = def.type === 'phone' ? f.contains.replace(/\D/g, '') : f.contains;
    if (!needle) fail(key, 'nothing to search for');
    parts.push(sql`${textValue(table.custom, def.key)} ilike ${`%${needle.replace(/[\\%_]/g, '\\$&')}%`}`);
  }
  const bounds = (['gte', 'gt', 'lte', 'lt'] as const).filter((b) => f[b] !== undefined);
  if (bounds.length) {
    if (!traits.range) fail(key, `range filters do not apply to ${def.type} fields`);
    const expr = sortExpression(def, table.custom);
    const ops = { gte: '>=', gt: '>', lte: '<=', lt: '<' };
    for (const b of bounds) parts.push(sql`${expr} ${sql.raw(ops[b])} ${rangeBound(def, f[b], key)}`);
    // Empty values sort as the largest value; an upper bound on the sentinel keeps them out.
    const sentinel = isNumericSort(def) ? sql`${literal(NUMERIC_SENTINEL)}::numeric` : literal(TEXT_SENTINEL);
    parts.push(sql`${expr} < ${sentinel}`);
  }
  if (f.empty !== undefined) {
    const has = sql`${table.custom} ? ${literal(def.key)}`;
    parts.push(f.empty ? sql`not (${has})` : has);
  }
  if (def.indexed && (bounds.length || f.contains !== undefined)) parts.push(tenantLiteral(table.tenantId, def.tenantId));
  return and(...parts)!;
}

/**
 * Filters on custom fields as one SQL condition (undefined when there are none), for the list
 * query's WHERE beside the data scope. Equality and `in` become containment (`custom @> …`, the GIN
 * index); ranges compare the field's sort key and `contains` its text, which the field's partial
 * expression indexes serve once an administrator marks the field filterable/sortable. Unknown or
 * archived keys and values of the wrong type are 400s naming customFilters.<key>.
 */
export function customFilterSql(table: CustomFieldTable, defs: FieldDefinition[], filters: CustomFilters | undefined): SQL | undefined {
  if (!filters) return undefined;
  const conds: SQL[] = [];
  for (const [key, filter] of Object.entries(filters)) {
    const def = defs.find((d) => d.key === key && !d.archivedAt);
    if (!def) fail(key, 'no such field');
    conds.push(fieldCondition(table, def!, filter, key));
  }
  return conds.length ? and(...conds) : undefined;
}
