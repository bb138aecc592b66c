import { splitIndustry } from './industry-words.ts';
import { compareLegalFamilies } from './legal-forms.ts';
import type { NormalizedName } from './normalize.ts';
import { compareRegions, regionsOverlap, type Region, type RegionRelation } from './regions.ts';
import { compareAbbreviation, isShortForm } from './abbreviation.ts';
import { compareTypo } from './typo.ts';

/**
 * How two normalised names relate. The kinds that mean "probably the same company" score high;
 * the "related" kinds (same brand elsewhere, branch and parent) score below the duplicate
 * threshold on purpose: they are worth showing, not merging.
 */
export type NameMatchKind =
  | 'name_variant' // identical once width, script, case, spaces and punctuation are folded
  | 'same_core' // same name apart from where the region is written and the legal form
  | 'short_name' // one side is a short form: the other's brand or an abbreviation of it
  | 'similar_name' // cores differ by a likely typo, or share a brand and some industry words
  | 'same_brand_other_region' // 上海X vs 北京X: perhaps branches of one group, not one company
  | 'same_brand_other_industry' // 火炬润滑油 vs 火炬物流: perhaps one group, not one company
  | 'branch' // a 分公司 and its parent, or two branches of one parent
  | 'different';

export interface NameMatch {
  score: number;
  kind: NameMatchKind;
  detail: string;
}

export const DIFFERENT: NameMatch = { score: 0, kind: 'different', detail: '' };

/** Scores chosen so that everything at or above 0.8 is a likely duplicate; measured by bench/dedup-quality.ts. */
const SCORE = {
  sameText: 0.99,
  sameCoreSameRegion: 0.97,
  sameCoreNoRegions: 0.95,
  sameCoreOneRegion: 0.92,
  sameCoreNestedRegion: 0.85,
  genericCoreNestedRegion: 0.6,
  genericCoreOneRegion: 0.7,
  shortFormIsCore: 0.92,
  shortFormIsBrand: 0.88,
  fullNameWithoutIndustry: 0.65,
  sameBrandIndustryOverlap: 0.72,
  sameBrandOtherIndustry: 0.55,
  sameBrandOtherRegion: 0.5,
  branchOfParent: 0.45,
  siblingBranches: 0.4,
} as const;

export function compareNames(a: NormalizedName, b: NormalizedName): NameMatch {
  if (a.latin !== b.latin || a.core === '' || b.core === '') return DIFFERENT;
  if (a.branch || b.branch) return compareBranches(a, b);
  return compareCompanies(a, b);
}

function compareBranches(a: NormalizedName, b: NormalizedName): NameMatch {
  const parents = compareCompanies(a, b);
  if (parents.score < 0.8) return { ...parents, score: Math.min(parents.score, SCORE.branchOfParent) };
  if (a.branch && b.branch) {
    if (a.branch.qualifier === b.branch.qualifier) return parents;
    return {
      score: SCORE.siblingBranches,
      kind: 'branch',
      detail: `different branches of one company: ${a.branch.qualifier}${a.branch.marker} / ${b.branch.qualifier}${b.branch.marker}`,
    };
  }
  const branch = (a.branch ?? b.branch)!;
  return {
    score: SCORE.branchOfParent,
    kind: 'branch',
    detail: `a branch (${branch.qualifier}${branch.marker}) and its parent company: related, not the same account`,
  };
}

/** The comparable parts of a name once regions are aligned with the other name. */
export interface NameView {
  core: string;
  brand: string;
  industries: string[];
  regions: Region[];
}

function viewOf(name: NormalizedName): NameView {
  return { core: name.core, brand: name.brand, industries: name.industries, regions: name.regions };
}

/**
 * Regions travel within a name: 集安益盛药业(吉林) and 吉林省集安益盛药业 put 集安 once in the
 * core and once among the regions (a county is only recognised right after its province). Any
 * region one name records is taken off the front of the other's core, so both are read alike.
 */
function alignRegions(a: NormalizedName, b: NormalizedName): [NameView, NameView] {
  if (a.core === b.core) return [viewOf(a), viewOf(b)];
  const known = [...a.regions, ...b.regions, ...(a.regionalReading?.regions ?? []), ...(b.regionalReading?.regions ?? [])];
  return [alignTo(a, known), alignTo(b, known)];
}

/** The name with every known region taken off the front of its core (and added to its regions). */
function alignTo(name: NormalizedName, known: readonly Region[]): NameView {
  let core = name.core;
  let regions = name.regions;
  for (let found = true; found; ) {
    found = false;
    for (const region of known) {
      const { label } = region;
      // A place that contradicts the name's own region is part of its name (福州深圳女装: 深圳女装 is the brand).
      if (!core.startsWith(label) || regions.some((r) => !regionsOverlap(r, region))) continue;
      const length = label.length + ('省市县区'.includes(core[label.length]) ? 1 : 0);
      if (core.length - length < 2) continue;
      core = core.slice(length);
      if (!regions.some((r) => r.label === label)) regions = [...regions, region];
      found = true;
      break;
    }
  }
  return core === name.core ? viewOf(name) : { ...splitIndustry(core), core, regions };
}

