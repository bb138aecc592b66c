import { z } from 'zod';
import { unitKinds } from '../org.schema.ts';

export const unitSchema = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    kind: z.enum(unitKinds),
    name: z.string(),
    code: z.string().nullable(),
    depth: z.number().int(),
    sortOrder: z.number().int(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    permissions: z.object({ update: z.boolean(), delete: z.boolean(), createChild: z.boolean() }),
  })
  .meta({ id: 'OrgUnit' });
export type UnitDto = z.infer<typeof unitSchema>;

export const createUnitBody = z.object({
  parentId: z.uuid(),
  kind: z.enum(['branch', 'department']),
  name: z.string().trim().min(1).max(100),
  code: z.string().trim().max(40).nullish(),
  sortOrder: z.number().int().optional(),
});

export const updateUnitBody = z.object({
  version: z.number().int().describe('the version you read; a stale one gets 409'),
  name: z.string().trim().min(1).max(100).optional(),
  code: z.string().trim().max(40).nullish(),
  parentId: z.uuid().optional().describe('move the unit (and its subtree) under another unit'),
  sortOrder: z.number().int().optional(),
});

export const idParams = z.object({ id: z.uuid() });
