/**
 * Values travel in PostgreSQL's own text form (`col::text` out, `text::type` in). That form is exact
 * for every type (microseconds and offsets of timestamps, jsonb numbers beyond a double, arrays,
 * bytea, NaN and infinities) and the same on PGlite and PostgreSQL: what makes backups engine-neutral.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../db/engine.ts';
import type { BackupTable } from './backup-tables.ts';

/** `execute` returns the rows as an array on postgres.js and as `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

export const tableRef = (t: Pick<BackupTable, 'schema' | 'name'>): SQL =>
  t.schema ? sql`${sql.identifier(t.schema)}.${sql.identifier(t.name)}` : sql`${sql.identifier(t.name)}`;

export const columnList = (names: string[], qualifier?: string): SQL =>
  sql.join(names.map((n) => (qualifier ? sql`${sql.identifier(qualifier)}.${sql.identifier(n)}` : sql.identifier(n))), sql`, `);

/** A value in text form, bound as text and cast to the column's type. */
export const textParam = (value: string | null, sqlType: string): SQL => sql`${sql.param(value)}::text::${sql.raw(sqlType)}`;

/** Text forms that do not depend on the server's settings: UTC offsets, ISO dates, hex bytea, exact floats. */
export async function useNeutralTextForms(tx: Tx) {
  await tx.execute(sql`set local timezone = 'UTC'`);
  await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
  await tx.execute(sql`set local intervalstyle = 'postgres'`);
  await tx.execute(sql`set local bytea_output = 'hex'`);
  await tx.execute(sql`set local extra_float_digits = 1`);
}
