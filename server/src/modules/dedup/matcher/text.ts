import OpenCC from 'opencc-js';

/**
 * Character-level cleanup shared by every comparison: width, script, case, brackets.
 * Nothing here knows about companies.
 */

// 'tw' also folds Taiwan variant characters (裡, 綫); it is a superset of plain traditional for this purpose.
const toSimplifiedPhrase = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Per-code-unit cache: 0 not yet known, 1 unchanged by the converter, 2 traditional. Most names have none, and then we skip it. */
const scriptOfChar = new Uint8Array(0x10000);

function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x3400 || (code >= 0xd800 && code <= 0xdfff)) continue;
    let script = scriptOfChar[code];
    if (script === 0) {
      const ch = text[i];
      script = scriptOfChar[code] = toSimplifiedPhrase(ch) !== ch ? 2 : 1;
    }
    if (script === 2) return true;
  }
  return false;
}

/** Traditional → simplified, phrase-aware (OpenCC), and only paid for when a traditional character is present. */
export function toSimplified(text: string): string {
  return hasTraditional(text) ? toSimplifiedPhrase(text) : text;
}

const ONLY_HAN = /^[\u4e00-\u9fff]*$/;
const OPENING_BRACKETS = /[[{【〔〖〈《「『﹝<]/g;
const CLOSING_BRACKETS = /[\]}】〕〗〉》」』﹞>]/g;

/**
 * Full-width → half-width (NFKC also folds compatibility ideographs), traditional → simplified,
 * lower case, every bracket style → ( ). Spaces and punctuation are kept: later steps need word
 * boundaries in Latin names.
 */
export function foldCharacters(text: string): string {
  // Most names are Han characters only: nothing to fold but the script.
  if (ONLY_HAN.test(text)) return toSimplified(text);
  return toSimplified(text.normalize('NFKC'))
    .toLowerCase()
    .replace(OPENING_BRACKETS, '(')
    .replace(CLOSING_BRACKETS, ')');
}

/** Keep letters, digits and, when asked, round brackets; drop spaces and punctuation. */
export function stripPunctuation(text: string, keepBrackets: boolean): string {
  if (ONLY_HAN.test(text)) return text;
  return keepBrackets ? text.replace(/[^\p{L}\p{N}()]/gu, '') : text.replace(/[^\p{L}\p{N}]/gu, '');
}

export function hasHan(text: string): boolean {
  if (ONLY_HAN.test(text)) return text.length > 0;
  return /\p{Script=Han}/u.test(text);
}

/**
 * Stock-exchange decorations that people copy along with a listed company's short name:
 * *ST / ST / S*ST before it, the share class A/B after it (万科A, 深振业A, *ST国华).
 */
export function stripStockMarkers(text: string): string {
  if (ONLY_HAN.test(text)) return text;
  return text
    .replace(/^\s*(\*?\s*s\s*)?\*?\s*st\s*(?=\p{Script=Han})/u, '')
    .replace(/(?<=\p{Script=Han})\s*[ab]\s*$/u, '');
}
