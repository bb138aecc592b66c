import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { rowsOf } from '../search/fenced-query.ts';
import { opportunities } from '../opportunities/opportunities.schema.ts';
import { users } from '../org/org.schema.ts';
import { dayAfter, dayStart, dealFilters } from './funnel.queries.ts';
import type { WinLossQuery } from './reports.types.ts';

interface Row {
  key: string | null;
  won: number;
  lost: number;
  won_amount: string;
  lost_amount: string;
}

/**
 * Deals closed in the period, won against lost, by close reason, competitor (every competitor named
 * on the deal, and the one it was lost to), source or rep. One aggregate over the closed deals
 * (index opportunities_closed_at_idx).
 */
export async function winLoss(db: Executor, p: Principal, q: WinLossQuery) {
  const where = and(
    dealFilters(p, q),
    inArray(opportunities.status, ['won', 'lost']),
    gte(opportunities.closedAt, dayStart(q.from)),
    lt(opportunities.closedAt, dayStart(dayAfter(q.to))),
  );
  const key = {
    reason: sql`nullif(btrim(${opportunities.closeReason}), '')`,
    source: sql`${opportunities.source}`,
    owner: sql`${opportunities.ownerId}::text`,
    competitor: sql`c.name`,
  }[q.by];
  // A competitor row per name on the deal, plus the one it was lost to when not already listed.
  const from = q.by === 'competitor'
    ? sql`opportunities cross join lateral (
        select distinct n as name from (
          select e->>'name' as n from jsonb_array_elements(${opportunities.competitors}) e
          union all select ${opportunities.lostTo}
        ) x where n is not null and btrim(n) <> '') c`
    : sql`opportunities`;
  const rows = rowsOf<Row>(await db.execute(sql`
    select ${key} as key,
      (count(*) filter (where ${opportunities.status} = 'won'))::int as won,
      (count(*) filter (where ${opportunities.status} = 'lost'))::int as lost,
      coalesce(sum(${opportunities.amount}) filter (where ${opportunities.status} = 'won'), 0)::numeric(18,2)::text as won_amount,
      coalesce(sum(${opportunities.amount}) filter (where ${opportunities.status} = 'lost'), 0)::numeric(18,2)::text as lost_amount
    from ${from}
    where ${where}
    group by 1
    order by count(*) desc, 1
    limit 200`));
  const names = q.by === 'owner' && rows.length
    ? new Map((await db.select({ id: users.id, name: users.name }).from(users)
        .where(and(eq(users.tenantId, p.tenantId), inArray(users.id, rows.map((r) => r.key).filter((k): k is string => !!k))))).map((u) => [u.id, u.name]))
    : undefined;
  return rows.map((r) => ({
    key: r.key,
    label: names ? (names.get(r.key ?? '') ?? null) : r.key,
    won: Number(r.won),
    lost: Number(r.lost),
    wonAmount: r.won_amount,
    lostAmount: r.lost_amount,
    winRate: Number(r.won) + Number(r.lost) ? Math.round((Number(r.won) / (Number(r.won) + Number(r.lost))) * 10_000) / 10_000 : null,
  }));
}
