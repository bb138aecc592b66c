import { blockingKeys, isShortFormKey, shortFormMayMatch } from './blocking.ts';
import { groupLinks, type DuplicateGroup, type ScoredLink } from './grouping.ts';
import {
  LIKELY_DUPLICATE_THRESHOLD,
  isRegisteredName,
  prepareAccount,
  scorePrepared,
  type AccountRecord,
  type PreparedAccount,
} from './score.ts';

export type { DuplicateGroup, DuplicateLink } from './grouping.ts';

export interface DuplicateReport {
  groups: DuplicateGroup[];
  stats: {
    accounts: number;
    keys: number;
    /** Blocks of two or more accounts. */
    blocks: number;
    /** Blocks larger than maxBlockSize, compared only within a sliding window. */
    windowedBlocks: number;
    comparisons: number;
    ms: { prepare: number; block: number; compare: number; total: number };
  };
}

export interface DuplicateReportOptions {
  threshold?: number;
  /** Blocks up to this size are compared pair by pair; larger ones by sorted neighbourhood. */
  maxBlockSize?: number;
  /** Neighbours each account is compared with inside an oversized block. */
  window?: number;
  maxLinksPerGroup?: number;
}

/** Index bits in a packed (hash, index) entry: 2^23 ≈ 8.4 million accounts per run. */
const INDEX_BITS = 23;
const INDEX_SPACE = 2 ** INDEX_BITS;
const MAX_ACCOUNTS = INDEX_SPACE - 1;

/**
 * Duplicate groups across many accounts in about linear time: every account gets a few blocking
 * keys, keys are hashed and sorted (a packed Float64Array, no per-key objects), and only accounts
 * sharing a key are scored. A pair sharing several keys is scored once, in the first block that
 * contains both. Oversized blocks (a generic 中国… prefix, a switchboard number shared by a
 * thousand accounts) are compared within a window after sorting, so one block cannot make the
 * cost quadratic.
 */
export function findDuplicateGroups(records: Iterable<AccountRecord>, options: DuplicateReportOptions = {}): DuplicateReport {
  const threshold = options.threshold ?? LIKELY_DUPLICATE_THRESHOLD;
  const maxBlockSize = options.maxBlockSize ?? 200;
  const window = options.window ?? 20;
  const maxLinks = options.maxLinksPerGroup ?? 50;
  const started = performance.now();

  const accounts: PreparedAccount[] = [];
  /** Accounts named by a short form rather than a registered name: the only ones compared through short-form keys. */
  const unregistered: boolean[] = [];
  const keyOffsets: number[] = [0];
  const keyHashes: number[] = [];
  for (const record of records) {
    if (accounts.length >= MAX_ACCOUNTS) throw new Error(`findDuplicateGroups: more than ${MAX_ACCOUNTS} accounts in one run`);
    const account = prepareAccount(record);
    accounts.push(account);
    unregistered.push(!isRegisteredName(account));
    const hashes = [...new Set(blockingKeys(account).map(hashKey))].sort((x, y) => x - y);
    keyHashes.push(...hashes);
    keyOffsets.push(keyHashes.length);
  }
  const prepared = performance.now();

  const entries = new Float64Array(keyHashes.length);
  for (let i = 0; i < accounts.length; i++) {
    for (let k = keyOffsets[i]; k < keyOffsets[i + 1]; k++) entries[k] = keyHashes[k] * INDEX_SPACE + i;
  }
  entries.sort();
  const oversized = new Set<number>();
  forEachBlock(entries, (hash, members) => {
    if (members.length > maxBlockSize) oversized.add(hash);
  });
  const blocked = performance.now();

  /**
   * The one block in which a pair is scored, so that a pair sharing several keys is scored once:
   * the smallest shared ordinary key, else the smallest shared short-form key (only when one of the
   * two is named by a short form), preferring blocks that are not oversized; -1 when none qualifies.
   */
  const scoringBlock = (i: number, j: number): number => {
    const viaShortFormKeys = unregistered[i] || unregistered[j];
    let best = -1;
    let bestRank = 4;
    let k = keyOffsets[i];
    let l = keyOffsets[j];
    while (k < keyOffsets[i + 1] && l < keyOffsets[j + 1]) {
      const x = keyHashes[k];
      const y = keyHashes[l];
      if (x < y) k++;
      else if (x > y) l++;
      else {
        const shortFormKey = (x & 1) === 1;
        if (!shortFormKey || viaShortFormKeys) {
          const rank = (oversized.has(x) ? 2 : 0) + (shortFormKey ? 1 : 0);
          if (rank < bestRank) {
            best = x;
            bestRank = rank;
          }
          if (rank === 0) return best;
        }
        k++;
        l++;
      }
    }
    return best;
  };

  const links: ScoredLink[] = [];
  let comparisons = 0;
  let blocks = 0;
  const compare = (hash: number, i: number, j: number) => {
    if ((hash & 1) === 1 && !unregistered[i] && !unregistered[j]) return;
    if (scoringBlock(i, j) !== hash) return;
    if ((hash & 1) === 1 && !shortFormMayMatch(accounts[i], accounts[j])) return;
    comparisons++;
    const result = scorePrepared(accounts[i], accounts[j]);
    if (result.score < threshold) return;
    links.push({ i, j, score: result.score, reasons: result.reasons });
  };
  forEachBlock(entries, (hash, members) => {
    if (members.length < 2) return;
    blocks++;
    if (oversized.has(hash)) {
      const sortKey = (i: number) => accounts[i].names[0]?.name.text ?? '';
      members.sort((x, y) => (sortKey(x) < sortKey(y) ? -1 : sortKey(x) > sortKey(y) ? 1 : 0));
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y <= x + window && y < members.length; y++) compare(hash, members[x], members[y]);
      }
    } else if ((hash & 1) === 1) {
      // Short-form keys: only pairs with an account named by a short form, so enumerate from those.
      for (const s of members) {
        if (!unregistered[s]) continue;
        for (const other of members) if (other !== s && !(unregistered[other] && other < s)) compare(hash, s, other);
      }
    } else {
      for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) compare(hash, members[x], members[y]);
    }
  });
  const compared = performance.now();

  const groups = groupLinks(accounts, links, maxLinks);
  return {
    groups,
    stats: {
      accounts: accounts.length,
      keys: entries.length,
      blocks,
      windowedBlocks: oversized.size,
      comparisons,
      ms: {
        prepare: Math.round(prepared - started),
        block: Math.round(blocked - prepared),
        compare: Math.round(compared - blocked),
        total: Math.round(performance.now() - started),
      },
    },
  };
}

function forEachBlock(entries: Float64Array, visit: (hash: number, members: number[]) => void): void {
  let start = 0;
  while (start < entries.length) {
    const hash = Math.floor(entries[start] / INDEX_SPACE);
    let end = start;
    const members: number[] = [];
    while (end < entries.length && Math.floor(entries[end] / INDEX_SPACE) === hash) {
      members.push(entries[end] % INDEX_SPACE);
      end++;
    }
    visit(hash, members);
    start = end;
  }
}

/**
 * FNV-1a, truncated to 30 bits so that hash · 2^23 + index stays an exact double; the lowest bit
 * says whether the key is a short-form key (see blocking.ts).
 */
function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 3) << 1) | (isShortFormKey(key) ? 1 : 0);
}
