import { pinyin } from 'pinyin-pro';
import { normalizeText } from './normalize.ts';
import { hasHan } from './pinyin.ts';

/**
 * What lists sort names by: Chinese readers expect 阿里 < 北京 < 中海 (pinyin order), which no
 * database collation available on both engines gives. Syllables are space-separated so "xi an"
 * sorts before "xian"; the folded name follows to break ties between homophones.
 */
export function sortKey(name: string, opts: { person?: boolean } = {}): string {
  const folded = normalizeText(name);
  const reading = hasHan(folded) ? pinyin(folded, { toneType: 'none', type: 'array', v: true, surname: opts.person ? 'head' : 'off' }).join(' ').toLowerCase() : folded;
  return `${reading}\u0001${folded}`.slice(0, 400);
}
