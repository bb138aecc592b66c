import { z } from 'zod';
import { normalizePhone } from '../../../platform/text/phone.ts';
import type { ContactDraft } from '../../contacts-vcard/vcard.types.ts';
import type { ContactPhoto } from '../contacts.queries.ts';
import { MAX_PHOTO_BYTES, photoTypes, type MappingWarning } from './vcard-transfer.types.ts';

/** The stored fields a card provides; owner, unit and custom values are the import's, not the card's. */
export interface CardFields {
  name: string;
  title: string | null;
  department: string | null;
  phones: string[];
  emails: string[];
  birthday: string | null;
  notes: string | null;
  organisation: string | null;
}

export interface MappedCard {
  fields: CardFields;
  photo: ContactPhoto | null;
  warnings: MappingWarning[];
}

/** The same limits as the create body (contacts.types.ts), so an imported contact can be saved in the form unchanged. */
const limits = { name: 100, title: 100, department: 100, notes: 2000, organisation: 200 } as const;
const MAX_VALUES = 20;
const email = z.email();

/**
 * A parsed card as a contact. Unlike the create body, which refuses a bad value, an import keeps
 * what it can: a phone that is not one or an over-long note cost a warning, not the whole card.
 * Values are normalised exactly as the create body does it (phones to digits, e-mails lower case).
 */
export function draftToContact(draft: ContactDraft): MappedCard {
  const warnings: MappingWarning[] = [];
  const line = draft.source.line;
  const warn = (code: MappingWarning['code'], detail?: string) => warnings.push({ code, line, detail });

  const text = (field: keyof typeof limits, value: string | null): string | null => {
    const trimmed = value?.trim();
    if (!trimmed) return null;
    if (trimmed.length <= limits[field]) return trimmed;
    warn('shortened', field);
    return trimmed.slice(0, limits[field]).trim();
  };

  const phones: string[] = [];
  for (const { value } of draft.phones) {
    const phone = value.length <= 40 ? normalizePhone(value) : null;
    if (phone) phones.push(phone);
    else warn('bad_phone', value);
  }
  const emails: string[] = [];
  for (const { value } of draft.emails) {
    const address = value.trim().toLowerCase();
    if (email.safeParse(address).success) emails.push(address);
    else warn('bad_email', value);
  }

  let birthday = draft.birthday;
  if (birthday?.startsWith('--')) {
    // The contact's birthday is a date column: a month and day without a year cannot be stored.
    warn('birthday_without_year', birthday);
    birthday = null;
  }

  const dropped = [draft.addresses.length ? 'ADR' : null, draft.urls.length ? 'URL' : null].filter(Boolean);
  if (dropped.length) warn('not_kept', dropped.join(', '));

  return {
    fields: {
      // Never null: the parser skips a card without a name, phone, e-mail or organisation, and trims what it reads.
      name: text('name', draft.name)!,
      title: text('title', draft.title),
      department: text('department', draft.department),
      phones: capped([...new Set(phones)], 'phones', warn),
      emails: capped([...new Set(emails)], 'emails', warn),
      birthday,
      notes: text('notes', draft.note),
      organisation: text('organisation', draft.organisation),
    },
    photo: photoOf(draft, warn),
    warnings,
  };
}

function capped(values: string[], field: string, warn: (code: 'shortened', detail: string) => void): string[] {
  if (values.length <= MAX_VALUES) return values;
  warn('shortened', field);
  return values.slice(0, MAX_VALUES);
}

function photoOf(draft: ContactDraft, warn: (code: MappingWarning['code'], detail?: string) => void): ContactPhoto | null {
  if (!draft.photo) {
    // Fetching a URL named in an uploaded file would let the file make the server call anywhere.
    if (draft.photoUrl) warn('photo_url', draft.photoUrl);
    return null;
  }
  const bytes = Buffer.from(draft.photo.bytes, 'base64');
  if (!photoTypes.includes(draft.photo.mediaType)) {
    warn('photo_type', draft.photo.mediaType);
    return null;
  }
  if (bytes.length > MAX_PHOTO_BYTES) {
    warn('photo_too_large', String(bytes.length));
    return null;
  }
  return { mediaType: draft.photo.mediaType, bytes };
}
