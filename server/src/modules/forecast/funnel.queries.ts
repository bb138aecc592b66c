import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import { scopeKindOf } from '../../platform/access/scope.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { unitSubtree } from '../accounts/accounts.queries.ts';
import { sumAmounts } from '../opportunities/money.ts';
import { opportunityScope } from '../opportunities/opportunities.queries.ts';
import { opportunities, opportunityStageHistory } from '../opportunities/opportunities.schema.ts';
import type { PipelineRecord } from '../pipelines/pipelines.queries.ts';
import type { ReportFilters } from './reports.types.ts';

/** The day after `to`: periods are inclusive dates, timestamps compare half-open. */
export const dayAfter = (to: string) => {
  const d = new Date(`${to}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Periods are days of the company's calendar, read in Beijing time (UTC+8, no daylight saving). */
export const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

export function dealFilters(p: Principal, f: { pipelineId?: string; unitId?: string; ownerId?: string }): SQL {
  return and(
    opportunityScope(p),
    f.pipelineId ? eq(opportunities.pipelineId, f.pipelineId) : undefined,
    f.unitId ? unitSubtree(p.tenantId, f.unitId, opportunities.unitId) : undefined,
    f.ownerId ? eq(opportunities.ownerId, f.ownerId) : undefined,
  )!;
}

const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 10_000) / 10_000 : null);

/**
 * The funnel of the deals created in a period: how many reached each open stage (from the deal's
 * furthest reached stage, kept on the deal), how many are in each stage now, won and lost, and the
 * conversion from stage to stage. One aggregate over the deals of the period, grouped by
 * (reached stage, current stage) — a few dozen rows at most whatever the number of deals — folded here.
 */
export async function funnel(db: Executor, p: Principal, pipeline: PipelineRecord, f: ReportFilters) {
  const rows = await db
    .select({
      reachedOrder: opportunities.reachedOrder,
      stageId: opportunities.stageId,
      status: opportunities.status,
      count: sql<number>`count(*)::int`,
      amount: sql<string>`coalesce(sum(${opportunities.amount}), 0)::numeric(18,2)::text`,
    })
    .from(opportunities)
    .where(and(
      dealFilters(p, { ...f, pipelineId: pipeline.id }),
      gte(opportunities.createdAt, dayStart(f.from)),
      lt(opportunities.createdAt, dayStart(dayAfter(f.to))),
    ))
    .groupBy(opportunities.reachedOrder, opportunities.stageId, opportunities.status);
  const sum = (list: typeof rows) => ({ count: list.reduce((n, r) => n + r.count, 0), amount: sumAmounts(list.map((r) => r.amount)) });
  let previous: number | null = null;
  const stages = pipeline.stages.filter((s) => s.active).map((s) => {
    const reachedRows = s.kind === 'open' ? rows.filter((r) => r.reachedOrder >= s.sortOrder) : rows.filter((r) => r.stageId === s.id);
    const reached = sum(reachedRows);
    const current = sum(rows.filter((r) => r.stageId === s.id));
    // Lost deals are not a step of the funnel: their stage has no conversion.
    const conversion = s.kind === 'lost' ? null : previous === null ? null : ratio(reached.count, previous);
    if (s.kind !== 'lost') previous = reached.count;
    return {
      stageId: s.id, name: s.name, kind: s.kind, probability: s.probability,
      reached: reached.count, reachedAmount: reached.amount, current: current.count, currentAmount: current.amount, conversion,
    };
  });
  const won = sum(rows.filter((r) => r.status === 'won'));
  const lost = sum(rows.filter((r) => r.status === 'lost'));
  return { pipelineId: pipeline.id, total: sum(rows), stages, won, lost, winRate: ratio(won.count, won.count + lost.count) };
}

/**
 * Time in stage: the stays that began in the period, per stage — how many, the average and the
 * median length in days (a stay not ended yet counts until now). One aggregate over the history.
 */
export async function stageTimes(db: Executor, p: Principal, pipeline: PipelineRecord, f: ReportFilters) {
  const h = opportunityStageHistory;
  const days = sql`extract(epoch from coalesce(${h.leftAt}, now()) - ${h.enteredAt}) / 86400`;
  const select = {
    stageId: h.stageId,
    stays: sql<number>`count(*)::int`,
    averageDays: sql<string | null>`round(avg(${days})::numeric, 1)::text`,
    medianDays: sql<string | null>`round((percentile_cont(0.5) within group (order by ${days}))::numeric, 1)::text`,
    stillIn: sql<number>`(count(*) filter (where ${h.leftAt} is null))::int`,
  };
  const stays = and(
    eq(h.tenantId, p.tenantId),
    eq(h.pipelineId, pipeline.id),
    gte(h.enteredAt, dayStart(f.from)),
    lt(h.enteredAt, dayStart(dayAfter(f.to))),
  );
  // Who sees every deal of the tenant and filters by neither unit nor rep needs nothing of the deal but
  // "not deleted": an anti-join against the few deleted deals (opportunities_deleted_idx), and the
  // stays are read from their index alone. Anyone else's scope is on the deal: join it.
  const wholeTenant = scopeKindOf(p, 'opportunity') === 'all' && !f.unitId && !f.ownerId;
  const rows = wholeTenant
    ? await db.select(select).from(h)
      .where(and(stays, sql`not exists (select 1 from ${opportunities} d where d.tenant_id = ${h.tenantId} and d.id = ${h.opportunityId} and d.deleted_at is not null)`))
      .groupBy(h.stageId)
    : await db.select(select).from(h)
      .innerJoin(opportunities, and(eq(opportunities.tenantId, h.tenantId), eq(opportunities.id, h.opportunityId)))
      .where(and(stays, dealFilters(p, { ...f, pipelineId: pipeline.id })))
      .groupBy(h.stageId);
  return {
    stages: pipeline.stages.filter((s) => s.active && s.kind === 'open').map((s) => {
      const r = rows.find((x) => x.stageId === s.id);
      return {
        stageId: s.id, name: s.name, kind: s.kind, stays: r?.stays ?? 0,
        averageDays: r?.averageDays == null ? null : Number(r.averageDays),
        medianDays: r?.medianDays == null ? null : Number(r.medianDays),
        stillIn: r?.stillIn ?? 0,
      };
    }),
  };
}
