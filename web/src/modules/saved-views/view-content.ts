import type { SavedView } from '../../app/api/schemas';

/** What a view holds: the list endpoint's filters, the columns in order, the sort. */
export interface ViewContent {
  filters: Record<string, unknown>;
  columns: string[];
  sort: { field: string; order: 'asc' | 'desc' } | null;
}

// Key order differs between what was saved and what the page builds; compare as sorted JSON.
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** Whether the list still shows exactly what the view saved (otherwise the bar offers to save the changes). */
export const sameContent = (view: SavedView, content: ViewContent) =>
  JSON.stringify(canonical({ filters: view.filters, columns: view.columns, sort: view.sort })) === JSON.stringify(canonical(content));
