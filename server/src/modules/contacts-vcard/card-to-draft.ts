import type { CharsetDecoder } from './charset.ts';
import { param, type ContentLine } from './content-line.ts';
import type { RawCard } from './card-blocks.ts';
import { readBirthday } from './birthday.ts';
import { readPhoto } from './photo.ts';
import { isBase64Encoding } from './unfold.ts';
import { components, decodeBase64, decodeQuotedPrintable, unescapeText } from './value-decoding.ts';
import type { ContactDraft, TypedValue, VCardAddress, VCardWarning } from './vcard.types.ts';

/**
 * One card's properties become a ContactDraft. Only what a CRM contact holds is read; everything else
 * (X- properties, SOUND, GEO, KEY…) is ignored without a warning, since it is not a problem in the
 * file. Where a property repeats (ORG, TITLE in AOSP v21_pref_handling) the first one wins.
 */
class CardReader {
  readonly warnings: VCardWarning[];
  /** Apple groups a property with its label: item2.TEL + item2.X-ABLabel:_$!<AssistantPhone>!$_ */
  private readonly labels = new Map<string, string>();

  constructor(
    private readonly card: RawCard,
    private readonly decoder: CharsetDecoder,
  ) {
    this.warnings = [...card.warnings];
    for (const cl of card.lines) {
      if (cl.name === 'X-ABLABEL' && cl.group) {
        const label = this.text(cl).replace(/^_\$!<(.*)>!\$_$/, '$1').trim().toLowerCase();
        if (label) this.labels.set(cl.group, label);
      }
    }
  }

  all = (name: string) => this.card.lines.filter((cl) => cl.name === name);
  first = (name: string) => this.card.lines.find((cl) => cl.name === name);

  private warn(w: VCardWarning) {
    // One "charset guessed" per card is enough for the report.
    if (w.code === 'charset_guessed' && this.warnings.some((x) => x.code === w.code)) return;
    this.warnings.push(w);
  }

  /** The value as text: transfer encoding undone, charset applied, escapes still in place. */
  raw(cl: ContentLine): string {
    let bytes = cl.value;
    const encoding = param(cl, 'ENCODING')?.toUpperCase();
    if (encoding === 'QUOTED-PRINTABLE') bytes = decodeQuotedPrintable(bytes);
    else if (isBase64Encoding(encoding)) {
      const decoded = decodeBase64(bytes.toString('latin1'));
      if (decoded) bytes = decoded;
      else this.warn({ code: 'bad_base64', line: cl.line });
    }
    const { text, problem } = this.decoder.decode(bytes, param(cl, 'CHARSET'));
    if (problem) this.warn({ code: problem.code, line: cl.line, detail: problem.detail });
    return text;
  }

  text = (cl: ContentLine) => unescapeText(this.raw(cl)).trim();
  parts = (cl: ContentLine) => components(this.raw(cl)).map((s) => s.trim());

  types(cl: ContentLine): string[] {
    const types = (cl.params.get('TYPE') ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean);
    if (cl.params.has('PREF')) types.push('pref');
    const label = cl.group ? this.labels.get(cl.group) : undefined;
    if (label) types.push(label);
    return [...new Set(types)];
  }

  typedValues(name: string, clean: (s: string) => string): TypedValue[] {
    return this.all(name)
      .map((cl) => ({ value: clean(this.text(cl)), types: this.types(cl) }))
      .filter((v) => v.value !== '');
  }
}

const HAN_ONLY = /^[\u3400-\u9fff\uf900-\ufaff]+$/u;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;

/** Chinese names read family name first without a space (张三); Western names given name first. */
function composeName(family: string, given: string, additional: string, prefix: string, suffix: string): string {
  if (CJK.test(family + given)) return HAN_ONLY.test(family + given) ? family + given : [family, given].filter(Boolean).join(' ');
  return [prefix, given, additional, family, suffix].filter(Boolean).join(' ');
}

/** 4.0 writes tel:+1-418-656-9254;ext=102; a CRM stores the number as people read it. */
const cleanPhone = (s: string) => s.replace(/^tel:/i, '').replace(/;ext=/i, ' ext. ').trim();
/** 2.1 Outlook/Android: EMAIL;INTERNET:"Omega" <omega@example.com>. */
const cleanEmail = (s: string) => (/<([^<>\s]+@[^<>\s]+)>/.exec(s)?.[1] ?? s).replace(/^mailto:/i, '').trim();
const cleanUrl = (s: string) => s.trim();

function addresses(r: CardReader): VCardAddress[] {
  return r
    .all('ADR')
    .map((cl) => {
      const [poBox = '', extended = '', street = '', city = '', region = '', postalCode = '', country = ''] = r.parts(cl);
      return { types: r.types(cl), poBox, extended, street, city, region, postalCode, country };
    })
    .filter((a) => [a.poBox, a.extended, a.street, a.city, a.region, a.postalCode, a.country].some(Boolean));
}

function photo(r: CardReader, warnings: VCardWarning[]): Pick<ContactDraft, 'photo' | 'photoUrl'> {
  let url: string | null = null;
  for (const cl of r.all('PHOTO')) {
    const result = readPhoto(cl);
    if (!result) continue;
    if ('photo' in result) return { photo: result.photo, photoUrl: null };
    if ('url' in result) url ??= result.url;
    else warnings.push(result.warning);
  }
  return { photo: null, photoUrl: url };
}

/** The draft, or the warnings of a card that holds nothing a contact could be made of. */
export function cardToDraft(card: RawCard, decoder: CharsetDecoder): ContactDraft | { skipped: VCardWarning[] } {
  const r = new CardReader(card, decoder);
  const nameParts = r.first('N') ? r.parts(r.first('N')!) : [];
  const [family = '', given = '', additional = '', prefix = '', suffix = ''] = nameParts;
  const orgUnits = r.first('ORG') ? r.parts(r.first('ORG')!) : [];
  const organisation = orgUnits[0] || null;
  const department = orgUnits.slice(1).filter(Boolean).join(' / ') || null;
  const phones = r.typedValues('TEL', cleanPhone);
  const emails = r.typedValues('EMAIL', cleanEmail);
  const fn = r.first('FN') ? r.text(r.first('FN')!) : '';
  const name = fn || composeName(family, given, additional, prefix, suffix) || organisation || emails[0]?.value || phones[0]?.value || '';
  if (!name) return { skipped: [...r.warnings, { code: 'empty_card', line: card.line }] };

  const notes = r.all('NOTE').map(r.text).filter(Boolean);
  const title = r.first('TITLE') ? r.text(r.first('TITLE')!) : '';
  const warnings = r.warnings;
  const birthday = readBirthday(r.all('BDAY').map((cl) => ({ text: r.text(cl), line: cl.line, omitYear: param(cl, 'X-APPLE-OMIT-YEAR') })), warnings);
  return {
    name,
    familyName: family || null,
    givenName: given || null,
    organisation,
    title: title || null,
    department,
    phones,
    emails,
    addresses: addresses(r),
    urls: r.typedValues('URL', cleanUrl),
    birthday,
    note: notes.length ? notes.join('\n\n') : null,
    ...photo(r, warnings),
    warnings,
    source: { card: card.index, line: card.line, version: card.version },
  };
}
