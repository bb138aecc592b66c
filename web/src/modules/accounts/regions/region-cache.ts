import { api, call } from '../../../app/api/client';
import type { Region } from '../../../app/api/schemas';

// The region list changes only with a server upgrade: each level is fetched once per page load.
const cache = new Map<string, Promise<Region[]>>();

/** Provinces for '' (the root), otherwise the cities or districts directly below a code. */
export function regionChildren(parent: string): Promise<Region[]> {
  let found = cache.get(parent);
  if (!found) {
    found = call(api.GET('/api/v1/regions', { params: { query: { parent: parent || undefined } } })).then((r) => r.items);
    found.catch(() => cache.delete(parent));
    cache.set(parent, found);
  }
  return found;
}

/** Codes from the top down to a code: 310101 → 310000, 310100, 310101 (GB/T 2260 codes nest by digits). */
export function regionPath(code: string): string[] {
  const path = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code];
  return path.filter((c, i) => path.indexOf(c) === i);
}

// Levels the standard keeps only to give every district a city (上海市 市辖区 黄浦区); names leave them out.
const placeholderNames = new Set(['市辖区', '县', '省直辖县级行政区划']);

/** "上海市 黄浦区" for 310101, as the server names a record's region. */
export async function regionName(code: string): Promise<string> {
  const path = regionPath(code);
  const parents = ['', ...path.slice(0, -1)];
  const levels = await Promise.all(parents.map(regionChildren));
  return path
    .map((c, i) => levels[i].find((r) => r.code === c)?.name)
    .filter((name): name is string => !!name && !placeholderNames.has(name))
    .join(' ');
}

export interface RegionCodes {
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
}

/** A cascader path as the three codes of a record, by each region's level (Hong Kong's districts sit right under it). */
export function codesOf(path: Region[]): RegionCodes {
  const at = (level: Region['level']) => path.find((r) => r.level === level)?.code ?? null;
  return { provinceCode: at('province'), cityCode: at('city'), districtCode: at('district') };
}

export const pathOf = (codes: Partial<RegionCodes>): string[] =>
  [codes.provinceCode, codes.cityCode, codes.districtCode].filter((c): c is string => !!c);
