import { and, sql } from 'drizzle-orm';
import { can } from '../../platform/access/principal.ts';
import { highlight } from '../../platform/text/highlight.ts';
import { fencedRows } from '../search/fenced-query.ts';
import { searchMatch, searchRank } from '../search/search.match.ts';
import { registerSearchSource, type SearchHit } from '../search/search.sources.ts';
import { rankRows, SEARCH_WINDOW, type RankedRow } from '../search/search.window.ts';
import { opportunityScope } from './opportunities.queries.ts';
import { opportunities } from './opportunities.schema.ts';

interface HitRow extends RankedRow {
  status: string;
}

// Deals are found by their name, within the caller's scope, after accounts and contacts.
registerSearchSource({
  type: 'opportunity',
  order: 3,
  async search(ctx, query, limit): Promise<SearchHit[]> {
    const p = ctx.principal;
    if (!can(p, 'opportunity', 'read') || !query.terms.length) return [];
    const rows = await fencedRows<HitRow>(
      ctx.readDb,
      ctx.readDb
        .select({ id: opportunities.id, name: opportunities.name, status: opportunities.status, nameSort: sql<string>`${opportunities.name}`.as('name_sort'), rank: searchRank(opportunities, query, { keys: [] }).as('rank') })
        .from(opportunities)
        .where(and(opportunityScope(p), searchMatch(opportunities, query, { keys: [] }))),
      SEARCH_WINDOW,
    );
    return rankRows(limit, [], rows).map((o) => ({
      type: 'opportunity',
      id: o.id,
      title: o.name,
      subtitle: o.status,
      rank: o.rank,
      titleLength: o.name.length,
      highlight: highlight(query, [{ field: 'name', value: o.name, kind: 'name' }]),
    }));
  },
});
