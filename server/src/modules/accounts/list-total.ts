import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/engine.ts';
import { rowsOf } from '../search/fenced-query.ts';

/** Up to this many matches a list shows the exact total; above it, "about …". */
export const EXACT_COUNT_CAP = 10_000;

export interface ListTotal {
  value: number;
  exact: boolean;
}

/**
 * How many rows match, counting no further than cap + 1. The CTE is planned for full retrieval
 * (bitmap scans on the search indexes rather than a sequential scan the planner hopes to stop
 * early) and read lazily, so the work is bounded by the cap however large the table.
 */
export async function cappedCount(db: Executor, table: PgTable, where: SQL | undefined, cap = EXACT_COUNT_CAP): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await db.execute(sql`with m as materialized (select 1 from ${table} where ${where ?? sql`true`})
      select count(*)::int as n from (select 1 from m limit ${cap + 1}) capped`),
  );
  return Number(rows[0].n);
}

/** The planner's row estimate for the filter (EXPLAIN, nothing executed): follows statistics and index selectivity. */
export async function estimatedCount(db: Executor, table: PgTable, where: SQL | undefined): Promise<number> {
  const rows = rowsOf<Record<string, unknown>>(await db.execute(sql`explain (format json) select 1 from ${table} where ${where ?? sql`true`}`));
  const raw = rows[0]?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: { 'Plan Rows': number } }[];
  return Math.round(plan?.[0]?.Plan?.['Plan Rows'] ?? 0);
}

/**
 * The total a list shows above its first page, without counting a million rows on every visit.
 * The planner's estimate for the filter (EXPLAIN; it follows column statistics, where
 * pg_class.reltuples would only know the table size) answers when it is far above the cap; below
 * that the matches are counted up to the cap: exact for small sets, the estimate beyond. A caller
 * that already counted (search-box lists do) passes `known`. Later pages do not count again.
 */
export async function listTotal(db: Executor, table: PgTable, where: SQL | undefined, cap = EXACT_COUNT_CAP, known?: number): Promise<ListTotal> {
  let estimate: number | undefined;
  if (known === undefined) {
    estimate = await estimatedCount(db, table, where);
    if (estimate > cap * 5) return { value: estimate, exact: false };
  }
  const n = known ?? (await cappedCount(db, table, where, cap));
  if (n <= cap) return { value: n, exact: true };
  return { value: Math.max(estimate ?? (await estimatedCount(db, table, where)), cap + 1), exact: false };
}
