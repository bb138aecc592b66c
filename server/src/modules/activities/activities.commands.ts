import { and, eq } from 'drizzle-orm';
import { can, type Principal } from '../../platform/access/principal.ts';
import { audit, diff } from '../../platform/audit/audit.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, forbidden, invalid, notFound, type FieldIssue } from '../../platform/http/errors.ts';
import { resolveOwnership, type Ownership } from '../accounts/ownership.ts';
import { diffCustom, validateCustom } from '../custom-fields/index.ts';
import { findActivity, getActivity, readBackActivity, type ActivityRecord } from './activities.queries.ts';
import { activities, type ActivityKind } from './activities.schema.ts';
import type { CreateActivityInput, UpdateActivityInput } from './activities.types.ts';
import { assertLinks } from './activity-links.ts';
import { activityTime, assertShape } from './activity-rules.ts';
import { recordFollowUp } from './follow-up.ts';
import { scheduleReminder } from './task-reminder.job.ts';

/** What the audit log records of an activity. */
export const auditedActivityFields = [
  'kind', 'subject', 'content', 'occurredAt', 'startsAt', 'durationMinutes', 'locationAddress', 'locationLat', 'locationLng',
  'accountId', 'contactId', 'opportunityId', 'participantUserIds', 'participantContactIds', 'result', 'nextStep',
  'dueAt', 'reminderAt', 'completedAt', 'ownerId', 'unitId',
] as const;

/** The fields a create or update sets, as stored. */
interface StoredFields {
  subject: string;
  content: string | null;
  occurredAt: Date | null;
  startsAt: Date | null;
  durationMinutes: number | null;
  locationAddress: string | null;
  locationLat: number | null;
  locationLng: number | null;
  accountId: string | null;
  contactId: string | null;
  opportunityId: string | null;
  participantUserIds: string[];
  participantContactIds: string[];
  result: string | null;
  nextStep: string | null;
  dueAt: Date | null;
  reminderAt: Date | null;
}
const storedKeys = [
  'subject', 'content', 'occurredAt', 'startsAt', 'durationMinutes', 'locationAddress', 'locationLat', 'locationLng', 'accountId', 'contactId',
  'opportunityId', 'participantUserIds', 'participantContactIds', 'result', 'nextStep', 'dueAt', 'reminderAt',
] as const satisfies readonly (keyof StoredFields)[];
const timeKeys = new Set<string>(['occurredAt', 'startsAt', 'dueAt', 'reminderAt']);

/** Input values as stored: ISO strings become dates, absent optional values null. */
function fromInput(input: CreateActivityInput | UpdateActivityInput, key: keyof StoredFields): unknown {
  const value = input[key];
  if (value === undefined || value === null) return value;
  return timeKeys.has(key) ? new Date(value as string) : value;
}

/** `assigneeId` is a task's name for its owner; it must not contradict ownerId. */
function wantedOwner(kind: ActivityKind, input: { ownerId?: string; assigneeId?: string }): { ownerId?: string; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  if (input.assigneeId && kind !== 'task') issues.push({ field: 'assigneeId', reason: 'only tasks have an assignee; use ownerId' });
  if (input.assigneeId && input.ownerId && input.assigneeId !== input.ownerId) issues.push({ field: 'assigneeId', reason: "a task's assignee is its owner: send one of them" });
  return { ownerId: input.assigneeId ?? input.ownerId, issues };
}

const auditLabel = (a: { subject: string }) => a.subject;

export async function createActivity(ctx: Ctx, input: CreateActivityInput): Promise<ActivityRecord> {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const now = new Date();
    const fields = Object.fromEntries(storedKeys.map((k) => [k, fromInput(input, k) ?? null])) as unknown as StoredFields;
    fields.participantUserIds ??= [];
    fields.participantContactIds ??= [];
    // Logging what just happened is the common case: a call or visit without a time happened now.
    if (input.kind !== 'task' && !fields.occurredAt && !fields.startsAt) fields.occurredAt = now;
    const wanted = wantedOwner(input.kind, input);
    assertShape({ kind: input.kind, ...fields }, wanted.issues);
    const owner = await resolveOwnership(tx, p, 'activity', { ownerId: wanted.ownerId, unitId: input.unitId });
    await assertLinks(tx, p, fields);
    const custom = await validateCustom(tx, p.tenantId, 'activity', input.custom, { mode: 'create' });
    const id = newId();
    await tx.insert(activities).values({
      tenantId: p.tenantId,
      id,
      kind: input.kind,
      ...fields,
      ...owner,
      at: activityTime(fields, now),
      custom,
      createdAt: now,
      updatedAt: now,
      createdBy: p.userId,
      updatedBy: p.userId,
    });
    const created = await readBackActivity(tx, p, id);
    await audit(tx, ctx.actor, {
      action: 'create', objectType: 'activity', objectId: id, objectLabel: auditLabel(created),
      changes: { ...diff(null, created, auditedActivityFields), ...diffCustom(null, custom) },
    });
    await recordFollowUp(tx, p.tenantId, created, now);
    await scheduleReminder(tx, created);
    return created;
  });
}

/** Reassigning is the assign right; moving within the owner's reach is checked like any owned record. */
async function nextOwnership(tx: Executor, p: Principal, before: ActivityRecord, ownerId: string | undefined, unitId: string | undefined): Promise<Ownership> {
  const ownerChanged = ownerId !== undefined && ownerId !== before.ownerId;
  const unitChanged = unitId !== undefined && unitId !== before.unitId;
  if (!ownerChanged && !unitChanged) return { ownerId: before.ownerId, unitId: before.unitId };
  if (ownerChanged && !can(p, 'activity', 'assign')) throw forbidden();
  return resolveOwnership(tx, p, 'activity', { ownerId, unitId }, before);
}

