import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * A timestamp as UTC ISO text with microseconds ("2025-03-15T02:00:00.123456Z"). Sortable as a
 * string and exact as a cursor value — a JavaScript Date drops the microseconds PostgreSQL keeps, and
 * a cursor rounded down skips rows — and comparable across tables, which a cursor over several
 * sources (the account timeline) needs. `::timestamptz` reads it back.
 */
export const utcMicros = (col: AnyPgColumn | SQL) => sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
