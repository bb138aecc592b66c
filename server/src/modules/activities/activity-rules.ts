import { AppError, type FieldIssue } from '../../platform/http/errors.ts';
import { locatedKinds, type ActivityKind } from './activities.schema.ts';

/** The fields whose combination depends on the kind; checked on the whole record after an update is merged. */
export interface ActivityShape {
  kind: ActivityKind;
  occurredAt: Date | null;
  startsAt: Date | null;
  durationMinutes: number | null;
  locationAddress: string | null;
  locationLat: number | null;
  locationLng: number | null;
  dueAt: Date | null;
  reminderAt: Date | null;
}

/**
 * A task has a due date and a reminder but no time of its own; the other kinds have a time —
 * when it happened or when it is planned, not both — and only visits and meetings have a place.
 */
export function shapeIssues(a: ActivityShape): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const refuse = (field: keyof ActivityShape, reason: string) => issues.push({ field, reason });
  if (a.kind === 'task') {
    if (a.occurredAt) refuse('occurredAt', 'a task has dueAt, not a time of its own');
    if (a.startsAt) refuse('startsAt', 'a task has dueAt, not a time of its own');
  } else {
    if (a.dueAt) refuse('dueAt', 'only tasks have a due time');
    if (a.reminderAt) refuse('reminderAt', 'only tasks have a reminder');
    if (a.occurredAt && a.startsAt) refuse('startsAt', 'send either occurredAt (it happened) or startsAt (it is planned), not both');
    if (!a.occurredAt && !a.startsAt) refuse('occurredAt', 'when it happened (occurredAt) or is planned (startsAt)');
  }
  if (a.durationMinutes != null && !a.startsAt) refuse('durationMinutes', 'a duration needs startsAt');
  const located = a.locationAddress != null || a.locationLat != null || a.locationLng != null;
  if (located && !(locatedKinds as readonly string[]).includes(a.kind)) refuse('locationAddress', 'only visits and meetings have a place');
  if ((a.locationLat == null) !== (a.locationLng == null)) refuse('locationLat', 'send locationLat and locationLng together');
  return issues;
}

export function assertShape(a: ActivityShape, more: FieldIssue[] = []): void {
  const issues = [...more, ...shapeIssues(a)];
  if (issues.length) throw new AppError('validation_failed', {}, issues);
}

/** The one time an activity sorts and filters by (the `at` column). */
export const activityTime = (a: Pick<ActivityShape, 'startsAt' | 'occurredAt' | 'dueAt'>, createdAt: Date): Date =>
  a.startsAt ?? a.occurredAt ?? a.dueAt ?? createdAt;

/** When a timed activity ends, for calendars. */
export const activityEnd = (a: { startsAt: Date | null; durationMinutes: number | null }): Date | null =>
  a.startsAt && a.durationMinutes ? new Date(a.startsAt.getTime() + a.durationMinutes * 60_000) : null;
