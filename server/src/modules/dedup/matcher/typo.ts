import type { NameMatch, NameView } from './name-score.ts';
import { isHomophone } from './pinyin.ts';
import type { RegionRelation } from './regions.ts';
import { bigramDice, editDistance } from './similarity.ts';

/**
 * Typing mistakes: a character wrong, missing or a homophone (an input method's wrong pick) in the
 * brand, the rest of the core identical. Real brands one character apart are common (阿宝 / 阿保,
 * 七彩童话 / 七彩童年 are different companies in the corpus), so this evidence alone mostly
 * reaches "possible", not "likely".
 */
export function compareTypo(a: NameView, b: NameView, regions: RegionRelation): NameMatch | undefined {
  const cap = regions === 'different' ? 0.45 : 1;
  const brandA = a.brand || a.core;
  const brandB = b.brand || b.core;
  const length = Math.max(brandA.length, brandB.length);
  if (a.industries.join('|') === b.industries.join('|') && length >= 2 && brandA !== brandB) {
    const distance = editDistance(brandA, brandB, 2);
    const homophone = isHomophone(brandA, brandB);
    let score = 0;
    if (distance === 1) score = length >= 5 ? 0.76 : length === 4 ? 0.7 : length === 3 ? 0.62 : 0.5;
    else if (distance === 2 && length >= 6) score = 0.65;
    if (homophone) score = Math.max(score, length >= 5 ? 0.8 : length === 4 ? 0.76 : length === 3 ? 0.7 : 0.6);
    if (score > 0) {
      return {
        score: Math.min(score, cap),
        kind: 'similar_name',
        detail: `${brandA} ~ ${brandB}${homophone ? ' (same pinyin)' : ` (${distance} character${distance > 1 ? 's' : ''} apart)`}`,
      };
    }
  }
  const dice = bigramDice(a.core, b.core);
  if (dice < 0.5) return undefined;
  return {
    score: Math.min(dice * 0.6, cap),
    kind: 'similar_name',
    detail: `cores ${a.core} and ${b.core} share ${Math.round(dice * 100)}% of their character pairs`,
  };
}
