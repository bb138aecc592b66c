import type { Ctx } from '../http/context.ts';

/**
 * Record types that can be soft-deleted and restored, or whose history may be read. Modules
 * register them; the recycle bin and the record history know them only through this registry.
 */
export interface RecordTypeDefinition {
  type: string;
  /** the record if visible to the caller (deleted ones included when asked), else null */
  findVisible(ctx: Ctx, id: string, opts?: { includeDeleted?: boolean }): Promise<{ id: string; label: string } | null>;
  /** soft-deleted records visible to the caller, newest first */
  listDeleted?(ctx: Ctx, limit: number): Promise<{ id: string; label: string; deletedAt: Date; deletedBy: string | null }[]>;
  restore?(ctx: Ctx, id: string): Promise<void>;
}

const recordTypes = new Map<string, RecordTypeDefinition>();
export function registerRecordType(def: RecordTypeDefinition): void {
  recordTypes.set(def.type, def);
}
export const getRecordType = (type: string) => recordTypes.get(type);
export const listRecordTypes = () => [...recordTypes.values()];
