import { z } from 'zod';
import { viewSharings } from './saved-views.schema.ts';

/** A list column or sort field: a built-in field name, or custom.<key>. */
const fieldRef = z.string().regex(/^(custom\.)?[A-Za-z][A-Za-z0-9_]{0,59}$/, 'a field name or custom.<key>');
const sortSchema = z.object({ field: fieldRef, order: z.enum(['asc', 'desc']) });

const filters = z
  .record(z.string().max(60), z.unknown())
  .refine((f) => JSON.stringify(f).length <= 8000, 'at most 8000 characters')
  .describe("the list endpoint's query parameters; customFilters as an object or its JSON text");

export const createViewBody = z.object({
  objectType: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(60),
  sharing: z.enum(viewSharings).default('personal'),
  filters: filters.default({}),
  columns: z.array(fieldRef).max(100).default([]).describe('in display order'),
  sort: sortSchema.nullish(),
});
export type CreateViewInput = z.infer<typeof createViewBody>;

export const updateViewBody = z.strictObject({
  version: z.number().int(),
  name: z.string().trim().min(1).max(60).optional(),
  sharing: z.enum(viewSharings).optional(),
  filters: filters.optional(),
  columns: z.array(fieldRef).max(100).optional(),
  sort: sortSchema.nullish(),
});
export type UpdateViewInput = z.infer<typeof updateViewBody>;

export const viewSchema = z
  .object({
    id: z.uuid(),
    objectType: z.string(),
    name: z.string(),
    ownerId: z.uuid(),
    ownerName: z.string().nullable(),
    sharing: z.enum(viewSharings),
    filters: z.record(z.string(), z.unknown()),
    columns: z.array(z.string()),
    sort: sortSchema.nullable(),
    isDefault: z.boolean().describe("your default view of this object type's list"),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    permissions: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'SavedView' });
export type ViewDto = z.infer<typeof viewSchema>;

export const listViewsQuery = z.object({ objectType: z.string().trim().min(1).max(40) });
export const idParams = z.object({ id: z.uuid() });
export const objectTypeParams = z.object({ objectType: z.string().min(1).max(40) });
