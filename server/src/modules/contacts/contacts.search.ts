import { and, arrayOverlaps, sql } from 'drizzle-orm';
import { can } from '../../platform/access/principal.ts';
import { highlight, type HighlightCandidate } from '../../platform/text/highlight.ts';
import { searchableKeys } from '../accounts/accounts.search.ts';
import { fieldRule } from '../accounts/field-masks.ts';
import { fencedRows } from '../search/fenced-query.ts';
import { searchMatch, searchRank } from '../search/search.match.ts';
import { registerSearchSource, type SearchHit } from '../search/search.sources.ts';
import { maskHighlight, rankRows, SEARCH_WINDOW, type RankedRow } from '../search/search.window.ts';
import { contactScope } from './contacts.queries.ts';
import { contacts } from './contacts.schema.ts';

const hitColumns = {
  id: contacts.id,
  name: contacts.name,
  title: contacts.title,
  department: contacts.department,
  phones: contacts.phones,
  emails: contacts.emails,
  wechat: contacts.wechat,
  nameSort: contacts.nameSort,
};

interface HitRow extends RankedRow {
  title: string | null;
  department: string | null;
  phones: string[];
  emails: string[];
  wechat: string | null;
}

registerSearchSource({
  type: 'contact',
  order: 1,
  async search(ctx, query, limit): Promise<SearchHit[]> {
    const p = ctx.principal;
    if (!can(p, 'contact', 'read')) return [];
    const keys = searchableKeys(p, 'contact', query).filter((k) => !(k.startsWith('code:') && fieldRule(p, 'contact', 'wechat') === 'hidden'));
    const exact = keys.length
      ? await fencedRows<HitRow>(
          ctx.readDb,
          ctx.readDb.select({ ...hitColumns, rank: sql<number>`0`.as('rank') }).from(contacts).where(and(contactScope(p), arrayOverlaps(contacts.searchKeys, keys))),
          limit,
        )
      : [];
    const window = query.terms.length
      ? await fencedRows<HitRow>(
          ctx.readDb,
          ctx.readDb.select({ ...hitColumns, rank: searchRank(contacts, query, { keys }).as('rank') }).from(contacts).where(and(contactScope(p), searchMatch(contacts, query, { keys: [] }))),
          SEARCH_WINDOW,
        )
      : [];
    return rankRows(limit, exact, window).map((c) => {
      const candidates: HighlightCandidate[] = [
        { field: 'name', value: c.name, kind: 'name', person: true },
        ...c.phones.map((value): HighlightCandidate => ({ field: 'phones', value, kind: 'phone' })),
        ...c.emails.map((value): HighlightCandidate => ({ field: 'emails', value, kind: 'email' })),
        { field: 'wechat', value: c.wechat, kind: 'code' },
      ];
      const h = highlight(query, candidates);
      return {
        type: 'contact',
        id: c.id,
        title: c.name,
        subtitle: [c.title, c.department].filter(Boolean).join(' · ') || null,
        rank: c.rank,
        titleLength: c.name.length,
        highlight: maskHighlight(h, h ? fieldRule(p, 'contact', h.field) : undefined),
      };
    });
  },
});
