import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, ne, not, or } from 'drizzle-orm';
import type { Ctx } from '../../platform/http/context.ts';
import { loadCustomFields } from '../custom-fields/index.ts';
import { presentActivity } from './activities.presenter.ts';
import { activityScope, openTask, selectActivities, withParticipants, type ActivityRow } from './activities.queries.ts';
import { activities, eventKinds, type ActivityKind } from './activities.schema.ts';
import { dayBounds } from './day-bounds.ts';

/** More than this in one bucket is not a day anyone plans; the UI links to the filtered list. */
export const BUCKET_CAP = 200;
/** A month view with room to spare. */
export const CALENDAR_CAP = 1_000;

/** My own activities: what I own (a task's owner is its assignee), within my scope. */
const mine = (ctx: Ctx) => and(activityScope(ctx.principal), eq(activities.ownerId, ctx.principal.userId));

/** Presents a few lists with one load of the custom field definitions. */
async function presenter(ctx: Ctx, now: Date) {
  const p = ctx.principal;
  const defs = await loadCustomFields(ctx.readDb, p.tenantId, 'activity');
  return async (rows: ActivityRow[]) => {
    const records = await withParticipants(ctx.readDb, p, rows);
    return records.map((r) => presentActivity(p, r, defs, now));
  };
}

/**
 * "My day" around `now` in a time zone, in three buckets that never overlap:
 * overdue — my open tasks due before now (earlier today included);
 * tasks — my tasks due today that are not overdue: still to do later today, or done;
 * events — my visits, meetings and calls taking place today.
 */
export async function myDay(ctx: Ctx, opts: { now: Date; timeZone: string }) {
  const { now, timeZone } = opts;
  const day = dayBounds(now, timeZone);
  const db = ctx.readDb;
  const p = ctx.principal;
  const [overdue, tasks, events] = await Promise.all([
    selectActivities(db, p).where(and(mine(ctx), openTask(), lt(activities.dueAt, now)))
      .orderBy(asc(activities.dueAt), asc(activities.id)).limit(BUCKET_CAP),
    selectActivities(db, p).where(and(
      mine(ctx), eq(activities.kind, 'task'), gte(activities.dueAt, day.start), lt(activities.dueAt, day.end),
      not(and(isNull(activities.completedAt), lt(activities.dueAt, now))!),
    )).orderBy(asc(activities.dueAt), asc(activities.id)).limit(BUCKET_CAP),
    selectActivities(db, p).where(and(mine(ctx), inArray(activities.kind, eventKinds), gte(activities.at, day.start), lt(activities.at, day.end)))
      .orderBy(asc(activities.at), asc(activities.id)).limit(BUCKET_CAP),
  ]);
  const present = await presenter(ctx, now);
  return { date: day.date, timeZone, overdue: await present(overdue), tasks: await present(tasks), events: await present(events) };
}

/**
 * My activities with a time in [from, to), earliest first, for week and month views. A task is on
 * the calendar at its due time; one without a due date has no place there.
 */
export async function calendar(ctx: Ctx, opts: { from: Date; to: Date; kinds?: readonly ActivityKind[]; now?: Date; cap?: number }) {
  const cap = opts.cap ?? CALENDAR_CAP;
  const rows = await selectActivities(ctx.readDb, ctx.principal)
    .where(and(
      mine(ctx),
      gte(activities.at, opts.from),
      lt(activities.at, opts.to),
      or(ne(activities.kind, 'task'), isNotNull(activities.dueAt)),
      opts.kinds ? inArray(activities.kind, [...opts.kinds]) : undefined,
    ))
    .orderBy(asc(activities.at), asc(activities.id))
    .limit(cap + 1);
  const present = await presenter(ctx, opts.now ?? new Date());
  return { items: await present(rows.slice(0, cap)), truncated: rows.length > cap };
}
