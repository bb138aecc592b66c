import type { Ctx } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { listTimelineSources, type TimelineEntry, type TimelinePosition } from './timeline.sources.ts';

/** Newest first; entries of the same microsecond by id, so the order is total and a cursor exact. */
export function newestFirst(a: Pick<TimelineEntry, 'sortAt' | 'id'>, b: Pick<TimelineEntry, 'sortAt' | 'id'>): number {
  if (a.sortAt !== b.sortAt) return a.sortAt < b.sortAt ? 1 : -1;
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1;
}

const positionPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decodePosition(raw: string | undefined): TimelinePosition | undefined {
  const c = decodeCursor(raw);
  if (!c) return undefined;
  if (!positionPattern.test(String(c.v)) || !uuidPattern.test(c.id)) {
    throw new AppError('validation_failed', {}, [{ field: 'query.cursor', reason: 'not a cursor from this API' }]);
  }
  return { at: String(c.v), id: c.id };
}

/**
 * One page of an account's timeline. Every source returns its own newest `limit + 1` entries before
 * the cursor; the page is the newest `limit` of their union, which must lie among them, and a longer
 * union means there is more. The cursor is the last entry's (time, id), valid for every source.
 */
export async function readTimeline(ctx: Ctx, accountId: string, q: { limit: number; cursor?: string; types?: string[] }) {
  const before = decodePosition(q.cursor);
  const wanted = q.types?.length ? new Set(q.types) : undefined;
  const pages = await Promise.all(
    listTimelineSources().map((source) => {
      const types = wanted ? source.types.filter((t) => wanted.has(t)) : source.types;
      return types.length ? source.page(ctx, accountId, { before, limit: q.limit + 1, types }).then((entries) => ({ source, entries })) : { source, entries: [] };
    }),
  );
  const merged = pages.flatMap(({ source, entries }) => entries.map((e) => ({ ...e, key: source.key }))).sort(newestFirst);
  const items = merged.slice(0, q.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((e) => ({ id: e.id, type: e.type, at: new Date(e.sortAt).toISOString(), [e.key]: e.payload })),
    nextCursor: merged.length > q.limit ? encodeCursor({ v: last.sortAt, id: last.id }) : null,
  };
}
