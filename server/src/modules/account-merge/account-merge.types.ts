import { z } from 'zod';
import { accountSchema } from '../accounts/accounts.types.ts';
import { choosableFields } from './merge-fields.ts';

const versioned = z.object({ id: z.uuid(), version: z.number().int().min(1) });

export const mergeBody = z
  .object({
    survivor: versioned.describe('the account that stays, with the version you read'),
    merged: z.array(versioned).min(1).max(20).describe('the accounts merged into it (they are soft-deleted), with the versions you read'),
    fields: z
      .partialRecord(z.enum(choosableFields), z.uuid())
      .optional()
      .describe("per field, the id of the account whose value the survivor takes ('address' brings the region with it); unset: the survivor's value, or the first merged account's when the survivor's is empty"),
  })
  .meta({ id: 'AccountMergeRequest' });

export const mergeQuery = z.object({
  dryRun: z.enum(['true', 'false']).optional().describe('true: do nothing, answer what would happen'),
});

export const movedCountSchema = z.object({
  link: z.string().describe('"table.column" pointing at the account, e.g. "activities.account_id"'),
  count: z.number().int(),
});

export const mergeResultSchema = z
  .object({
    mergeId: z.uuid().nullable().describe('null for a dry run'),
    survivor: accountSchema.describe('the survivor as it is (or would be) after the merge'),
    moved: z.array(movedCountSchema).describe('rows moved to the survivor, per link'),
    removed: z.array(movedCountSchema).describe('rows dropped because the survivor already had them (the same contact linked to both)'),
    sources: z.record(z.string(), z.uuid()).describe('per choosable field, the account its value came from'),
  })
  .meta({ id: 'AccountMergeResult' });

export const accountMergeSchema = z
  .object({
    id: z.uuid(),
    survivorId: z.uuid(),
    survivorName: z.string(),
    merged: z.array(z.object({ id: z.uuid(), name: z.string() })),
    moved: z.array(movedCountSchema),
    createdAt: z.iso.datetime(),
    createdById: z.uuid().nullable(),
    createdByName: z.string().nullable(),
    undoneAt: z.iso.datetime().nullable(),
    undoableUntil: z.iso.datetime().describe('undo is refused after this time'),
    canUndo: z.boolean().describe('not undone yet and still within the undo period; undo may still be refused when records changed since'),
  })
  .meta({ id: 'AccountMerge' });
export type AccountMergeDto = z.infer<typeof accountMergeSchema>;

export const listMergesQuery = z.object({
  accountId: z.uuid().optional().describe('only merges this account took part in (as survivor or merged)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const mergeIdParams = z.object({ id: z.uuid() });
