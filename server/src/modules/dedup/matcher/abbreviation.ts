import type { NameMatch } from './name-score.ts';
import type { NormalizedName } from './normalize.ts';
import type { RegionRelation } from './regions.ts';
import { runCount } from './similarity.ts';

/** Words that may end a short name without making it a full registered name: 双林股份, 万科集团. */
const SHORT_NAME_ENDINGS = new Set(['股份', '集团', '控股', '有限']);

/** A name typed without a registered legal form: 万科, 火炬润滑油, 深振业, 力星股份. */
export function isShortForm(name: NormalizedName): boolean {
  return name.legalForms.every((form) => SHORT_NAME_ENDINGS.has(form));
}

/**
 * `short` as an abbreviation of `full`: Chinese abbreviations take characters in order, usually
 * the first of each word (深圳市振业 → 深振业, 中机寰宇认证检验 → 中机认检, 江苏江顺精密科技 →
 * 江顺科技). Any few characters occur in order in some long name by chance, so the match must
 * start where a word starts, and it scores by how much of the brand it keeps and how it skips.
 */
export function compareAbbreviation(short: NormalizedName, full: NormalizedName, regions: RegionRelation): NameMatch | undefined {
  const text = short.stem;
  if (!isShortForm(short) || text.length < 2 || text.length >= full.stem.length || regions === 'different') return undefined;
  const stem = full.stem;
  const coreStart = stem.length - full.core.length;
  const brandStart = coreStart;
  const brandEnd = coreStart + (full.brand || full.core).length;

  let best: number | undefined;
  for (const anchor of wordStarts(full, coreStart)) {
    if (stem[anchor] !== text[0]) continue;
    const positions = matchFrom(text, stem, anchor);
    if (!positions) continue;
    const inBrand = positions.filter((p) => p >= brandStart && p < brandEnd);
    const brandLength = brandEnd - brandStart;
    const runs = runCount(positions);
    let score = 0.72;
    if (inBrand.length >= Math.min(2, brandLength)) score += 0.08;
    if (inBrand.length === brandLength) score += 0.04;
    if (runs <= 2) score += 0.04;
    if (runs >= 4) score -= 0.04;
    if (text.length >= 3) score += 0.04;
    // 深中华 in 深圳中恒华发: skipping inside the brand while leaving part of it out is how a different name looks.
    if (inBrand.length < brandLength && inBrand.length > 1 && runCount(inBrand) > 1) score -= 0.06;
    if (inBrand.length === 0) score -= 0.15;
    best = Math.max(best ?? 0, Math.min(score, 0.92));
  }
  if (best !== undefined) return { score: best, kind: 'short_name', detail: `${text} reads as an abbreviation of ${stem}` };

  // Dropping the leading word is rarer (无线传媒 for 河北广电无线传媒): only a contiguous piece, only "possible".
  const at = stem.indexOf(text);
  if (at > 0 && text.length >= 3) return { score: text.length >= 4 ? 0.75 : 0.7, kind: 'short_name', detail: `${text} is part of ${stem}` };
  return undefined;
}

/** Where a word of the full name starts: the name, each region written before the core, the core, the core after 中国/中华/中. */
function wordStarts(full: NormalizedName, coreStart: number): Set<number> {
  const starts = new Set([0, coreStart]);
  for (const region of [...full.regions, ...(full.regionalReading?.regions ?? [])]) {
    const at = full.stem.indexOf(region.label);
    if (at >= 0 && at < coreStart + 2) starts.add(at);
  }
  const core = full.stem.slice(coreStart);
  if (core.startsWith('中国') || core.startsWith('中华')) starts.add(coreStart + 2);
  else if (core.startsWith('中')) starts.add(coreStart + 1);
  return starts;
}

function matchFrom(text: string, stem: string, anchor: number): number[] | undefined {
  const positions = [anchor];
  let from = anchor + 1;
  for (let i = 1; i < text.length; i++) {
    const at = stem.indexOf(text[i], from);
    if (at < 0) return undefined;
    positions.push(at);
    from = at + 1;
  }
  return positions;
}
