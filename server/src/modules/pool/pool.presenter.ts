import type { listPool, accountOwnerHistory } from './pool.queries.ts';
import type { PoolRule } from './pool-rules.ts';

const iso = (v: Date | string | null | undefined) => (v == null ? null : new Date(v).toISOString());

type PoolRow = Awaited<ReturnType<typeof listPool>>['items'][number];
export const presentPoolItem = (r: PoolRow) => ({
  ...r, lastActivityAt: iso(r.lastActivityAt), inPoolSince: iso(r.inPoolSince), updatedAt: iso(r.updatedAt)!,
});

type HistoryRow = Awaited<ReturnType<typeof accountOwnerHistory>>[number];
export const presentHistory = (r: HistoryRow) => ({
  id: r.id, reason: r.reason, fromOwnerId: r.fromOwnerId, toOwnerId: r.toOwnerId, toOwnerName: r.toOwnerName, toPool: r.toPool,
  fromUnitId: r.fromUnitId, toUnitId: r.toUnitId, note: r.note, actorUserId: r.actorUserId, at: iso(r.at)!,
});

export const presentRule = (r: PoolRule) => ({
  id: r.id, unitId: r.unitId, maxPrivate: r.maxPrivate, idleDays: r.idleDays, noWonDealDays: r.noWonDealDays,
  warnDays: r.warnDays, reclaimCooldownDays: r.reclaimCooldownDays, version: r.version, updatedAt: r.updatedAt.toISOString(),
});
