import { asc, desc, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Cursor } from '../../platform/http/pagination.ts';
import { customSort, customSortKey, type CustomFieldTable, type FieldDefinition } from '../custom-fields/index.ts';
import { afterCursor, defaultOrder } from './keyset.ts';

/**
 * How a list is ordered and paged: by a built-in column, or by a custom field (sort=custom.<key>).
 * Either way pages are keyset ranges on (sort value, id) and the cursor carries the value as text.
 */
export interface ListSort {
  order: 'asc' | 'desc';
  /**
   * The built-in column, or null for a custom field. Only a column can be selected into a subquery
   * and sorted there (sortMatchesInFull): a custom field's sort expression lives in the custom-fields
   * module, which hands out ORDER BY terms, not the expression.
   */
  column: AnyPgColumn | SQL | null;
  /** an extra condition that lets the planner use a custom field's partial index */
  where: SQL | undefined;
  orderBy: SQL[];
  cursorValue: SQL<string>;
  after(cursor: Cursor): SQL;
}

/**
 * Custom fields sort ascending unless told otherwise: empty values sort as the largest value, so a
 * descending default would open the list with every record that has no value.
 */
export function listSort(
  table: CustomFieldTable,
  columns: Record<string, AnyPgColumn | SQL>,
  defs: FieldDefinition[],
  sort: string,
  order: 'asc' | 'desc' | undefined,
): ListSort {
  const key = customSortKey(sort);
  if (key) {
    const dir = order ?? 'asc';
    const s = customSort(table, defs, key, dir);
    return { order: dir, column: null, where: s.where, orderBy: s.orderBy, cursorValue: s.cursorValue as SQL<string>, after: s.after };
  }
  const column = columns[sort];
  const dir = defaultOrder(sort, order);
  const by = dir === 'asc' ? asc : desc;
  return {
    order: dir,
    column,
    where: undefined,
    orderBy: [by(column), by(table.id)],
    cursorValue: sql<string>`${column}::text`,
    after: (cursor) => afterCursor(column, table.id, dir, cursor, sort !== 'name'),
  };
}
