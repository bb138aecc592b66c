import { pinyin } from 'pinyin-pro';

/**
 * Toneless pinyin per character, cached. Context-free on purpose: the same character always gets
 * the same reading, so two names compare consistently even where the reading is a polyphone's
 * other one. Used for homophone typos (火炬 / 火矩 both read huoju) and blocking keys.
 */
const readings: (string | undefined)[] = new Array(0x10000);

export function charPinyin(ch: string): string {
  const code = ch.charCodeAt(0);
  let reading = readings[code];
  if (reading === undefined) {
    reading = /\p{Script=Han}/u.test(ch) ? (pinyin(ch, { toneType: 'none', type: 'array' })[0] ?? ch) : ch;
    readings[code] = reading;
  }
  return reading;
}

/** Readings of each character joined, e.g. 火炬 → huoju. */
export function pinyinKey(text: string): string {
  let key = '';
  for (let i = 0; i < text.length; i++) key += charPinyin(text[i]);
  return key;
}

/** Same reading character by character (火炬 ≈ 火矩), but not the same characters. */
export function isHomophone(a: string, b: string): boolean {
  if (a === b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (charPinyin(a[i]) !== charPinyin(b[i])) return false;
  }
  return true;
}
