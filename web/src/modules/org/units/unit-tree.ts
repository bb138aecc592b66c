import type { OrgUnit } from '../../../app/api/schemas';

/**
 * Builds a tree from the flat list the server returns (parents before children). A unit whose parent
 * is outside the caller's scope becomes a root: a branch manager's tree starts at their branch.
 */
export function buildTree<N>(units: OrgUnit[], make: (unit: OrgUnit, children: N[]) => N): N[] {
  const ids = new Set(units.map((u) => u.id));
  const childrenOf = new Map<string, OrgUnit[]>();
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : '';
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), u]);
  }
  const build = (parent: string): N[] => (childrenOf.get(parent) ?? []).map((u) => make(u, build(u.id)));
  return build('');
}

/** The unit and everything below it: where it may not be moved. */
export function subtreeIds(units: OrgUnit[], rootId: string): Set<string> {
  const out = new Set([rootId]);
  // Parents come before children in the server's order, so one pass collects the whole subtree.
  for (const u of units) if (u.parentId && out.has(u.parentId)) out.add(u.id);
  return out;
}

export interface UnitOption {
  value: string;
  title: string;
  disabled?: boolean;
  children: UnitOption[];
}

/** Options for a TreeSelect of units; `disable` greys out units that may not be picked. */
export const unitOptions = (units: OrgUnit[], disable?: (u: OrgUnit) => boolean): UnitOption[] =>
  buildTree<UnitOption>(units, (u, children) => ({ value: u.id, title: u.name, disabled: disable?.(u), children }));
