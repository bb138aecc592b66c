import { pinyin } from 'pinyin-pro';

export interface PinyinForms {
  /** full pinyin without tones or spaces: 中海船务 → zhonghaichuanwu */
  full: string;
  /** first letter of each syllable: 中海船务 → zhcw */
  initials: string;
  /** for each character of the input: where its syllable sits in `full` and its letter in `initials` */
  spans: { full: [number, number]; initial: [number, number] }[];
}

/**
 * Pinyin of a folded (normalizeText) string, character by character so a match can be mapped
 * back to the characters it covers. pinyin-pro reads polyphones from context (重庆 → chongqing,
 * 银行行长 → yinhanghangzhang); `person` reads the first character as a surname (单 → shan, 曾 → zeng).
 * Latin letters and digits pass through; other symbols contribute nothing.
 */
export function pinyinForms(text: string, opts: { person?: boolean } = {}): PinyinForms {
  const chars = Array.from(text);
  const syllables = chars.length
    ? pinyin(text, { toneType: 'none', type: 'array', v: true, surname: opts.person ? 'head' : 'off' })
    : [];
  // pinyin-pro yields one entry per character; if a future version merges entries, fall back per character.
  const perChar = syllables.length === chars.length ? syllables : chars.map((c) => pinyin(c, { toneType: 'none', v: true }));
  let full = '';
  let initials = '';
  const spans: PinyinForms['spans'] = [];
  perChar.forEach((raw) => {
    const syllable = raw.toLowerCase().replace(/[^a-z0-9]/g, '');
    const f0 = full.length;
    const i0 = initials.length;
    full += syllable;
    initials += syllable.slice(0, 1);
    spans.push({ full: [f0, full.length], initial: [i0, initials.length] });
  });
  return { full, initials, spans };
}

/** Does the text contain a Chinese character (CJK unified ideographs, incl. extensions)? */
export const hasHan = (s: string) => /\p{Script=Han}/u.test(s);
