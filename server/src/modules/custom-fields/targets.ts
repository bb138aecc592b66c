import { getTableName } from 'drizzle-orm';
import { index, jsonb, type AnyPgColumn, type ExtraConfigColumn, type PgTable } from 'drizzle-orm/pg-core';

export type CustomValues = Record<string, unknown>;

/** The `custom` column of a record table: every customer-defined value of the record, by field key. */
export const customColumn = () => jsonb('custom').$type<CustomValues>().notNull().default({});

/**
 * The one GIN index a record table needs for custom fields: `custom @> '{"key": value}'` serves
 * equality, `in` and multi-select filters on every field of every tenant. jsonb_path_ops is smaller
 * and faster than the default operator class, and containment is all we ask of it.
 */
export const customGinIndex = (table: string, custom: ExtraConfigColumn) =>
  index(`${table}_custom_gin`).using('gin', custom.op('jsonb_path_ops'));

/** What the custom-fields module needs of a record table. */
export type CustomFieldTable = PgTable & {
  tenantId: AnyPgColumn;
  id: AnyPgColumn;
  custom: AnyPgColumn;
  deletedAt?: AnyPgColumn;
};

export interface CustomFieldTarget {
  /** the object type fields are defined for: 'account', 'contact', 'activity', … */
  objectType: string;
  table: CustomFieldTable;
}

const targets = new Map<string, CustomFieldTarget>();

/** Record modules register the table holding their `custom` column; only registered types accept fields. */
export function registerCustomFieldTarget(target: CustomFieldTarget): CustomFieldTarget {
  targets.set(target.objectType, target);
  return target;
}

export const getCustomFieldTarget = (objectType: string) => targets.get(objectType);
export const listCustomFieldTargets = () => [...targets.values()];

/** Table and column names as they appear in DDL; the column names come from the drizzle table. */
export function physicalNames(target: CustomFieldTarget) {
  return {
    table: getTableName(target.table),
    tenantId: target.table.tenantId.name,
    id: target.table.id.name,
    custom: target.table.custom.name,
    deletedAt: target.table.deletedAt?.name,
  };
}
