import type { CustomField } from '../../app/api/schemas';

type Scalar = string | number | boolean;

/** One field's filter as the list endpoints take it in `customFilters` (see the server's query/filters.ts). */
export interface CustomFilter {
  eq?: Scalar;
  in?: Scalar[];
  contains?: string;
  gte?: string | number;
  lte?: string | number;
  empty?: boolean;
}
export type CustomFilters = Record<string, CustomFilter>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads `customFilters` from a URL (JSON text) or a saved view (an object); anything unreadable is no filter. */
export function parseCustomFilters(raw: unknown): CustomFilters | undefined {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (!isRecord(value)) return undefined;
  const out: CustomFilters = {};
  for (const [key, f] of Object.entries(value)) if (isRecord(f) && Object.keys(f).length) out[key] = f as CustomFilter;
  return Object.keys(out).length ? out : undefined;
}

/** Drops filters of fields that no longer exist (a saved view may outlive a field). */
export const activeFilters = (filters: CustomFilters | undefined, defs: CustomField[]): CustomFilters | undefined => {
  if (!filters) return undefined;
  const keys = new Set(defs.filter((d) => !d.archived).map((d) => d.key));
  const kept = Object.fromEntries(Object.entries(filters).filter(([k]) => keys.has(k)));
  return Object.keys(kept).length ? kept : undefined;
};
