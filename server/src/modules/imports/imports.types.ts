import { z } from 'zod';
import { encodingOverrides } from './reader/encoding.ts';
import { duplicatePolicies, importStates, rowOutcomes } from './imports.schema.ts';

const label = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

export const importTargetSchema = z
  .object({
    name: z.string(),
    object: z.string(),
    label,
    fields: z.array(z.object({ key: z.string(), label, required: z.boolean() })),
  })
  .meta({ id: 'ImportTarget' });
export const importTargetListSchema = z.object({ items: z.array(importTargetSchema) });

const mappingSchema = z.array(z.object({ column: z.number().int().min(0).max(999), field: z.string().max(100) })).max(500);

export const importSchema = z
  .object({
    id: z.uuid(),
    target: z.string(),
    fileName: z.string(),
    fileSize: z.number().int(),
    state: z.enum(importStates),
    format: z.enum(['csv', 'xlsx', 'xls']),
    encoding: z.string().nullable(),
    headerRow: z.number().int().describe('1-based; 0: the file has no header row'),
    headers: z.array(z.string()),
    mapping: mappingSchema,
    duplicatePolicy: z.enum(duplicatePolicies),
    ownerId: z.uuid().nullable(),
    unitId: z.uuid().nullable(),
    totalRows: z.number().int().nullable(),
    processed: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    skipped: z.number().int(),
    errors: z.number().int(),
    rowsPerSecond: z.number().nullable(),
    secondsLeft: z.number().nullable(),
    failure: z.string().nullable(),
    createdAt: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
    sample: z.array(z.array(z.string())).optional().describe('the first rows of the file, as read, for the mapping screen'),
  })
  .meta({ id: 'Import' });
export type ImportDto = z.infer<typeof importSchema>;

export const importListSchema = z.object({ items: z.array(importSchema) });

export const uploadImportQuery = z.object({
  target: z.string().max(40).describe('accounts, contacts (GET /imports/targets)'),
  fileName: z.string().trim().min(1).max(255),
  encoding: z.enum(encodingOverrides).optional().describe('CSV only; detected when absent'),
  headerRow: z.coerce.number().int().min(0).max(50).optional().describe('1-based; 0 for none; found when absent'),
});

export const importSettingsBody = z.object({
  mapping: mappingSchema.optional(),
  encoding: z.enum(encodingOverrides).optional(),
  headerRow: z.number().int().min(0).max(50).optional(),
  duplicatePolicy: z.enum(duplicatePolicies).optional(),
  ownerId: z.uuid().nullish().describe('records land with this owner (default: you)'),
  unitId: z.uuid().nullish().describe("and in this unit (default: the owner's unit)"),
});
export type ImportSettings = z.infer<typeof importSettingsBody>;

export const previewSchema = z.object({
  import: importSchema,
  rows: z.array(
    z.object({
      rowNo: z.number().int(),
      outcome: z.enum(rowOutcomes),
      values: z.record(z.string(), z.string()).describe('the record as it will be stored, by field'),
      issues: z.array(z.object({ column: z.string(), value: z.string(), reason: z.string() })),
    }),
  ),
});

export const importParams = z.object({ id: z.uuid() });
export const reportQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
