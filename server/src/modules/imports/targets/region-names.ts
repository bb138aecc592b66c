import { regionByCode, regionChildren, type Region } from '../../accounts/regions/regions.ts';

export interface RegionCodes {
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
}

const SUFFIX = /(维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|自治州|自治县|地区|省|市|盟|县|区|旗)$/;
const short = (name: string) => name.replace(SUFFIX, '');

/** The candidate whose full or short name (2+ characters) starts `text`; the longest match wins. */
function prefixMatch(text: string, candidates: Region[]): { region: Region; length: number } | null {
  let best: { region: Region; length: number } | null = null;
  for (const region of candidates) {
    if (region.placeholder) continue;
    for (const name of [region.name, short(region.name)]) {
      if (name.length >= 2 && text.startsWith(name) && (!best || name.length > best.length)) best = { region, length: name.length };
    }
  }
  return best;
}

const below = (code: string): Region[] => {
  const direct = regionChildren(code);
  // Municipalities: districts hang under a placeholder city (市辖区); look through it.
  return direct.flatMap((r) => (r.placeholder ? regionChildren(r.code) : [r]));
};

function codesOf(region: Region): RegionCodes {
  const codes: RegionCodes = { provinceCode: null, cityCode: null, districtCode: null };
  for (let r: Region | undefined = region; r; r = r.parentCode ? regionByCode(r.parentCode) : undefined) {
    codes[`${r.level}Code`] = r.code;
  }
  return codes;
}

/**
 * Province, city and district codes from names as people write them: in three columns (江苏省 |
 * 苏州市 | 工业园区) or one ("上海浦东", "江苏省苏州市"). Short names without 省/市/区 match too.
 * Null when the text names no region; `unknown` when it names one that does not exist.
 */
export function regionFromNames(parts: string[]): RegionCodes | 'unknown' | null {
  const text = parts.map((p) => p.normalize('NFKC').replace(/\s+/g, '')).join('');
  if (!text) return null;
  const province = prefixMatch(text, regionChildren(null));
  if (!province) return 'unknown';
  let region = province.region;
  let rest = text.slice(province.length);
  // "上海市上海市浦东新区": a municipality's name repeated as its city.
  if (rest.startsWith(province.region.name)) rest = rest.slice(province.region.name.length);
  else if (rest.startsWith(short(province.region.name)) && short(province.region.name).length >= 2) rest = rest.slice(short(province.region.name).length);
  if (rest) {
    const city = prefixMatch(rest, below(region.code));
    if (city) {
      region = city.region;
      rest = rest.slice(city.length);
      if (rest && region.level === 'city') {
        const district = prefixMatch(rest, regionChildren(region.code));
        if (district) {
          region = district.region;
          rest = rest.slice(district.length);
        }
      }
    } else {
      // A district named straight after its province (浙江余杭) is searched among all the province's districts.
      const district = prefixMatch(rest, below(region.code).flatMap((c) => (c.level === 'city' ? regionChildren(c.code) : [])));
      if (district) region = district.region;
      else return 'unknown';
    }
  }
  return codesOf(region);
}
