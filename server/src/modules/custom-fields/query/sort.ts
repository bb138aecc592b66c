import { asc, desc, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../../platform/http/errors.ts';
import type { Cursor } from '../../../platform/http/pagination.ts';
import type { FieldDefinition } from '../custom-fields.schema.ts';
import { typeTraits } from '../field-types.ts';
import type { CustomFieldTable, CustomValues } from '../targets.ts';
import { isNumericSort, NUMERIC_SENTINEL, sortExpression, TEXT_SENTINEL, tenantLiteral } from './expressions.ts';

/** What a list endpoint's `sort` parameter accepts beside its built-in fields: z.union([z.enum(builtIn), customSortField]). */
export const customSortField = z.string().regex(/^custom\.[a-z][a-z0-9_]{0,29}$/).describe('custom.<key> sorts by a custom field');

/** `sort=custom.<key>` on a list endpoint: the key, or null for a built-in sort field. */
export function customSortKey(sort: string | undefined): string | null {
  return sort?.startsWith('custom.') ? sort.slice('custom.'.length) : null;
}

export interface CustomSort {
  /** add to the list query's WHERE (lets the planner use the field's partial index) */
  where: SQL | undefined;
  /** ORDER BY sort key, then id, in the same direction */
  orderBy: [SQL, SQL];
  /** the sort key as text, to select beside the row for the next cursor */
  cursorValue: SQL;
  /** keyset condition for the page after `cursor` */
  after(cursor: Cursor): SQL;
}

/**
 * Sorting a list by a custom field, with keyset pages on (sort key, id). Empty values sort as the
 * largest value (last ascending, first descending), which keeps sort keys non-null so one btree
 * index serves both directions and every page is one index range. Fast when the field is marked
 * filterable/sortable (its partial index exists); correct either way.
 */
export function customSort(table: CustomFieldTable, defs: FieldDefinition[], key: string, order: 'asc' | 'desc'): CustomSort {
  const def = defs.find((d) => d.key === key && !d.archivedAt);
  if (!def || !typeTraits[def.type].sort) {
    throw new AppError('validation_failed', {}, [{ field: 'query.sort', reason: def ? `${def.type} fields cannot be sorted` : 'no such field' }]);
  }
  const expr = sortExpression(def, table.custom);
  const dir = order === 'asc' ? asc : desc;
  return {
    where: def.indexed ? tenantLiteral(table.tenantId, def.tenantId) : undefined,
    orderBy: [sql`${expr} ${sql.raw(order)}`, dir(table.id)],
    cursorValue: sql<string>`(${expr})::text`,
    after: (cursor) => {
      const v = isNumericSort(def) ? sql`${String(cursor.v)}::numeric` : sql`${String(cursor.v)}`;
      return sql`(${expr}, ${table.id}) ${sql.raw(order === 'asc' ? '>' : '<')} (${v}, ${cursor.id}::uuid)`;
    },
  };
}

/** The sort key of a stored record computed in JavaScript, equal to what `cursorValue` selects. */
export function sortValueOf(def: Pick<FieldDefinition, 'type' | 'key'>, custom: CustomValues): string {
  const v = custom[def.key];
  if (v === undefined || v === null) return isNumericSort(def) ? NUMERIC_SENTINEL : TEXT_SENTINEL;
  return String(v);
}
