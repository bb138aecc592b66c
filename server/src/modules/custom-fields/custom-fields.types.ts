import { z } from 'zod';
import { FIELD_KEY, fieldTypes } from './field-types.ts';

const labelText = z.string().trim().min(1).max(60);
/** Both languages; an English label left out takes the Chinese one. */
export const labelSchema = z
  .object({ 'zh-CN': labelText, 'en-US': labelText.optional() })
  .transform((l) => ({ 'zh-CN': l['zh-CN'], 'en-US': l['en-US'] ?? l['zh-CN'] }));
const helpSchema = z
  .object({ 'zh-CN': z.string().trim().max(500), 'en-US': z.string().trim().max(500).optional() })
  .transform((l) => ({ 'zh-CN': l['zh-CN'], 'en-US': l['en-US'] ?? l['zh-CN'] }));

const optionSchema = z.object({
  value: z.string().trim().min(1).max(60).describe('stored on records; never changes'),
  label: labelSchema,
  archived: z.boolean().default(false).describe('hidden from new input; records keep the value'),
});

const flags = {
  required: z.boolean().describe('a value is needed when a record is created'),
  unique: z.boolean().describe('no two live records of the company share a value (text, number, money, url, phone, email)'),
  indexed: z.boolean().describe('filterable/sortable: builds an index for range filters, contains and sorting'),
};

export const createFieldBody = z.object({
  objectType: z.string().trim().min(1).max(40).describe("'account', 'contact', 'activity', …"),
  key: z.string().regex(FIELD_KEY, 'lower-case letters, digits and _, starting with a letter, at most 30').describe('JSON key on records; cannot be changed or reused'),
  label: labelSchema,
  type: z.enum(fieldTypes),
  options: z.array(optionSchema).max(500).default([]).describe('choices of select fields, in display order'),
  required: flags.required.default(false),
  unique: flags.unique.default(false),
  indexed: flags.indexed.default(false),
  defaultValue: z.unknown().optional().describe('applied on create when no value is sent'),
  helpText: helpSchema.nullish(),
  group: z.string().trim().min(1).max(60).nullish().describe('form section'),
});
export type CreateFieldInput = z.infer<typeof createFieldBody>;

/** key, type and objectType are fixed for life: stored values and indexes depend on them. */
export const updateFieldBody = z.strictObject({
  version: z.number().int(),
  label: labelSchema.optional(),
  options: z.array(optionSchema).max(500).optional().describe('every existing value must stay (archive it instead)'),
  required: flags.required.optional(),
  unique: flags.unique.optional(),
  indexed: flags.indexed.optional(),
  defaultValue: z.unknown().optional().describe('null removes the default'),
  helpText: helpSchema.nullish(),
  group: z.string().trim().min(1).max(60).nullish(),
});
export type UpdateFieldInput = z.infer<typeof updateFieldBody>;

export const reorderBody = z.object({
  objectType: z.string().trim().min(1).max(40),
  ids: z.array(z.uuid()).min(1).max(500).describe('every active field of the object type, in the new order'),
});

const labelOut = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

export const fieldSchema = z
  .object({
    id: z.uuid(),
    objectType: z.string(),
    key: z.string(),
    label: labelOut,
    type: z.enum(fieldTypes),
    options: z.array(z.object({ value: z.string(), label: labelOut, archived: z.boolean() })),
    required: z.boolean(),
    unique: z.boolean(),
    indexed: z.boolean(),
    defaultValue: z.unknown().nullable(),
    helpText: labelOut.nullable(),
    group: z.string().nullable(),
    position: z.number().int(),
    archived: z.boolean(),
    archivedAt: z.iso.datetime().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    permissions: z.object({ update: z.boolean(), archive: z.boolean(), restore: z.boolean() }),
  })
  .meta({ id: 'CustomField' });
export type FieldDto = z.infer<typeof fieldSchema>;

export const listFieldsQuery = z.object({
  objectType: z.string().trim().min(1).max(40),
  includeArchived: z.enum(['true', 'false']).default('false'),
});

export const idParams = z.object({ id: z.uuid() });
export const objectTypeParams = z.object({ objectType: z.string().min(1).max(40) });
