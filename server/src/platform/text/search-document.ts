import { chunks, startToken } from './chunks.ts';
import { normalizeText } from './normalize.ts';
import { normalizeEmail, searchKey, compactCode } from './search-keys.ts';
import { normalizePhone, phoneKeys } from './phone.ts';
import { hasHan, pinyinForms } from './pinyin.ts';

/** The search columns of one record; see search.columns.ts for how each is indexed. */
export interface SearchDocument {
  /** folded names, one per line: substring test and ranking of Chinese keywords */
  searchNames: string;
  /** full pinyin, initials and Latin words, space-separated: pg_trgm answers Latin keywords of 3+ letters */
  searchLatin: string;
  /** 2-character chunks of names and initials plus "^x" start tokens: GIN-indexed candidate filter */
  searchGrams: string[];
  /** exact keys ("name:…", "tel:…", "mail:…", "code:…"): GIN-indexed equality */
  searchKeys: string[];
}

export interface SearchInput {
  /** every name the record is known by: full, short, English, former… (first is the main one) */
  names: (string | null | undefined)[];
  /** a person's name: the first character is read as a surname (单 → shan) */
  person?: boolean;
  phones?: (string | null | undefined)[];
  emails?: (string | null | undefined)[];
  /** identifiers matched whole, case-insensitively: registration codes, WeChat ids */
  codes?: (string | null | undefined)[];
}

const present = (v: string | null | undefined): v is string => !!v && v.trim().length > 0;
// GIN keys have a size limit; no real name comes near it, pasted paragraphs might.
const clip = (s: string) => Array.from(s).slice(0, 200).join('');

export function buildSearchDocument(input: SearchInput): SearchDocument {
  const names = [...new Set(input.names.filter(present).map((n) => clip(normalizeText(n))).filter(Boolean))];
  const latin = new Set<string>();
  const grams = new Set<string>();
  const keys = new Set<string>();
  const addChunks = (text: string) => {
    for (const g of chunks(text)) grams.add(g);
    const start = startToken(text);
    if (start) grams.add(start);
  };
  names.forEach((name, i) => {
    addChunks(name);
    keys.add(searchKey('name', name));
    if (hasHan(name)) {
      const forms = pinyinForms(name, { person: input.person && i === 0 });
      if (forms.full) latin.add(forms.full);
      if (forms.initials) {
        latin.add(forms.initials);
        addChunks(forms.initials);
      }
    }
    const word = name.replace(/[^a-z0-9]/g, '');
    if (word && !hasHan(name)) {
      latin.add(word);
      addChunks(word);
    }
  });
  for (const phone of (input.phones ?? []).filter(present)) {
    const normalized = normalizePhone(phone);
    if (normalized) phoneKeys(normalized).forEach((k) => keys.add(searchKey('tel', k)));
  }
  for (const email of (input.emails ?? []).filter(present)) keys.add(searchKey('mail', normalizeEmail(email)));
  for (const code of (input.codes ?? []).filter(present)) keys.add(searchKey('code', compactCode(code)));
  return { searchNames: names.join('\n'), searchLatin: [...latin].join(' '), searchGrams: [...grams], searchKeys: [...keys] };
}
