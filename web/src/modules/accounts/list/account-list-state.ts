import type { AccountListQuery, CustomField } from '../../../app/api/schemas';
import { activeFilters, parseCustomFilters, type CustomFilters } from '../../custom-fields/custom-filters';

/** The list's filters, as the accounts endpoint takes them (lists comma-separated); a saved view stores exactly these. */
export interface AccountFilters {
  q?: string;
  ownerId?: string;
  unitId?: string;
  type?: string;
  tier?: string;
  industry?: string;
  provinceCode?: string;
  cityCode?: string;
  districtCode?: string;
  tags?: string;
  createdFrom?: string;
  createdTo?: string;
  customFilters?: CustomFilters;
}

export const textFilterKeys = [
  'q', 'ownerId', 'unitId', 'type', 'tier', 'industry', 'provinceCode', 'cityCode', 'districtCode', 'tags', 'createdFrom', 'createdTo',
] as const;

export interface ListSort {
  field: string;
  order: 'asc' | 'desc';
}

/** Everything that makes the list what it is; it lives in the address, so a list can be bookmarked and shared. */
export interface AccountListState {
  filters: AccountFilters;
  sort: ListSort | null;
  /** visible columns beside the name, in order; undefined: the built-in choice */
  columns: string[] | undefined;
  /** the saved view the list started from; '' the built-in list chosen over a default view */
  viewId: string | undefined;
}

/** Filters from any record of strings or values (an address, a saved view), keeping only what the endpoint knows. */
export function readFilters(source: (key: string) => unknown): AccountFilters {
  const filters: AccountFilters = {};
  for (const key of textFilterKeys) {
    const v = source(key);
    if (typeof v === 'string' && v.trim()) filters[key] = v.trim();
  }
  const custom = parseCustomFilters(source('customFilters'));
  if (custom) filters.customFilters = custom;
  return filters;
}

export function stateFromParams(params: URLSearchParams): AccountListState {
  const field = params.get('sort');
  const order = params.get('order');
  const columns = params.get('columns');
  return {
    filters: readFilters((key) => params.get(key)),
    sort: field ? { field, order: order === 'asc' ? 'asc' : 'desc' } : null,
    columns: columns === null ? undefined : columns.split(',').filter(Boolean),
    viewId: params.get('view') ?? undefined,
  };
}

export function paramsFromState(state: AccountListState): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of textFilterKeys) {
    const v = state.filters[key];
    if (v) params.set(key, v);
  }
  if (state.filters.customFilters) params.set('customFilters', JSON.stringify(state.filters.customFilters));
  if (state.sort) {
    params.set('sort', state.sort.field);
    params.set('order', state.sort.order);
  }
  if (state.columns) params.set('columns', state.columns.join(','));
  if (state.viewId !== undefined) params.set('view', state.viewId);
  return params;
}

export const hasFilters = (f: AccountFilters) => Object.values(f).some((v) => v !== undefined);

/**
 * The endpoint's query for the list's state: filters, sort and only the fields the visible columns
 * need. Filters and sorting on custom fields archived since a view was saved are left out: the server
 * would refuse the whole list for them.
 */
export function listQuery(state: AccountListState, fields: string[], defs: CustomField[]): AccountListQuery {
  const { customFilters, ...rest } = state.filters;
  const kept = activeFilters(customFilters, defs);
  const key = state.sort?.field.startsWith('custom.') ? state.sort.field.slice('custom.'.length) : undefined;
  const sort = key && !defs.some((d) => d.key === key && !d.archived) ? null : state.sort;
  return {
    ...rest,
    customFilters: kept ? JSON.stringify(kept) : undefined,
    sort: sort?.field,
    order: sort?.order,
    fields: fields.join(','),
  };
}
