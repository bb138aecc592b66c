import { sql, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from '../../platform/db/engine.ts';

/** Rows of a raw statement: postgres-js returns them as an array, PGlite as { rows }. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * The first `limit` rows of a query, planned as if all rows were wanted. With a plain LIMIT the
 * planner trusts its default estimate for array operators (0.5% of the table per key) and often
 * picks a sequential scan that "will find 20 rows soon" — for a phone number that matches nothing
 * it then reads the whole table (a second at 200k rows). A MATERIALIZED CTE is planned for full
 * retrieval, so selective conditions use their GIN index, and it is still read lazily: the outer
 * LIMIT stops it after `limit` rows when a common keyword matches half the table.
 * Columns come back under their database names (short_name), not the Drizzle field names.
 */
export async function fencedRows<T>(db: Executor, query: SQLWrapper, limit: number): Promise<T[]> {
  return rowsOf<T>(await db.execute(sql`with m as materialized (${query}) select * from m limit ${limit}`));
}
