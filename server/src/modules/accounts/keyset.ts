import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Cursor } from '../../platform/http/pagination.ts';
import { EXACT_COUNT_CAP } from './list-total.ts';

/**
 * Keyset pagination on (sort value, id): each page is one index range however deep the user
 * scrolls. The cursor carries the sort value as PostgreSQL text (select `${col}::text`), so
 * timestamps keep their microseconds — a JavaScript Date would round them and skip or repeat rows.
 */
export function afterCursor(col: AnyPgColumn | SQL, idCol: AnyPgColumn, order: 'asc' | 'desc', cursor: Cursor, timestamp: boolean): SQL {
  const value = timestamp ? sql`${String(cursor.v)}::timestamptz` : sql`${String(cursor.v)}`;
  return sql`(${col}, ${idCol}) ${sql.raw(order === 'asc' ? '>' : '<')} (${value}, ${cursor.id}::uuid)`;
}

/** Name sorts ascending, dates newest first, unless the caller says otherwise. */
export const defaultOrder = (sort: string, order?: 'asc' | 'desc') => order ?? (sort === 'name' ? 'asc' : 'desc');

/** A subquery LIMIT large enough to keep every row: it only stops PostgreSQL from flattening the subquery. */
export const ALL_ROWS = 2_147_483_647;

/**
 * With a search keyword the planner cannot estimate how many rows match (array and substring
 * conditions), and the usual plan — walk the sort index, test each row, stop after a page — reads
 * the whole table when the keyword is rare, or when its matches cluster at the far end of the sort
 * order (every 上海… company sorts under "shang" by name). So the matches are counted first (up to
 * the cap): a small set, or any set sorted by name, is collected through the search indexes and
 * sorted in full (cost grows with the matches, never with the table); a large set sorted by date
 * is read along the date index, where matches come at once.
 */
export function sortMatchesInFull(matches: number | undefined, sort: string): boolean {
  return matches !== undefined && (matches <= EXACT_COUNT_CAP || sort === 'name');
}
