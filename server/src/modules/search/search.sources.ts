import type { Ctx } from '../../platform/http/context.ts';
import type { Highlight } from '../../platform/text/highlight.ts';
import type { ParsedQuery } from '../../platform/text/search-query.ts';

export interface SearchHit {
  type: string;
  id: string;
  title: string;
  subtitle: string | null;
  /** 0 exact, 1 prefix, 2 contains */
  rank: number;
  /** shorter titles first among equal ranks: "中海船务" before "中海船务(香港)有限公司" */
  titleLength: number;
  highlight: Highlight | null;
}

/**
 * A kind of record the search box finds. Each source applies the caller's data scope itself
 * (scopeWhere) and returns at most `limit` hits, best first.
 *
 * Extension point: risk flags (bad debt, fraud) must be visible to every user of the tenant who
 * searches a flagged name or credit code, even outside their data scope. That is a source that
 * matches flagged accounts tenant-wide and returns only the flag and the name — never the account —
 * registered here like the others; nothing in the search route needs to change.
 */
export interface SearchSource {
  type: string;
  /** order among sources when ranks tie: accounts before contacts */
  order: number;
  search(ctx: Ctx, query: ParsedQuery, limit: number): Promise<SearchHit[]>;
}

const sources = new Map<string, SearchSource>();
export function registerSearchSource(source: SearchSource): void {
  sources.set(source.type, source);
}
export const listSearchSources = () => [...sources.values()].sort((a, b) => a.order - b.order);