export async function updateActivity(ctx: Ctx, id: string, input: UpdateActivityInput): Promise<ActivityRecord> {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const before = await getActivity(tx, p, id);
    if (before.version !== input.version) throw new AppError('version_conflict');
    // Absent fields stay as they were; null clears.
    const fields = Object.fromEntries(storedKeys.map((k) => {
      const value = fromInput(input, k);
      return [k, value === undefined ? before[k] : value];
    })) as unknown as StoredFields;
    fields.participantUserIds ??= [];
    fields.participantContactIds ??= [];
    const wanted = wantedOwner(before.kind, input);
    assertShape({ kind: before.kind, ...fields }, wanted.issues);
    const owner = await nextOwnership(tx, p, before, wanted.ownerId, input.unitId);
    await assertLinks(tx, p, fields, before);
    const custom = input.custom === undefined
      ? before.custom
      : await validateCustom(tx, p.tenantId, 'activity', input.custom, { mode: 'update', existing: before.custom, recordId: id });
    const now = new Date();
    const [row] = await tx
      .update(activities)
      .set({ ...fields, ...owner, at: activityTime(fields, before.createdAt), custom, version: before.version + 1, updatedAt: now, updatedBy: p.userId })
      .where(and(eq(activities.tenantId, p.tenantId), eq(activities.id, id), eq(activities.version, input.version)))
      .returning({ id: activities.id });
    if (!row) throw new AppError('version_conflict');
    const after = await readBackActivity(tx, p, id);
    await audit(tx, ctx.actor, {
      action: 'update', objectType: 'activity', objectId: id, objectLabel: auditLabel(after),
      changes: { ...diff(before, after, auditedActivityFields), ...diffCustom(before.custom, after.custom) },
    });
    if (after.accountId !== before.accountId || after.at.getTime() !== before.at.getTime()) await recordFollowUp(tx, p.tenantId, after, now);
    if (after.reminderAt?.getTime() !== before.reminderAt?.getTime()) await scheduleReminder(tx, after);
    return after;
  });
}

async function getTask(tx: Executor, p: Principal, id: string, version: number): Promise<ActivityRecord> {
  const task = await getActivity(tx, p, id);
  if (task.kind !== 'task') throw invalid('kind', 'only tasks are completed and reopened');
  if (task.version !== version) throw new AppError('version_conflict');
  return task;
}

/** Completing a task is a follow-up of its account; completing it twice changes nothing. */
export async function completeTask(ctx: Ctx, id: string, version: number): Promise<ActivityRecord> {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const task = await getTask(tx, p, id, version);
    if (task.completedAt) return task;
    const now = new Date();
    await tx
      .update(activities)
      .set({ completedAt: now, completedBy: p.userId, version: task.version + 1, updatedAt: now, updatedBy: p.userId })
      .where(and(eq(activities.tenantId, p.tenantId), eq(activities.id, id)));
    const after = await readBackActivity(tx, p, id);
    await audit(tx, ctx.actor, { action: 'complete', objectType: 'activity', objectId: id, objectLabel: auditLabel(after), changes: diff(task, after, ['completedAt']) });
    await recordFollowUp(tx, p.tenantId, after, now);
    return after;
  });
}

export async function reopenTask(ctx: Ctx, id: string, version: number): Promise<ActivityRecord> {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const task = await getTask(tx, p, id, version);
    if (!task.completedAt) return task;
    await tx
      .update(activities)
      .set({ completedAt: null, completedBy: null, version: task.version + 1, updatedAt: new Date(), updatedBy: p.userId })
      .where(and(eq(activities.tenantId, p.tenantId), eq(activities.id, id)));
    const after = await readBackActivity(tx, p, id);
    await audit(tx, ctx.actor, { action: 'reopen', objectType: 'activity', objectId: id, objectLabel: auditLabel(after), changes: diff(task, after, ['completedAt']) });
    // Its reminder is due again unless it already went out.
    await scheduleReminder(tx, after);
    return after;
  });
}

export async function deleteActivity(ctx: Ctx, id: string): Promise<void> {
  const { principal: p } = ctx;
  await ctx.db.transaction(async (tx) => {
    const activity = await getActivity(tx, p, id);
    await tx
      .update(activities)
      .set({ deletedAt: new Date(), deletedBy: p.userId, version: activity.version + 1 })
      .where(and(eq(activities.tenantId, p.tenantId), eq(activities.id, id)));
    await audit(tx, ctx.actor, { action: 'delete', objectType: 'activity', objectId: id, objectLabel: auditLabel(activity) });
  });
}

export async function restoreActivity(ctx: Ctx, id: string): Promise<void> {
  const { principal: p } = ctx;
  await ctx.db.transaction(async (tx) => {
    const activity = await findActivity(tx, p, id, { includeDeleted: true });
    if (!activity?.deletedAt) throw notFound();
    await tx
      .update(activities)
      .set({ deletedAt: null, deletedBy: null, version: activity.version + 1, updatedAt: new Date(), updatedBy: p.userId })
      .where(and(eq(activities.tenantId, p.tenantId), eq(activities.id, id)));
    await audit(tx, ctx.actor, { action: 'restore', objectType: 'activity', objectId: id, objectLabel: auditLabel(activity) });
    await scheduleReminder(tx, { ...activity, deletedAt: null });
  });
}
