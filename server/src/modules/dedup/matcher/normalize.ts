import { splitIndustry } from './industry-words.ts';
import {
  BRANCH_MARKERS,
  PARENT_END_WORDS,
  bracketLegalForm,
  stripLatinLegalWords,
  stripLegalSuffixes,
  type LegalFamily,
} from './legal-forms.ts';
import { isRegionName, regionPrefix, regionsInBracket, regionsOverlap, type Region } from './regions.ts';
import { foldCharacters, hasHan, stripPunctuation, stripStockMarkers } from './text.ts';

/** A company name taken apart into the pieces the matcher compares. */
export interface NormalizedName {
  raw: string;
  /** The whole name with width, script, case, spaces, punctuation and brackets folded away. */
  text: string;
  /** The name without legal forms and branch, regions still in place where written as a prefix (深圳市振业). */
  stem: string;
  /** What is left after regions, legal forms and the branch part are removed: 火炬润滑油. */
  core: string;
  /** The core without its trailing industry words: 火炬. Empty when the core is industry words only. */
  brand: string;
  /** Industry words at the end of the core, in reading order: [润滑油]. */
  industries: string[];
  /** Regions written as a prefix or in brackets, outermost first. */
  regions: Region[];
  /** Legal forms as written (集团, 股份有限公司, ltd), in reading order; the last is the main one. */
  legalForms: string[];
  legalFamilies: LegalFamily[];
  /**
   * When a prefix region was kept in the core because the rest is only industry words
   * (新疆交通建设 → core 新疆交通建设), the reading with the region taken out, for comparing with
   * the same name that has its region elsewhere (交通建设(新疆)).
   */
  regionalReading?: { core: string; regions: Region[] };
  /** Set when the name is a branch (分公司, 分行…) of the company named by the rest. */
  branch?: { marker: string; qualifier: string };
  /** True for names without Han characters (compared only with other Latin names). */
  latin: boolean;
}

const cache = new Map<string, NormalizedName>();
const CACHE_LIMIT = 50_000;

/**
 * Normalise a company name. Pure and deterministic; results for recently seen names are cached
 * because an import compares each name with many candidates.
 */
export function normalizeCompanyName(raw: string): NormalizedName {
  const cached = cache.get(raw);
  if (cached) return cached;
  const result = parse(raw);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, result);
  return result;
}

function parse(raw: string): NormalizedName {
  const folded = foldCharacters(raw);
  const latin = !hasHan(folded);
  const legalForms: string[] = [];
  const legalFamilies: LegalFamily[] = [];
  let working = latin ? folded : stripStockMarkers(folded);
  if (latin) {
    const stripped = stripLatinLegalWords(working);
    working = stripped.rest;
    legalForms.push(...stripped.forms);
    legalFamilies.push(...stripped.families);
  }
  const text = stripPunctuation(latin ? folded : working, false);

  const brackets = takeBrackets(stripPunctuation(working, true));
  legalForms.push(...brackets.legalForms);
  legalFamilies.push(...brackets.legalFamilies);
  const branch = latin ? undefined : splitBranch(brackets.rest);
  const suffixes = stripLegalSuffixes(branch ? branch.parent : brackets.rest);
  legalForms.push(...suffixes.forms);
  legalFamilies.push(...suffixes.families);
  const stem = suffixes.rest;
  const located = latin ? unlocated(stem) : locate(stem, brackets.regions);

  return {
    raw,
    text,
    stem,
    ...located,
    legalForms,
    legalFamilies,
    branch: branch ? { marker: branch.marker, qualifier: branch.qualifier } : undefined,
    latin,
  };
}

/** Bracket contents that are regions (上海) or legal forms (集团) are taken out; other contents stay, without brackets. */
function takeBrackets(name: string): { rest: string; regions: Region[]; legalForms: string[]; legalFamilies: LegalFamily[] } {
  const regions: Region[] = [];
  const legalForms: string[] = [];
  const legalFamilies: LegalFamily[] = [];
  let rest = name;
  if (rest.includes('(')) {
    rest = rest.replace(/\(([^()]*)\)/g, (_whole, content: string) => {
      const inBracket = regionsInBracket(content);
      if (inBracket) {
        regions.push(...inBracket);
        return '';
      }
      const legal = bracketLegalForm(content);
      if (legal) {
        legalForms.push(content);
        legalFamilies.push(legal);
        return '';
      }
      return content;
    });
  }
  if (rest.includes('(') || rest.includes(')')) rest = rest.replace(/[()]/g, '');
  return { rest, regions, legalForms, legalFamilies };
}

