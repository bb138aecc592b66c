import { normalizeWithOffsets } from './normalize.ts';
import { normalizePhone, phoneKeys } from './phone.ts';
import { hasHan, pinyinForms } from './pinyin.ts';
import { compactCode, normalizeEmail, searchKey } from './search-keys.ts';
import type { ParsedQuery, SearchTerm } from './search-query.ts';

export interface HighlightCandidate {
  field: string;
  value: string | null | undefined;
  kind: 'name' | 'phone' | 'email' | 'code';
  /** read the first character as a surname when matching pinyin */
  person?: boolean;
}

export interface Highlight {
  field: string;
  text: string;
  /** [start, end) UTF-16 offsets into text, sorted, not overlapping */
  ranges: [number, number][];
}

/** Where a word occurs in one name: directly, in its full pinyin, or in its initials. */
function termRange(term: SearchTerm, value: string, person: boolean): [number, number] | null {
  const folded = normalizeWithOffsets(value);
  const toOriginal = (start: number, end: number): [number, number] => [folded.origin[start][0], folded.origin[end - 1][1]];
  const direct = term.mode === 'prefix' ? (folded.text.startsWith(term.text) ? 0 : -1) : folded.text.indexOf(term.text);
  if (direct >= 0) return toOriginal(direct, direct + term.text.length);
  if (!term.latin || !hasHan(folded.text)) return null;
  const forms = pinyinForms(folded.text, { person });
  const chars = Array.from(folded.text);
  // Offsets of each folded character in the folded string, to map pinyin spans back through `origin`.
  const charStart: number[] = [];
  chars.reduce((at, c) => (charStart.push(at), at + c.length), 0);
  for (const which of ['full', 'initial'] as const) {
    const haystack = which === 'full' ? forms.full : forms.initials;
    const at = term.mode === 'prefix' ? (haystack.startsWith(term.text) ? 0 : -1) : haystack.indexOf(term.text);
    if (at < 0) continue;
    const end = at + term.text.length;
    const covered = forms.spans.map((s, i) => ({ s: s[which], i })).filter(({ s }) => s[1] > at && s[0] < end && s[1] > s[0]);
    if (!covered.length) continue;
    const first = covered[0].i;
    const last = covered[covered.length - 1].i;
    return toOriginal(charStart[first], charStart[last] + chars[last].length);
  }
  return null;
}

function merge(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const prev = out[out.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

function exactKey(c: HighlightCandidate, value: string): string[] {
  switch (c.kind) {
    case 'phone': {
      const phone = normalizePhone(value);
      return phone ? phoneKeys(phone).map((k) => searchKey('tel', k)) : [];
    }
    case 'email':
      return [searchKey('mail', normalizeEmail(value))];
    case 'code':
      return [searchKey('code', compactCode(value))];
    default:
      return [];
  }
}

/**
 * The field to show under a search result and the spans of it that matched. Candidates are tried
 * in order; a name matching every word of the keyword wins over one matching only some.
 */
export function highlight(query: ParsedQuery, candidates: HighlightCandidate[]): Highlight | null {
  let partial: Highlight | null = null;
  for (const c of candidates) {
    if (!c.value) continue;
    if (c.kind !== 'name') {
      if (exactKey(c, c.value).some((k) => query.keys.includes(k))) return { field: c.field, text: c.value, ranges: [[0, c.value.length]] };
      continue;
    }
    const found = query.terms.map((t) => termRange(t, c.value!, !!c.person)).filter((r): r is [number, number] => !!r);
    if (found.length === query.terms.length && found.length) return { field: c.field, text: c.value, ranges: merge(found) };
    if (found.length && !partial) partial = { field: c.field, text: c.value, ranges: merge(found) };
  }
  return partial;
}
