import dayjs, { type Dayjs } from 'dayjs';
import type { ActivityKind, CreateActivityInput, CustomField } from '../../app/api/schemas';
import { customForCreate, customFormValues, type CustomValues } from '../custom-fields/custom-values';
import { locatedKinds } from './activity-kinds';

export interface ActivityFormValues {
  kind: ActivityKind;
  subject: string;
  content: string;
  /** when it happened or is planned (not tasks); empty: now, when saved */
  time: Dayjs | null;
  durationMinutes: number | null;
  locationAddress: string;
  contactId: string | undefined;
  opportunityId: string | undefined;
  result: string;
  nextStep: string;
  /** tasks */
  dueAt: Dayjs | null;
  reminderAt: Dayjs | null;
  assigneeId: string | undefined;
  custom: CustomValues;
}

export const newActivity = (defs: CustomField[]): ActivityFormValues => ({
  kind: 'visit',
  subject: '',
  content: '',
  time: null,
  durationMinutes: null,
  locationAddress: '',
  contactId: undefined,
  opportunityId: undefined,
  result: '',
  nextStep: '',
  dueAt: null,
  reminderAt: null,
  assigneeId: undefined,
  custom: customFormValues(defs),
});

const orNull = (s: string) => s.trim() || null;

/**
 * The API's shape rules: a task has a due time and a reminder, the other kinds a time. A time with a
 * duration, or one still ahead, is when it starts (startsAt); otherwise when it happened (occurredAt).
 */
export function createBody(accountId: string, defs: CustomField[], v: ActivityFormValues): CreateActivityInput {
  const base = {
    kind: v.kind,
    subject: v.subject.trim(),
    content: orNull(v.content),
    accountId,
    contactId: v.contactId ?? null,
    opportunityId: v.opportunityId ?? null,
    result: orNull(v.result),
    nextStep: orNull(v.nextStep),
    custom: customForCreate(defs, v.custom),
  };
  if (v.kind === 'task') {
    return { ...base, dueAt: v.dueAt?.toISOString() ?? null, reminderAt: v.reminderAt?.toISOString() ?? null, ...(v.assigneeId ? { assigneeId: v.assigneeId } : {}) };
  }
  // No time given: it happened now, as it is saved.
  const time = v.time ?? dayjs();
  const planned = !!v.durationMinutes || time.isAfter(dayjs());
  return {
    ...base,
    ...(planned ? { startsAt: time.toISOString(), durationMinutes: v.durationMinutes || null } : { occurredAt: time.toISOString() }),
    locationAddress: locatedKinds.includes(v.kind) ? orNull(v.locationAddress) : null,
  };
}
