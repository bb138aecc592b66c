import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns, ts } from '../../platform/db/columns.ts';
import type { FieldType } from './field-types.ts';

export interface Label {
  'zh-CN': string;
  'en-US': string;
}

/** A choice of a select field. `value` is stored on records and never changes; the order is the array's. */
export interface SelectOption {
  value: string;
  label: Label;
  /** hidden from new input; records keep the value */
  archived: boolean;
}

// A definition is archived, never deleted, so its key stays taken: the soft-delete columns do not apply.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- destructured to leave them out
const { deletedAt, deletedBy, ...definitionColumns } = recordColumns();

/**
 * Customer-defined fields of an object type. Values live in the record table's `custom` JSONB
 * column under `key`, so adding, renaming or archiving a field never rewrites a record table.
 */
export const customFieldDefinitions = pgTable(
  'custom_field_definitions',
  {
    ...definitionColumns,
    objectType: text('object_type').notNull(),
    /** the JSON key on records: chosen once, never changed, never reused (archived keys stay taken) */
    key: text('key').notNull(),
    label: jsonb('label').$type<Label>().notNull(),
    type: text('type').$type<FieldType>().notNull(),
    options: jsonb('options').$type<SelectOption[]>().notNull().default([]),
    required: boolean('required').notNull().default(false),
    unique: boolean('unique').notNull().default(false),
    /** "filterable/sortable": an expression index per tenant serves range filters and sorting */
    indexed: boolean('indexed').notNull().default(false),
    defaultValue: jsonb('default_value').$type<unknown>(),
    helpText: jsonb('help_text').$type<Label>(),
    /** section of the form the field appears in */
    group: text('group'),
    position: integer('position').notNull().default(0),
    archivedAt: ts('archived_at'),
    archivedBy: uuid('archived_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('custom_field_definitions_key_uq').on(t.tenantId, t.objectType, t.key),
    index('custom_field_definitions_position_idx').on(t.tenantId, t.objectType, t.position),
  ],
);

export type FieldDefinition = typeof customFieldDefinitions.$inferSelect;
