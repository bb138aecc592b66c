import { z } from 'zod';
import { listQuery } from '../../platform/http/pagination.ts';
import { optionalText } from '../accounts/account-fields.ts';
import { customFiltersParam, customInputSchema, customOutputSchema } from '../custom-fields/index.ts';
import { activityKinds } from './activities.schema.ts';

const time = z.iso.datetime({ offset: true });
const ids = z.array(z.uuid()).max(50).transform((list) => [...new Set(list)]);
const named = z.object({ id: z.uuid(), name: z.string().nullable().describe('null when the record is outside your data scope') });

export const activitySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(activityKinds),
    subject: z.string(),
    content: z.string().nullable().optional().describe('masked or absent when your role masks or hides it'),
    occurredAt: z.iso.datetime().nullable(),
    startsAt: z.iso.datetime().nullable(),
    durationMinutes: z.number().int().nullable(),
    endsAt: z.iso.datetime().nullable().describe('startsAt plus the duration'),
    at: z.iso.datetime().describe('the time lists, the timeline and calendars use: startsAt, occurredAt, dueAt or createdAt'),
    locationAddress: z.string().nullable().optional(),
    locationLat: z.number().nullable().optional(),
    locationLng: z.number().nullable().optional(),
    accountId: z.uuid().nullable(),
    accountName: z.string().nullable().describe('null when the account is outside your data scope'),
    contactId: z.uuid().nullable(),
    contactName: z.string().nullable().describe('null when the contact is outside your data scope'),
    opportunityId: z.uuid().nullable(),
    participantUsers: z.array(named),
    participantContacts: z.array(named),
    result: z.string().nullable().optional(),
    nextStep: z.string().nullable().optional(),
    dueAt: z.iso.datetime().nullable(),
    reminderAt: z.iso.datetime().nullable(),
    completedAt: z.iso.datetime().nullable(),
    completedBy: z.uuid().nullable(),
    overdue: z.boolean().describe('an open task past its due time'),
    assigneeId: z.uuid().nullable().describe("a task's assignee, who is also its owner; null for other kinds"),
    ownerId: z.uuid(),
    ownerName: z.string().nullable(),
    unitId: z.uuid(),
    unitName: z.string().nullable(),
    createdBy: z.uuid().nullable(),
    custom: customOutputSchema,
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    permissions: z.object({ update: z.boolean(), delete: z.boolean(), assign: z.boolean() }),
  })
  .meta({ id: 'Activity' });
export type ActivityDto = z.infer<typeof activitySchema>;

/** Fields a caller may set; none carry defaults so the update body can reuse them as "absent = unchanged". */
const editable = {
  subject: z.string().trim().min(1).max(200),
  content: optionalText(20_000),
  occurredAt: time.nullish().describe('when it happened; default for a non-task without startsAt: now'),
  startsAt: time.nullish().describe('when it is planned to start (meeting, visit, call)'),
  durationMinutes: z.number().int().min(1).max(7 * 24 * 60).nullish().describe('with startsAt'),
  locationAddress: optionalText(300).describe('visits and meetings'),
  locationLat: z.number().min(-90).max(90).nullish(),
  locationLng: z.number().min(-180).max(180).nullish(),
  accountId: z.uuid().nullish().describe('must be an account you can see'),
  contactId: z.uuid().nullish().describe('must be a contact you can see'),
  opportunityId: z.uuid().nullish(),
  participantUserIds: ids,
  participantContactIds: ids,
  result: optionalText(2_000),
  nextStep: optionalText(2_000),
  dueAt: time.nullish().describe('tasks only'),
  reminderAt: time.nullish().describe('tasks only: an in-app notification to the assignee at this time'),
  ownerId: z.uuid().describe("default: you; a task's owner is its assignee"),
  assigneeId: z.uuid().describe('tasks only: another name for ownerId'),
  unitId: z.uuid().describe("default: the owner's unit"),
  custom: customInputSchema,
};

export const createActivityBody = z.object({
  kind: z.enum(activityKinds),
  ...editable,
  participantUserIds: editable.participantUserIds.optional(),
  participantContactIds: editable.participantContactIds.optional(),
  ownerId: editable.ownerId.optional(),
  assigneeId: editable.assigneeId.optional(),
  unitId: editable.unitId.optional(),
  custom: editable.custom.optional(),
});
export type CreateActivityInput = z.infer<typeof createActivityBody>;

export const updateActivityBody = z
  .object({ version: z.number().int(), ...editable })
  .partial()
  .required({ version: true });
export type UpdateActivityInput = z.infer<typeof updateActivityBody>;

export const versionBody = z.object({ version: z.number().int().describe('the version you read') });

const csv = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined));
const flag = z.enum(['true', 'false']).optional().transform((v) => v === 'true');

export const listActivitiesQuery = listQuery.extend({
  kind: csv.pipe(z.array(z.enum(activityKinds)).optional()).describe('comma-separated kinds: visit,call'),
  accountId: z.uuid().optional(),
  contactId: z.uuid().optional().describe('the activity is about this contact or has them as a participant'),
  opportunityId: z.uuid().optional().describe('the activity is about this opportunity'),
  ownerId: z.uuid().optional(),
  from: time.optional().describe('at ≥ from'),
  to: time.optional().describe('at < to'),
  openTasks: flag.describe('tasks not completed yet'),
  overdue: flag.describe('open tasks past their due time'),
  customFilters: customFiltersParam,
  sort: z.enum(['at', 'createdAt']).default('at'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ListActivitiesQuery = z.infer<typeof listActivitiesQuery>;

export const idParams = z.object({ id: z.uuid() });
