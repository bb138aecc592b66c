import * as OpenCC from 'opencc-js/t2cn';

// Hong Kong and Taiwan variants both fold to mainland simplified: 裏/裡 → 里, 衞 → 卫, 著 → 着.
const fromHk = OpenCC.Converter({ from: 'hk', to: 'cn' });
const fromTw = OpenCC.Converter({ from: 'tw', to: 'cn' });

// Conversion runs per character (so offsets map back to the original for highlighting); a name
// set has a few thousand distinct characters, so the memo stays small and saves the converter calls.
const memo = new Map<string, string>();

/**
 * Folds one character the way search compares text: compatibility forms (full-width ＡＢＣ１２３（）)
 * to their plain form, lower case, traditional to simplified. Whitespace folds to nothing, so
 * "上海 火炬" and "上海火炬" are the same text.
 */
export function foldChar(ch: string): string {
  const known = memo.get(ch);
  if (known !== undefined) return known;
  const plain = ch.normalize('NFKC').toLowerCase();
  const folded: string = /^\s*$/u.test(plain) ? '' : fromTw(fromHk(plain));
  if (memo.size < 50_000) memo.set(ch, folded);
  return folded;
}

/** The search form of a text: every character folded, whitespace removed. */
export function normalizeText(s: string): string {
  let out = '';
  for (const ch of s) out += foldChar(ch);
  return out;
}

export interface NormalizedText {
  text: string;
  /** for each UTF-16 unit of `text`, the [start, end) of the original character it came from */
  origin: [number, number][];
}

/** Like normalizeText, and remembers where each folded unit came from so a match maps back to the original. */
export function normalizeWithOffsets(s: string): NormalizedText {
  let text = '';
  const origin: [number, number][] = [];
  let at = 0;
  for (const ch of s) {
    const folded = foldChar(ch);
    text += folded;
    for (let i = 0; i < folded.length; i++) origin.push([at, at + ch.length]);
    at += ch.length;
  }
  return { text, origin };
}

/** Latin letters and digits only: what pinyin, initials and English words are searched as. */
export const isLatin = (s: string) => /^[a-z0-9]+$/.test(s);
