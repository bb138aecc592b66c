import { foldLine } from './fold.ts';
import type { ContactForExport, TypedValue, VCardAddress } from './vcard.types.ts';

/**
 * vCard export, 3.0 by default (what Outlook, Android and older iPhones read best) or 4.0. Output is
 * UTF-8 text with CRLF line ends, folded at 75 octets.
 *
 * 3.0 and 4.0 differ here in three places: TYPE is upper-case in 3.0 and lower-case in 4.0 (both
 * accept either; each matches what its own generation of clients writes); "pref" becomes PREF=1 in
 * 4.0; PHOTO is `ENCODING=b;TYPE=JPEG:<base64>` in 3.0 and a data: URI in 4.0.
 */
export type ExportVersion = '3.0' | '4.0';
export interface VCardExportOptions {
  version?: ExportVersion;
}

/** TEXT escaping (RFC 6350 §3.4, RFC 2426 §5): backslash first, then ; , and line breaks. */
export const escapeText = (s: string) =>
  s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

/** URIs and phone numbers are not TEXT: they are written as they are, only kept on one line. */
const oneLine = (s: string) => s.replace(/\r\n|\r|\n/g, ' ');

/** A parameter value: plain when it is a token, quoted otherwise (a double quote cannot be written). */
function paramValue(v: string): string {
  const clean = oneLine(v).replace(/"/g, '');
  return /^[A-Za-z0-9-]+$/.test(clean) ? clean : `"${clean}"`;
}

function typeParams(types: string[] | undefined, version: ExportVersion): string {
  const list = [...new Set((types ?? []).map((t) => t.trim()).filter(Boolean))];
  const pref = list.some((t) => t.toLowerCase() === 'pref');
  const rest = version === '4.0' ? list.filter((t) => t.toLowerCase() !== 'pref') : list;
  const params: string[] = [];
  if (rest.length) {
    const values = rest.map((t) => paramValue(version === '4.0' ? t.toLowerCase() : t.toUpperCase()));
    params.push(`TYPE=${values.join(',')}`);
  }
  if (pref && version === '4.0') params.push('PREF=1');
  return params.map((p) => `;${p}`).join('');
}

const structured = (parts: (string | null | undefined)[]) => parts.map((p) => escapeText(p ?? '')).join(';');

const addressLine = (a: VCardAddress, version: ExportVersion) =>
  `ADR${typeParams(a.types, version)}:${structured([a.poBox, a.extended, a.street, a.city, a.region, a.postalCode, a.country])}`;

const typedLines = (name: string, values: TypedValue[] | undefined, version: ExportVersion, write: (v: string) => string) =>
  (values ?? []).filter((v) => v.value.trim()).map((v) => `${name}${typeParams(v.types, version)}:${write(v.value.trim())}`);

/** 4.0 dates are basic format (19800322, --0322); 3.0 takes ISO 8601 with dashes. */
function birthdayLine(birthday: string, version: ExportVersion): string | null {
  const m = /^(\d{4}|--)-?(\d{2})-(\d{2})$/.exec(birthday);
  if (!m) return null;
  const [, year, mm, dd] = m;
  if (version === '4.0') return `BDAY:${year === '--' ? '--' : year}${mm}${dd}`;
  return year === '--' ? `BDAY:--${mm}-${dd}` : `BDAY;VALUE=date:${year}-${mm}-${dd}`;
}

function photoLine(c: ContactForExport, version: ExportVersion): string | null {
  if (c.photo?.bytes) {
    const bytes = c.photo.bytes.replace(/\s+/g, '');
    const mediaType = c.photo.mediaType.toLowerCase();
    if (version === '4.0') return `PHOTO:data:${mediaType};base64,${bytes}`;
    const subtype = mediaType.replace(/^image\//, '').toUpperCase();
    return `PHOTO;ENCODING=b;TYPE=${paramValue(subtype)}:${bytes}`;
  }
  if (c.photoUrl) return version === '4.0' ? `PHOTO:${oneLine(c.photoUrl)}` : `PHOTO;VALUE=uri:${oneLine(c.photoUrl)}`;
  return null;
}

function contactLines(c: ContactForExport, version: ExportVersion): string[] {
  const lines: (string | null)[] = [
    'BEGIN:VCARD',
    `VERSION:${version}`,
    'PRODID:-//Kehu//Kehu CRM//EN',
    `FN:${escapeText(c.name)}`,
    // N is required in 3.0 and costs nothing in 4.0.
    `N:${structured([c.familyName, c.givenName, '', '', ''])}`,
    c.organisation || c.department ? `ORG:${structured([c.organisation, ...(c.department ? [c.department] : [])])}` : null,
    c.title ? `TITLE:${escapeText(c.title)}` : null,
    ...typedLines('TEL', c.phones, version, oneLine),
    ...typedLines('EMAIL', c.emails, version, escapeText),
    ...(c.addresses ?? []).map((a) => addressLine(a, version)),
    ...typedLines('URL', c.urls, version, oneLine),
    c.birthday ? birthdayLine(c.birthday, version) : null,
    c.note ? `NOTE:${escapeText(c.note)}` : null,
    photoLine(c, version),
    'END:VCARD',
  ];
  return lines.filter((l): l is string => l !== null);
}

export function exportVCard(contact: ContactForExport, opts: VCardExportOptions = {}): string {
  const version = opts.version ?? '3.0';
  return contactLines(contact, version).map((l) => `${foldLine(l)}\r\n`).join('');
}

export function exportVCards(contacts: Iterable<ContactForExport>, opts: VCardExportOptions = {}): string {
  let out = '';
  for (const c of contacts) out += exportVCard(c, opts);
  return out;
}
