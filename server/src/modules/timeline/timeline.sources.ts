import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Ctx } from '../../platform/http/context.ts';

/** A place in the timeline: UTC ISO time with microseconds (see platform/db/time-key.ts) and the entry's id. */
export interface TimelinePosition {
  at: string;
  id: string;
}

export interface TimelineEntry {
  /** utcMicros() of the entry's time: compared as text when the sources' pages are merged */
  sortAt: string;
  id: string;
  type: string;
  /** what the source says about the entry; it appears under the source's key */
  payload: unknown;
}

/**
 * Something that happens to an account and belongs on its timeline: activities, record changes, and
 * later orders, payments, tickets, campaign responses. A module registers a source and the timeline
 * merges it — it knows no source by name.
 */
export interface TimelineSource {
  /** unique name of the source */
  name: string;
  /** the property holding the payload in each entry ('activity', 'change', 'order'); sources may share one */
  key: string;
  /** the entry types it produces, which callers filter on: the activity kinds, 'change', … */
  types: readonly string[];
  /** the payload's schema, for the response schema and the OpenAPI document */
  schema: z.ZodType;
  /**
   * Up to `limit` entries of the account visible to the caller, of the given types, newest first by
   * (time, id), strictly before `before`. The account itself has been checked to be visible.
   */
  page(ctx: Ctx, accountId: string, opts: { before?: TimelinePosition; limit: number; types: readonly string[] }): Promise<TimelineEntry[]>;
}

const sources = new Map<string, TimelineSource>();

export function registerTimelineSource(source: TimelineSource): void {
  sources.set(source.name, source);
}
export const listTimelineSources = () => [...sources.values()];
export const timelineTypes = () => [...new Set(listTimelineSources().flatMap((s) => s.types))];

/** The keyset condition every source applies: (time, id) before the position, as one index range. */
export const beforePosition = (at: AnyPgColumn, id: AnyPgColumn, pos: TimelinePosition | undefined): SQL | undefined =>
  pos ? sql`(${at}, ${id}) < (${pos.at}::timestamptz, ${pos.id}::uuid)` : undefined;
