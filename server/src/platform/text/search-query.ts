import { chunks, startToken } from './chunks.ts';
import { isLatin, normalizeText } from './normalize.ts';
import { normalizePhone } from './phone.ts';
import { compactCode, normalizeEmail, searchKey } from './search-keys.ts';

/**
 * How one word of a keyword is matched:
 * - `prefix`: a single character; names (or initials) starting with it, via the "^x" start tokens.
 *   A one-character substring search would touch most of the table, so it is not offered.
 * - `chunks`: Chinese or mixed text of 2+ characters, or 2 Latin letters (initials); every chunk
 *   must be present (index) and the word must occur in the names or Latin forms (recheck).
 * - `latin`: 3+ Latin letters/digits; a substring of pinyin, initials or English words, answered
 *   by the pg_trgm index.
 */
export type TermMode = 'prefix' | 'chunks' | 'latin';

export interface SearchTerm {
  text: string;
  mode: TermMode;
  /** for `prefix`: the start token; for `chunks`: the chunks */
  grams: string[];
  latin: boolean;
}

export interface ParsedQuery {
  raw: string;
  /** all words folded and joined: what an exact or prefix match compares with */
  normalized: string;
  terms: SearchTerm[];
  /** exact keys the keyword could be (name, phone, e-mail, code); any one matching is an exact hit */
  keys: string[];
}

export function parseSearchQuery(raw: string): ParsedQuery {
  const words = raw.trim().split(/\s+/).map(normalizeText).filter(Boolean);
  const terms = words.map((text): SearchTerm => {
    const latin = isLatin(text);
    const length = Array.from(text).length;
    if (length === 1) return { text, mode: 'prefix', grams: [startToken(text)!], latin };
    if (latin && length >= 3) return { text, mode: 'latin', grams: [], latin };
    return { text, mode: 'chunks', grams: chunks(text), latin };
  });
  const normalized = words.join('');
  const keys = new Set<string>();
  if (normalized) keys.add(searchKey('name', normalized));
  const trimmed = raw.trim();
  if (/^[\d\s+\-().（）]+$/.test(trimmed)) {
    const phone = normalizePhone(trimmed);
    if (phone && phone.replace(/\D/g, '').length >= 7) keys.add(searchKey('tel', phone));
  }
  if (trimmed.includes('@')) keys.add(searchKey('mail', normalizeEmail(trimmed)));
  const code = compactCode(trimmed);
  if (/^[0-9A-Z_-]{6,}$/.test(code)) keys.add(searchKey('code', code));
  return { raw, normalized, terms, keys: [...keys] };
}
