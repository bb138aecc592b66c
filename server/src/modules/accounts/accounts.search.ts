import { and, arrayOverlaps, sql } from 'drizzle-orm';
import { can, type Principal } from '../../platform/access/principal.ts';
import { highlight, type HighlightCandidate } from '../../platform/text/highlight.ts';
import type { ParsedQuery } from '../../platform/text/search-query.ts';
import { fencedRows } from '../search/fenced-query.ts';
import { searchMatch, searchRank } from '../search/search.match.ts';
import { registerSearchSource, type SearchHit } from '../search/search.sources.ts';
import { maskHighlight, rankRows, SEARCH_WINDOW, type RankedRow } from '../search/search.window.ts';
import { accountScope } from './accounts.queries.ts';
import { accounts } from './accounts.schema.ts';
import { fieldRule } from './field-masks.ts';

const hitColumns = {
  id: accounts.id,
  name: accounts.name,
  shortName: accounts.shortName,
  englishName: accounts.englishName,
  formerNames: accounts.formerNames,
  phones: accounts.phones,
  emails: accounts.emails,
  creditCode: accounts.creditCode,
  nameSort: accounts.nameSort,
};

/** The columns above as the raw rows name them. */
interface HitRow extends RankedRow {
  short_name: string | null;
  english_name: string | null;
  former_names: string[];
  phones: string[];
  emails: string[];
  credit_code: string | null;
}

/** A field the caller's role hides cannot be searched either: no probing phone numbers one may not see. */
export function searchableKeys(p: Principal, object: string, query: ParsedQuery): string[] {
  return query.keys.filter(
    (k) => !(k.startsWith('tel:') && fieldRule(p, object, 'phones') === 'hidden') && !(k.startsWith('mail:') && fieldRule(p, object, 'emails') === 'hidden'),
  );
}

registerSearchSource({
  type: 'account',
  order: 0,
  async search(ctx, query, limit): Promise<SearchHit[]> {
    const p = ctx.principal;
    if (!can(p, 'account', 'read')) return [];
    const keys = searchableKeys(p, 'account', query);
    const exact = keys.length
      ? await fencedRows<HitRow>(
          ctx.readDb,
          ctx.readDb.select({ ...hitColumns, rank: sql<number>`0`.as('rank') }).from(accounts).where(and(accountScope(p), arrayOverlaps(accounts.searchKeys, keys))),
          limit,
        )
      : [];
    const window = query.terms.length
      ? await fencedRows<HitRow>(
          ctx.readDb,
          ctx.readDb.select({ ...hitColumns, rank: searchRank(accounts, query, { keys }).as('rank') }).from(accounts).where(and(accountScope(p), searchMatch(accounts, query, { keys: [] }))),
          SEARCH_WINDOW,
        )
      : [];
    return rankRows(limit, exact, window).map((a) => {
      const candidates: HighlightCandidate[] = [
        { field: 'name', value: a.name, kind: 'name' },
        { field: 'shortName', value: a.short_name, kind: 'name' },
        { field: 'englishName', value: a.english_name, kind: 'name' },
        ...a.former_names.map((value): HighlightCandidate => ({ field: 'formerNames', value, kind: 'name' })),
        ...a.phones.map((value): HighlightCandidate => ({ field: 'phones', value, kind: 'phone' })),
        ...a.emails.map((value): HighlightCandidate => ({ field: 'emails', value, kind: 'email' })),
        { field: 'creditCode', value: a.credit_code, kind: 'code' },
      ];
      const h = highlight(query, candidates);
      return {
        type: 'account',
        id: a.id,
        title: a.name,
        subtitle: a.short_name ?? a.english_name,
        rank: a.rank,
        titleLength: a.name.length,
        highlight: maskHighlight(h, h ? fieldRule(p, 'account', h.field) : undefined),
      };
    });
  },
});
