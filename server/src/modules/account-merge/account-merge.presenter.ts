import type { Principal } from '../../platform/access/principal.ts';
import type { FieldDefinition } from '../custom-fields/index.ts';
import { presentAccount } from '../accounts/accounts.presenter.ts';
import type { MergeRow } from './account-merge.queries.ts';
import type { AccountMergeDto } from './account-merge.types.ts';
import type { MergeOutcome } from './mergeAccounts.ts';
import { undoDeadline } from './undoMerge.ts';

const counts = (c: Record<string, number>) => Object.entries(c).map(([link, count]) => ({ link, count })).sort((a, b) => a.link.localeCompare(b.link));

export function presentMerge(row: MergeRow, now = new Date()): AccountMergeDto {
  const m = row.merge;
  const until = undoDeadline(m.createdAt);
  return {
    id: m.id,
    survivorId: m.survivorId,
    survivorName: row.survivorName,
    merged: m.mergedIds.map((id) => ({ id, name: row.mergedNames.get(id) ?? '' })),
    moved: counts(m.counts),
    createdAt: m.createdAt.toISOString(),
    createdById: m.createdBy,
    createdByName: row.createdByName,
    undoneAt: m.undoneAt?.toISOString() ?? null,
    undoableUntil: until.toISOString(),
    canUndo: !m.undoneAt && now < until,
  };
}

export function presentMergeOutcome(p: Principal, o: MergeOutcome, defs: FieldDefinition[]) {
  return {
    mergeId: o.mergeId,
    survivor: presentAccount(p, o.survivor, defs),
    moved: counts(o.moved),
    removed: counts(o.removed),
    sources: o.sources,
  };
}
