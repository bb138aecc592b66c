import { applyFieldRules } from '../../platform/access/fields.ts';
import { can, type Principal } from '../../platform/access/principal.ts';
import { presentCustom, type FieldDefinition } from '../custom-fields/index.ts';
import type { ActivityRecord } from './activities.queries.ts';
import type { ActivityDto } from './activities.types.ts';
import { activityEnd } from './activity-rules.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The only way an activity leaves the server: what the caller may do with it, and sensitive fields masked. */
export function presentActivity(p: Principal, a: ActivityRecord, defs: FieldDefinition[], now = new Date()): ActivityDto {
  const dto: ActivityDto = {
    id: a.id,
    kind: a.kind,
    subject: a.subject,
    content: a.content,
    occurredAt: iso(a.occurredAt),
    startsAt: iso(a.startsAt),
    durationMinutes: a.durationMinutes,
    endsAt: iso(activityEnd(a)),
    at: a.at.toISOString(),
    locationAddress: a.locationAddress,
    locationLat: a.locationLat,
    locationLng: a.locationLng,
    accountId: a.accountId,
    accountName: a.accountName,
    contactId: a.contactId,
    contactName: a.contactName,
    opportunityId: a.opportunityId,
    participantUsers: a.participantUsers,
    participantContacts: a.participantContacts,
    result: a.result,
    nextStep: a.nextStep,
    dueAt: iso(a.dueAt),
    reminderAt: iso(a.reminderAt),
    completedAt: iso(a.completedAt),
    completedBy: a.completedBy,
    overdue: a.kind === 'task' && !a.completedAt && !!a.dueAt && a.dueAt < now,
    assigneeId: a.kind === 'task' ? a.ownerId : null,
    ownerId: a.ownerId,
    ownerName: a.ownerName,
    unitId: a.unitId,
    unitName: a.unitName,
    createdBy: a.createdBy,
    custom: presentCustom(defs, a.custom),
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    // Records reach the presenter through the scoped queries, so the grant alone decides.
    permissions: { update: can(p, 'activity', 'update'), delete: can(p, 'activity', 'delete'), assign: can(p, 'activity', 'assign') },
  };
  return applyFieldRules(p, 'activity', dto);
}
