import { z } from 'zod';
import { listTimelineSources, timelineTypes } from './timeline.sources.ts';

/**
 * Built when the routes register, after every module has registered its sources (at import): each
 * source's payload appears under its key, and the type filter accepts exactly the known types.
 */
export function timelineSchemas() {
  const types = timelineTypes() as [string, ...string[]];
  const payloads = new Map<string, z.ZodType>();
  for (const source of listTimelineSources()) if (!payloads.has(source.key)) payloads.set(source.key, source.schema);
  const entry = z.object({
    id: z.uuid(),
    type: z.enum(types),
    at: z.iso.datetime(),
    ...Object.fromEntries([...payloads].map(([key, schema]) => [key, schema.optional().describe(`present when the entry comes from ${key}`)])),
  });
  const query = z.object({
    limit: z.coerce.number().int().min(1).max(100).default(30),
    cursor: z.string().optional().describe('opaque cursor from the previous page'),
    type: z
      .string()
      .optional()
      .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined))
      .pipe(z.array(z.enum(types)).optional())
      .describe(`comma-separated entry types: ${types.join(', ')}`),
  });
  return { entry, query, page: z.object({ items: z.array(entry), nextCursor: z.string().nullable() }) };
}

export const accountParams = z.object({ id: z.uuid() });
