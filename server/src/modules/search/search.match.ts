import { and, arrayContains, arrayOverlaps, or, sql, type SQL } from 'drizzle-orm';
import type { ParsedQuery } from '../../platform/text/search-query.ts';
import type { SearchColumns } from './search.columns.ts';

/**
 * The SQL of one keyword against a record's search columns: every word must match (see TermMode),
 * or one of the exact keys (phone, e-mail, code, whole name) must. Lists use it as their `q`
 * filter; the search box adds a rank.
 */
export function searchMatch(cols: SearchColumns, query: ParsedQuery, opts: { keys?: string[] } = {}): SQL {
  const keys = opts.keys ?? query.keys;
  const grams = query.terms.flatMap((t) => t.grams);
  const conditions: (SQL | undefined)[] = [];
  if (grams.length) conditions.push(arrayContains(cols.searchGrams, grams));
  for (const term of query.terms) {
    if (term.mode === 'latin') conditions.push(sql`${cols.searchLatin} like ${`%${term.text}%`}`);
    // The chunks were all present; this drops rows where they are not adjacent in one name.
    if (term.mode === 'chunks') conditions.push(sql`(strpos(${cols.searchNames}, ${term.text}) > 0 or strpos(${cols.searchLatin}, ${term.text}) > 0)`);
  }
  const words = query.terms.length ? and(...conditions) : undefined;
  const exact = keys.length ? arrayOverlaps(cols.searchKeys, keys) : undefined;
  return or(words, exact) ?? sql`false`;
}

/**
 * 0: an exact key (the whole name, the phone, the e-mail, the code); 1: a name, pinyin or initials
 * starting with the keyword; 2: contained anywhere. Names are stored one per line and Latin forms
 * space-separated, so "starts with" is "follows a line or word boundary".
 */
export function searchRank(cols: SearchColumns, query: ParsedQuery, opts: { keys?: string[] } = {}): SQL<number> {
  const keys = opts.keys ?? query.keys;
  const first = query.terms[0]?.text ?? '';
  const exact = keys.length ? arrayOverlaps(cols.searchKeys, keys) : sql`false`;
  return sql<number>`case
    when ${exact} then 0
    when strpos(E'\n' || ${cols.searchNames}, ${`\n${first}`}) > 0 or strpos(' ' || ${cols.searchLatin}, ${` ${first}`}) > 0 then 1
    else 2 end`;
}
