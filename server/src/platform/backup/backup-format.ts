import { z } from 'zod';

/**
 * A Kehu backup is a gzip of NDJSON, one JSON value per line:
 *   1. the header (below): format, when, from which engine, migration, tables with columns and row counts;
 *   2. per table, in foreign-key order: `{"table":"org_units"}`, then one array per row holding each
 *      column's value in PostgreSQL text form (or null), in the header's column order;
 *   3. the trailer `{"end":{"tables":n,"rows":n}}`, whose absence marks a truncated file.
 * Only tables of the drizzle schema are in it: pg-boss's `pgboss` schema (queued jobs) is not.
 */
export const BACKUP_FORMAT = 'kehu-backup';
export const BACKUP_VERSION = 1;

export const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  migration: z.object({ tag: z.string(), hash: z.string() }),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()), rows: z.number().int().nonnegative() })),
  skipped: z.array(z.string()),
});
export type BackupHeader = z.infer<typeof headerSchema>;

export const tableStartSchema = z.object({ table: z.string() });
export const trailerSchema = z.object({ end: z.object({ tables: z.number().int(), rows: z.number().int() }) });

/** Said in every header, so whoever restores knows what the file does not hold. */
export const SKIPPED = ['pgboss: background job queue (not in the drizzle schema); recurring schedules are re-created at start, queued jobs are not kept'];
