import dayjs, { type Dayjs } from 'dayjs';
import type { Contact, CreateContactInput, CustomField, UpdateContactInput } from '../../app/api/schemas';
import { customChanges, customForCreate, customFormValues, type CustomValues } from '../custom-fields/custom-values';

export interface ContactFormValues {
  name: string;
  title: string;
  department: string;
  phones: string[];
  emails: string[];
  wechat: string;
  birthday: Dayjs | null;
  gender: Contact['gender'] | undefined;
  notes: string;
  ownerId: string | undefined;
  /** only when the contact is created from an account page */
  role: string;
  isPrimary: boolean;
  custom: CustomValues;
}

export function toFormValues(defs: CustomField[], c?: Contact): ContactFormValues {
  return {
    name: c?.name ?? '',
    title: c?.title ?? '',
    department: c?.department ?? '',
    phones: c?.phones ?? [],
    emails: c?.emails ?? [],
    wechat: c?.wechat ?? '',
    // A masked birthday (role rule) is not a date the picker could hold.
    birthday: c?.birthday && /^\d{4}-\d{2}-\d{2}$/.test(c.birthday) ? dayjs(c.birthday) : null,
    gender: c?.gender ?? undefined,
    notes: c?.notes ?? '',
    ownerId: c?.ownerId,
    role: '',
    isPrimary: false,
    custom: customFormValues(defs, c?.custom),
  };
}

const orNull = (s: string) => s.trim() || null;
const clean = (list: string[]) => list.map((s) => s.trim()).filter(Boolean);

function apiFields(v: ContactFormValues) {
  return {
    name: v.name.trim(),
    title: orNull(v.title),
    department: orNull(v.department),
    phones: clean(v.phones),
    emails: clean(v.emails),
    wechat: orNull(v.wechat),
    birthday: v.birthday ? v.birthday.format('YYYY-MM-DD') : null,
    gender: v.gender ?? null,
    notes: orNull(v.notes),
  };
}

export function createBody(defs: CustomField[], v: ContactFormValues, accountId?: string): CreateContactInput {
  return {
    ...apiFields(v),
    ownerId: v.ownerId,
    custom: customForCreate(defs, v.custom),
    ...(accountId ? { accountId, role: orNull(v.role), isPrimary: v.isPrimary } : {}),
  };
}

/** Only changed fields: a masked phone (138****8000) shown in the form must never be written back. */
export function updateBody(defs: CustomField[], contact: Contact, before: ContactFormValues, after: ContactFormValues): UpdateContactInput {
  const was = apiFields(before);
  const now = apiFields(after);
  const body: UpdateContactInput = { version: contact.version };
  for (const key of Object.keys(now) as (keyof typeof now)[]) {
    if (JSON.stringify(was[key]) !== JSON.stringify(now[key])) Object.assign(body, { [key]: now[key] });
  }
  if (after.ownerId && after.ownerId !== contact.ownerId) body.ownerId = after.ownerId;
  const custom = customChanges(defs, contact.custom, after.custom);
  if (custom) body.custom = custom;
  return body;
}
