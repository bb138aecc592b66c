import { and, arrayOverlaps, sql } from 'drizzle-orm';
import { can } from '../../platform/access/principal.ts';
import { highlight, type HighlightCandidate } from '../../platform/text/highlight.ts';
import { searchableKeys } from '../accounts/accounts.search.ts';
import { fieldRule } from '../accounts/field-masks.ts';
import { fencedRows } from '../search/fenced-query.ts';
import { searchMatch, searchRank } from '../search/search.match.ts';
import { registerSearchSource, type SearchHit } from '../search/search.sources.ts';
import { maskHighlight, rankRows, SEARCH_WINDOW, type RankedRow } from '../search/search.window.ts';
import { leadScope } from './leads.queries.ts';
import { leads } from './leads.schema.ts';

const hitColumns = {
  id: leads.id,
  name: leads.name,
  companyName: leads.companyName,
  phones: leads.phones,
  emails: leads.emails,
  nameSort: sql<string>`${leads.name}`.as('name_sort'),
};

interface HitRow extends RankedRow {
  company_name: string | null;
  phones: string[];
  emails: string[];
}

// Leads are found by person, company, phone and e-mail, within the caller's scope, after contacts.
registerSearchSource({
  type: 'lead',
  order: 2,
  async search(ctx, query, limit): Promise<SearchHit[]> {
    const p = ctx.principal;
    if (!can(p, 'lead', 'read')) return [];
    const keys = searchableKeys(p, 'lead', query);
    const exact = keys.length
      ? await fencedRows<HitRow>(
          ctx.readDb,
          ctx.readDb.select({ ...hitColumns, rank: sql<number>`0`.as('rank') }).from(leads).where(and(leadScope(p), arrayOverlaps(leads.searchKeys, keys))),
          limit,
        )
      : [];
    const window = query.terms.length
      ? await fencedRows<HitRow>(
          ctx.readDb,
          ctx.readDb.select({ ...hitColumns, rank: searchRank(leads, query, { keys }).as('rank') }).from(leads).where(and(leadScope(p), searchMatch(leads, query, { keys: [] }))),
          SEARCH_WINDOW,
        )
      : [];
    return rankRows(limit, exact, window).map((l) => {
      const candidates: HighlightCandidate[] = [
        { field: 'name', value: l.name, kind: 'name', person: true },
        { field: 'companyName', value: l.company_name, kind: 'name' },
        ...l.phones.map((value): HighlightCandidate => ({ field: 'phones', value, kind: 'phone' })),
        ...l.emails.map((value): HighlightCandidate => ({ field: 'emails', value, kind: 'email' })),
      ];
      const h = highlight(query, candidates);
      return {
        type: 'lead',
        id: l.id,
        title: l.name,
        subtitle: l.company_name,
        rank: l.rank,
        titleLength: l.name.length,
        highlight: maskHighlight(h, h ? fieldRule(p, 'lead', h.field) : undefined),
      };
    });
  },
});
