import { desc, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Ctx } from '../http/context.ts';

/**
 * Record types that can be soft-deleted and restored, or whose history may be read. Modules
 * register them; the recycle bin and the record history know them only through this registry.
 */
export interface DeletedRecord {
  id: string;
  label: string;
  deletedAt: Date;
  deletedBy: string | null;
}

export interface RecordTypeDefinition {
  type: string;
  /** the record if visible to the caller (deleted ones included when asked), else null */
  findVisible(ctx: Ctx, id: string, opts?: { includeDeleted?: boolean }): Promise<{ id: string; label: string } | null>;
  /** soft-deleted records visible to the caller, newest first */
  listDeleted?(ctx: Ctx, limit: number): Promise<DeletedRecord[]>;
  restore?(ctx: Ctx, id: string): Promise<void>;
}

const recordTypes = new Map<string, RecordTypeDefinition>();
export function registerRecordType(def: RecordTypeDefinition): void {
  recordTypes.set(def.type, def);
}
export const getRecordType = (type: string) => recordTypes.get(type);
export const listRecordTypes = () => [...recordTypes.values()];

type SoftDeletable = PgTable & { id: AnyPgColumn; deletedAt: AnyPgColumn; deletedBy: AnyPgColumn };

/** The usual listDeleted: rows of `table` matching `where` (the caller's scope, deleted only), newest first. */
export function listDeletedRows(ctx: Ctx, table: SoftDeletable, label: AnyPgColumn, where: SQL | undefined, limit: number): Promise<DeletedRecord[]> {
  return ctx.readDb
    .select({ id: table.id, label, deletedAt: table.deletedAt, deletedBy: table.deletedBy })
    .from(table as PgTable)
    .where(where)
    .orderBy(desc(table.deletedAt))
    .limit(limit) as Promise<DeletedRecord[]>;
}