type Located = Pick<NormalizedName, 'core' | 'brand' | 'industries' | 'regions' | 'regionalReading'>;

function unlocated(stem: string): Located {
  return { core: stem, brand: stem, industries: [], regions: [] };
}

/** Regions written before the name (上海, 广东省深圳市, 上海浦东) are taken off the stem; the name keeps two characters. */
function locate(stem: string, bracketRegions: Region[]): Located {
  const prefixRegions: Region[] = [];
  const prefixEnds: number[] = [];
  while (prefixRegions.length < 3) {
    const offset = prefixEnds[prefixEnds.length - 1] ?? 0;
    const found = regionPrefix(stem.slice(offset), prefixRegions[prefixRegions.length - 1]);
    if (!found || stem.length - offset - found.length < 2) break;
    prefixRegions.push(found.region);
    prefixEnds.push(offset + found.length);
  }
  // A region in brackets is explicit: a "prefix region" contradicting it is part of the name
  // (松原汽车安全系统(浙江): 松原 is a city in 吉林, here it is the brand).
  while (prefixRegions.length > 0 && !bracketRegions.every((r) => regionsOverlap(r, prefixRegions[prefixRegions.length - 1]))) {
    prefixRegions.pop();
    prefixEnds.pop();
  }
  let core = stem.slice(prefixEnds[prefixEnds.length - 1] ?? 0);
  let { brand, industries } = splitIndustry(core);
  let regionalReading: Located['regionalReading'];
  if (brand === '' && prefixRegions.length > 0) {
    // 上海银行, 吉林化纤: the region is the only distinctive part, so it is the brand, not a location.
    // Give back the innermost region first: 乌鲁木齐市天山材料 is 天山材料 in 乌鲁木齐.
    regionalReading = { core, regions: uniqueRegions([...prefixRegions, ...bracketRegions]) };
    while (brand === '' && prefixRegions.length > 0) {
      prefixRegions.pop();
      prefixEnds.pop();
      core = stem.slice(prefixEnds[prefixEnds.length - 1] ?? 0);
      ({ brand, industries } = splitIndustry(core));
    }
    if (brand === '') brand = core;
  }
  return { core, brand, industries, regions: uniqueRegions([...prefixRegions, ...bracketRegions]), regionalReading };
}

function uniqueRegions(regions: Region[]): Region[] {
  const seen = new Set<string>();
  return regions.filter((r) => !seen.has(r.label) && seen.add(r.label));
}

/**
 * 上海火炬润滑油有限公司北京分公司 → parent 上海火炬润滑油有限公司, qualifier 北京;
 * 中国银行上海分行 → parent 中国银行, qualifier 上海. The qualifier is what follows the parent's
 * legal form, or else a region right before the marker.
 */
function splitBranch(name: string): { parent: string; marker: string; qualifier: string } | undefined {
  const marker = BRANCH_MARKERS.find((m) => name.endsWith(m) && name.length > m.length + 1);
  if (!marker) return undefined;
  const before = name.slice(0, -marker.length);
  let cut = -1;
  for (const word of PARENT_END_WORDS) {
    const at = before.lastIndexOf(word);
    if (at > 0) cut = Math.max(cut, at + word.length);
  }
  if (cut > 0) return { parent: before.slice(0, cut), marker, qualifier: canonicalQualifier(before.slice(cut)) };
  for (let length = Math.min(12, before.length - 2); length >= 2; length--) {
    const tail = before.slice(-length);
    if (isRegionName(tail)) return { parent: before.slice(0, -length), marker, qualifier: canonicalQualifier(tail) };
  }
  return { parent: before, marker, qualifier: '' };
}

/** 上海市 and 上海 name the same branch. */
function canonicalQualifier(qualifier: string): string {
  const regions = regionsInBracket(qualifier);
  return regions ? regions.map((r) => r.label).join('') : qualifier;
}