function compareCompanies(a: NormalizedName, b: NormalizedName): NameMatch {
  if (a.text === b.text) return { score: SCORE.sameText, kind: 'name_variant', detail: 'identical once width, script, spaces and punctuation are folded' };
  const legal = compareLegalFamilies(a.legalFamilies, b.legalFamilies);
  const legalNote = `${describeLegal(a, b)}${legal.note ? ` (${legal.note})` : ''}`;

  const [va, vb] = alignRegions(a, b);
  const regions = compareRegions(va.regions, vb.regions);
  // A core of industry words only (银行, 工程咨询) names nobody without its region: 上海银行 is not 银行.
  const genericWithoutRegion = va.core === vb.core && va.brand === '' && regions === 'one_missing';
  if (genericWithoutRegion) {
    return {
      score: SCORE.genericCoreOneRegion * legal.factor,
      kind: 'similar_name',
      detail: `same generic core ${va.core}, region ${labels(va.regions.length > 0 ? va : vb)} on one side only${legalNote}`,
    };
  }

  if (va.core === vb.core) {
    if (regions === 'different') return sameBrandOtherRegion(va, vb);
    const base =
      regions === 'same' ? SCORE.sameCoreSameRegion
      : regions === 'both_missing' ? SCORE.sameCoreNoRegions
      : regions === 'one_missing' ? SCORE.sameCoreOneRegion
      : va.brand === '' ? SCORE.genericCoreNestedRegion
      : SCORE.sameCoreNestedRegion;
    const shortForm = isShortForm(a) !== isShortForm(b);
    return {
      score: (shortForm ? Math.min(base, SCORE.shortFormIsCore) : base) * legal.factor,
      kind: shortForm ? 'short_name' : 'same_core',
      detail: `same core ${va.core}; ${describeRegions(regions, va, vb)}${legalNote}`,
    };
  }

  // 天水园机械 vs 承德天水园机械: a place name that one name starts with and the other reads as its region.
  if (a.core === b.stem || b.core === a.stem) {
    return {
      score: SCORE.sameCoreOneRegion * legal.factor,
      kind: 'same_core',
      detail: `same name ${a.core === b.stem ? a.core : b.core}, read once with a region prefix and once without${legalNote}`,
    };
  }

  const candidates = [
    compareBrands(a, b, va, vb, regions),
    compareAbbreviation(a, b, regions),
    compareAbbreviation(b, a, regions),
    compareTypo(va, vb, regions),
  ];
  const best = candidates.reduce<NameMatch>((x, y) => (y && y.score > x.score ? y : x), DIFFERENT);
  return best.score === 0 ? DIFFERENT : { ...best, score: best.score * legal.factor, detail: best.detail + legalNote };
}

/** Same brand, different or missing industry words: 火炬 vs 火炬润滑油 (a short form), 火炬润滑油 vs 火炬物流 (not). */
function compareBrands(a: NormalizedName, b: NormalizedName, va: NameView, vb: NameView, regions: RegionRelation): NameMatch | undefined {
  if (va.brand === '' || va.brand !== vb.brand) return undefined;
  if (regions === 'different') return sameBrandOtherRegion(va, vb);
  if (va.industries.length === 0 || vb.industries.length === 0) {
    const [short, long, shortName] = va.industries.length === 0 ? [va, vb, a] : [vb, va, b];
    // 河钢股份有限公司 and 河钢资源股份有限公司 are both full registered names: two companies of one group.
    if (!isShortForm(shortName)) {
      return { score: SCORE.fullNameWithoutIndustry, kind: 'same_brand_other_industry', detail: `same brand ${va.brand}: ${short.core} vs ${long.core}` };
    }
    return {
      score: SCORE.shortFormIsBrand * (regions === 'one_missing' ? 0.98 : 1),
      kind: 'short_name',
      detail: `${short.core} is the brand of ${long.core}`,
    };
  }
  return va.industries.some((w) => vb.industries.includes(w))
    ? { score: SCORE.sameBrandIndustryOverlap, kind: 'similar_name', detail: `same brand ${va.brand}, industry ${va.industries.join('')} vs ${vb.industries.join('')}` }
    : { score: SCORE.sameBrandOtherIndustry, kind: 'same_brand_other_industry', detail: `same brand ${va.brand}, different business: ${va.industries.join('')} vs ${vb.industries.join('')}` };
}

function sameBrandOtherRegion(a: NameView, b: NameView): NameMatch {
  return {
    score: SCORE.sameBrandOtherRegion,
    kind: 'same_brand_other_region',
    detail: `same ${a.brand ? `brand ${a.brand}` : `name ${a.core}`}, different region: ${labels(a)} vs ${labels(b)}`,
  };
}

export function labels(name: { regions: readonly Region[] }): string {
  return name.regions.map((r) => r.label).join('') || '(none)';
}

function describeRegions(relation: RegionRelation, a: NameView, b: NameView): string {
  switch (relation) {
    case 'same':
      return `same region ${labels(a)}`;
    case 'nested':
      return `region ${labels(a)} within/around ${labels(b)}`;
    case 'one_missing':
      return `region ${labels(a.regions.length > 0 ? a : b)} on one side only`;
    case 'both_missing':
      return 'no region';
    case 'different':
      return `regions ${labels(a)} vs ${labels(b)}`;
  }
}

function describeLegal(a: NormalizedName, b: NormalizedName): string {
  const la = a.legalForms.join('+') || '—';
  const lb = b.legalForms.join('+') || '—';
  return la === lb ? '' : `; legal form ${la} vs ${lb}`;
}
