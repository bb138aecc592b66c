import { regionsOverlap, type Region } from './regions.ts';
import type { MatchReason, PreparedAccount } from './score.ts';

export interface ScoredLink {
  i: number;
  j: number;
  score: number;
  reasons: MatchReason[];
}

export interface DuplicateLink {
  a: string;
  b: string;
  score: number;
  reasons: MatchReason[];
}

/** Accounts that are probably one: connected by links at or above the threshold. */
export interface DuplicateGroup {
  ids: string[];
  /** The links that joined the group, strongest first (capped by maxLinksPerGroup). */
  links: DuplicateLink[];
  /** The strongest link's score, for sorting a report. */
  score: number;
}

/** What a group as a whole claims about its company, so that a merge never puts two contradicting accounts together. */
interface GroupFacts {
  creditCodes: Set<string>;
  regions: Region[];
}

/**
 * Groups from links, strongest first, refusing a link that would join two groups that contradict
 * each other. Plain transitive closure would: 火炬润滑油 (no region) is rightly linked both to
 * 上海火炬润滑油 and to 北京火炬润滑油, which are not one company. A contradiction is two valid
 * different credit codes, or main-name regions that do not overlap.
 */
export function groupLinks(accounts: PreparedAccount[], links: ScoredLink[], maxLinks: number): DuplicateGroup[] {
  const parent = new Map<number, number>();
  const facts = new Map<number, GroupFacts>();
  const find = (i: number): number => {
    if (!parent.has(i)) {
      parent.set(i, i);
      facts.set(i, factsOf(accounts[i]));
      return i;
    }
    let root = i;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let node = i; node !== root; ) {
      const up = parent.get(node)!;
      parent.set(node, root);
      node = up;
    }
    return root;
  };
  const joined: ScoredLink[] = [];
  links.sort((x, y) => y.score - x.score);
  for (const link of links) {
    const a = find(link.i);
    const b = find(link.j);
    if (a !== b) {
      const fa = facts.get(a)!;
      const fb = facts.get(b)!;
      if (contradict(fa, fb)) continue;
      const [small, large] = fa.regions.length + fa.creditCodes.size < fb.regions.length + fb.creditCodes.size ? [a, b] : [b, a];
      parent.set(small, large);
      const into = facts.get(large)!;
      const from = facts.get(small)!;
      for (const code of from.creditCodes) into.creditCodes.add(code);
      into.regions.push(...from.regions);
      facts.delete(small);
    }
    joined.push(link);
  }

  const byRoot = new Map<number, { members: Set<number>; links: DuplicateLink[] }>();
  for (const link of joined) {
    const root = find(link.i);
    let group = byRoot.get(root);
    if (!group) byRoot.set(root, (group = { members: new Set(), links: [] }));
    group.members.add(link.i).add(link.j);
    if (group.links.length < maxLinks) group.links.push({ a: accounts[link.i].id, b: accounts[link.j].id, score: link.score, reasons: link.reasons });
  }
  return [...byRoot.values()]
    .map((g) => ({ ids: [...g.members].map((i) => accounts[i].id), links: g.links, score: g.links[0]?.score ?? 0 }))
    .sort((x, y) => y.score - x.score || y.ids.length - x.ids.length);
}

function factsOf(account: PreparedAccount): GroupFacts {
  const main = account.names.find((n) => n.source === 'name')?.name;
  return {
    creditCodes: new Set(account.creditCodeValid && account.creditCode ? [account.creditCode] : []),
    regions: main ? [...main.regions] : [],
  };
}

function contradict(a: GroupFacts, b: GroupFacts): boolean {
  if (a.creditCodes.size > 0 && b.creditCodes.size > 0 && ![...a.creditCodes].some((c) => b.creditCodes.has(c))) return true;
  return a.regions.some((x) => b.regions.some((y) => !regionsOverlap(x, y)));
}
