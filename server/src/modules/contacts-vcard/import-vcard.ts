/**
 * vCard import: 2.1, 3.0 and 4.0 files, as phones, Outlook, Apple, Google and Android write them.
 *
 * Why a parser of our own: the two libraries at hand were tried on ../shared/data/vcard first.
 *  - `vcf` 2.1.2 crashes on vCard 2.1 bare parameters (`EMAIL;PREF:…` → "Cannot read properties of
 *    undefined (reading 'slice')", John_Doe_ANDROID.vcf, v21_blackberry_photo.vcf), leaves
 *    quoted-printable undecoded (`=0D=0A=` in Outlook notes), ignores CHARSET (SHIFT_JIS names come
 *    out as mojibake since it only takes strings), keeps the \r of iPhone's CR CR LF line ends and
 *    throws on a nested card.
 *  - `ical.js` 2.2 parses vCard 3.0/4.0 only: it throws on quoted-printable soft line breaks
 *    ("invalid line (no token ";" or ":")", outlook-2007.vcf, v21_japanese_2.vcf) and on 2.1 bare
 *    parameters ("Invalid parameters in 'EMAIL;PREF:…'").
 * Neither works on bytes, which a 2.1 file needs: its charset changes from one property to the next.
 * So this module reads bytes (unfold.ts → content-line.ts → card-blocks.ts), decodes each value with
 * its own charset through iconv-lite (charset.ts) and maps the properties a contact needs
 * (card-to-draft.ts). Nothing here throws on bad input: what cannot be read becomes a warning.
 */
import { readCardBlocks } from './card-blocks.ts';
import { cardToDraft } from './card-to-draft.ts';
import { CharsetDecoder, normaliseFileEncoding } from './charset.ts';
import type { VCardImportResult } from './vcard.types.ts';

export interface VCardImportOptions {
  /**
   * Charset for text that declares none and is not UTF-8, when the user knows better than the guess
   * (e.g. "GBK" for an old Chinese phone's export).
   */
  fallbackCharset?: string;
}

export function importVCards(input: Buffer | Uint8Array | string, opts: VCardImportOptions = {}): VCardImportResult {
  const bytes = normaliseFileEncoding(typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength));
  const decoder = new CharsetDecoder(bytes, opts.fallbackCharset);
  const cards = readCardBlocks(bytes);
  const result: VCardImportResult = { contacts: [], skipped: [], cardCount: cards.length };
  for (const card of cards) {
    const draft = cardToDraft(card, decoder);
    if ('skipped' in draft) result.skipped.push({ card: card.index, line: card.line, warnings: draft.skipped });
    else result.contacts.push(draft);
  }
  return result;
}
