import type { Principal } from '../../../platform/access/principal.ts';
import { fieldRule } from '../../accounts/field-masks.ts';
import type { ContactForExport } from '../../contacts-vcard/vcard.types.ts';
import type { ContactPhoto, ContactRecord } from '../contacts.queries.ts';

/** The contact fields a vCard carries that a role may mask or hide (see contacts.objects.ts). */
const sensitiveInCard = ['phones', 'emails', 'birthday'] as const;
export type SensitiveCardField = (typeof sensitiveInCard)[number];

/**
 * Fields left out of the caller's export: every field their role masks or hides. A masked value
 * (138****8000) is for reading on screen; written into a vCard it would be imported by a phone as
 * a number that dials nobody, so a masked field is omitted rather than exported masked.
 */
export const omittedFields = (p: Principal): SensitiveCardField[] => sensitiveInCard.filter((f) => fieldRule(p, 'contact', f) !== undefined);

/** Mainland mobile numbers are marked as such, so phones file them under "mobile". */
const phoneTypes = (digits: string) => (/^1\d{10}$/.test(digits) ? ['cell'] : []);

/**
 * A contact as the vCard writer takes it. The organisation is the first account it is linked to
 * that the caller may see (primary first), else the organisation text from its own card.
 */
export function contactToCard(c: ContactRecord, photo: ContactPhoto | undefined, omitted: SensitiveCardField[]): ContactForExport {
  const shown = (f: SensitiveCardField) => !omitted.includes(f);
  return {
    name: c.name,
    organisation: c.accounts[0]?.accountName ?? c.organisation,
    department: c.department,
    title: c.title,
    phones: shown('phones') ? c.phones.map((value) => ({ value, types: phoneTypes(value) })) : [],
    emails: shown('emails') ? c.emails.map((value) => ({ value, types: [] })) : [],
    birthday: shown('birthday') ? c.birthday : null,
    note: c.notes,
    photo: photo ? { mediaType: photo.mediaType, bytes: photo.bytes.toString('base64') } : null,
  };
}
