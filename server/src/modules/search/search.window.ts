import { maskValue } from '../../platform/access/fields.ts';
import type { Highlight } from '../../platform/text/highlight.ts';

/**
 * How many matches a source ranks per keyword. A common two-character keyword (上海) can match a
 * tenth of a large tenant; ranking all of them would cost time proportional to the matches. The
 * source instead ranks the first WINDOW matches the index yields, and fetches exact-key hits (the
 * whole name, the phone, the code) separately so they are never missed.
 */
export const SEARCH_WINDOW = 200;

export interface RankedRow {
  id: string;
  rank: number | string;
  name: string;
  name_sort: string;
}

/**
 * Exact-key hits (rank 0) and window hits merged: a record found by both keeps its better rank;
 * then best rank, shorter name ("中海船务" before "中海船务(香港)有限公司"), pinyin order.
 */
export function rankRows<T extends RankedRow>(limit: number, ...lists: T[][]): (T & { rank: number })[] {
  const best = new Map<string, T & { rank: number }>();
  for (const row of lists.flat()) {
    const ranked = { ...row, rank: Number(row.rank) };
    const prev = best.get(row.id);
    if (!prev || ranked.rank < prev.rank) best.set(row.id, ranked);
  }
  return [...best.values()]
    .sort((a, b) => a.rank - b.rank || a.name.length - b.name.length || (a.name_sort < b.name_sort ? -1 : a.name_sort > b.name_sort ? 1 : 0))
    .slice(0, limit);
}

/** A highlight on a masked field shows the masked value and no spans, so the search box leaks nothing the record page would not. */
export function maskHighlight(h: Highlight | null, rule: 'masked' | 'hidden' | undefined): Highlight | null {
  if (!h || !rule) return h;
  if (rule === 'hidden') return null;
  return { field: h.field, text: String(maskValue(h.text)), ranges: [] };
}
