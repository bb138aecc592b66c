import { z } from 'zod';
import { AppError } from './errors.ts';

/**
 * Cursor pagination on (sort value, id): stable under inserts and index-only at any depth, where
 * OFFSET would scan every skipped row.
 */
export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().optional().describe('opaque cursor from the previous page'),
  fields: z.string().optional().describe('comma-separated fields to return'),
});

export interface Cursor {
  v: string | number | null;
  id: string;
}

export const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify(c)).toString('base64url');

export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString()) as Cursor;
    if (typeof c.id !== 'string') throw new Error('bad cursor');
    return c;
  } catch {
    throw new AppError('validation_failed', {}, [{ field: 'query.cursor', reason: 'not a cursor from this API' }]);
  }
}

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Keep only the requested fields (always id and permissions). */
export function selectFields<T extends Record<string, unknown>>(item: T, fields?: string): Partial<T> {
  if (!fields) return item;
  const wanted = new Set(['id', 'permissions', ...fields.split(',').map((f) => f.trim())]);
  return Object.fromEntries(Object.entries(item).filter(([k]) => wanted.has(k))) as Partial<T>;
}
