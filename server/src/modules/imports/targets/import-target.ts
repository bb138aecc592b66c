import type { Locale, Principal } from '../../../platform/access/principal.ts';
import type { Executor } from '../../../platform/db/engine.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import type { DuplicatePolicy, RowIssue } from '../imports.schema.ts';

/** A field a column can be mapped to. `aliases` are header names that suggest it (compared with headerKey). */
export interface ImportField {
  key: string;
  label: Record<Locale, string>;
  required: boolean;
  aliases: string[];
}

/** A row's values by field key, as the file gave them (cleaned text); the target converts them. */
export type MappedValues = Record<string, string>;

export interface ConvertedRow<R> {
  record?: R;
  issues: RowIssue[];
}

/** An existing record a row duplicates, and whether the importer may change it. */
export interface Existing {
  id: string;
  label: string;
  changeable: boolean;
  /** the duplicate key it was found by ('cc:…' for a credit code) */
  key?: string;
}

export interface BatchRow<R> {
  rowNo: number;
  record: R;
}

/**
 * What is loaded once per import run (users by name, custom field definitions, pick lists) and
 * then used for every row; keeps per-row work free of queries.
 */
export interface TargetSession<R> {
  /** values of one row to a record, or the reasons it cannot be one; no database access */
  convert(values: MappedValues): ConvertedRow<R>;
  /** checks needing the database (owners named in the file within the importer's scope): issues per record */
  check(db: Executor, records: R[]): Promise<RowIssue[][]>;
  /** keys by which two records are the same (credit code, phone, normalised name…) */
  duplicateKeys(record: R): string[];
  /** existing records sharing a key with each record: one query for the whole batch */
  findExisting(db: Executor, records: R[]): Promise<(Existing | null)[]>;
  /** multi-row insert of new records; returns their ids in order */
  insert(db: Executor, rows: BatchRow<R>[]): Promise<string[]>;
  /** applies the row's mapped values to an existing record (policy "update") */
  update(db: Executor, id: string, record: R): Promise<void>;
  /** a record as it will be stored, in words, for the preview */
  display(record: R): Record<string, string>;
  /** a record's name for messages and the audit log */
  label(record: R): string;
}

/**
 * An object that files can be imported into. Accounts and contacts register now; products and
 * orders register the same way when they arrive (see targets/index.ts).
 */
export interface ImportTarget<R = unknown> {
  /** URL and API name: 'accounts' */
  name: string;
  /** permission object: 'account' (the role needs its `import` action) */
  object: string;
  label: Record<Locale, string>;
  /** tables an import fills, analysed as they grow */
  analyze: readonly string[];
  fields(db: Executor, tenantId: string): Promise<ImportField[]>;
  open(db: Executor, ctx: Ctx, opts: { ownerId: string; unitId: string; policy: DuplicatePolicy }): Promise<TargetSession<R>>;
}

const targets = new Map<string, ImportTarget>();

export function registerImportTarget<R>(target: ImportTarget<R>): ImportTarget<R> {
  targets.set(target.name, target as ImportTarget);
  return target;
}

export const importTarget = (name: string): ImportTarget | undefined => targets.get(name);
export const importTargetNames = (): string[] => [...targets.keys()];

export type { Principal };
