/** String similarity measures for cores and brands; all work on UTF-16 units, which is exact for the BMP Han range. */

const rowA = new Int32Array(64);
const rowB = new Int32Array(64);

/** Levenshtein distance with an early exit: returns max + 1 as soon as the distance must exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length >= rowA.length) return Math.min(max + 1, Math.max(a.length, b.length));
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/** Dice coefficient over character bigrams (the characters themselves for one-character strings). Allocation-free: names are short. */
export function bigramDice(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const na = a.length - 1;
  const nb = b.length - 1;
  let used = 0; // bit set of matched bigrams of b (names longer than 32 characters compare their first 32 bigrams)
  let shared = 0;
  for (let i = 0; i < na; i++) {
    const x0 = a.charCodeAt(i);
    const x1 = a.charCodeAt(i + 1);
    for (let j = 0; j < nb && j < 32; j++) {
      if ((used & (1 << j)) === 0 && b.charCodeAt(j) === x0 && b.charCodeAt(j + 1) === x1) {
        used |= 1 << j;
        shared++;
        break;
      }
    }
  }
  return (2 * shared) / (na + nb);
}

/**
 * Where the characters of `short` occur, in order, in `long` (leftmost greedy), or undefined if
 * they do not. Chinese abbreviations are formed this way: 深圳市振业 → 深振业, 中机寰宇认证检验 → 中机认检.
 */
export function subsequencePositions(short: string, long: string): number[] | undefined {
  const positions: number[] = [];
  let from = 0;
  for (const ch of short) {
    const at = long.indexOf(ch, from);
    if (at < 0) return undefined;
    positions.push(at);
    from = at + 1;
  }
  return positions;
}

/** True when the characters of `short` occur in order in `long`; no allocation. */
export function isSubsequence(short: string, long: string): boolean {
  let from = 0;
  for (let i = 0; i < short.length; i++) {
    const at = long.indexOf(short[i], from);
    if (at < 0) return false;
    from = at + 1;
  }
  return true;
}

/** Number of contiguous runs in a list of increasing positions: [0,1,2,5,6] → 2. */
export function runCount(positions: readonly number[]): number {
  let runs = 0;
  for (let i = 0; i < positions.length; i++) if (i === 0 || positions[i] !== positions[i - 1] + 1) runs++;
  return runs;
}
