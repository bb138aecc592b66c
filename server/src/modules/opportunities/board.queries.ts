import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { unitSubtree } from '../accounts/accounts.queries.ts';
import { users } from '../org/org.schema.ts';
import { rowsOf } from '../search/fenced-query.ts';
import type { PipelineRecord } from '../pipelines/pipelines.queries.ts';
import { opportunityScope, selectOpportunities } from './opportunities.queries.ts';
import { opportunities } from './opportunities.schema.ts';
import type { BoardQuery, CoachingQuery } from './opportunities.types.ts';

/** Open deals, and closed ones of the last N days: a board shows what is being worked on. */
function boardWhere(p: Principal, pipelineId: string | undefined, q: { ownerId?: string; unitId?: string }, closedDays?: number): SQL {
  return and(
    opportunityScope(p),
    pipelineId ? eq(opportunities.pipelineId, pipelineId) : undefined,
    q.ownerId ? eq(opportunities.ownerId, q.ownerId) : undefined,
    q.unitId ? unitSubtree(p.tenantId, q.unitId, opportunities.unitId) : undefined,
    closedDays === undefined
      ? eq(opportunities.status, 'open')
      : sql`(${opportunities.status} = 'open' or ${opportunities.closedAt} >= now() - make_interval(days => ${closedDays}))`,
  )!;
}

/**
 * The kanban: per stage its count, sum and weighted sum (one aggregate), and the first cards of
 * each column by close date (one query, row_number per stage).
 */
export async function loadBoard(db: Executor, p: Principal, pipeline: PipelineRecord, q: BoardQuery) {
  const where = boardWhere(p, pipeline.id, q, q.closedDays);
  const totals = await db
    .select({
      stageId: opportunities.stageId,
      count: sql<number>`count(*)::int`,
      amount: sql<string>`coalesce(sum(${opportunities.amount}), 0)::numeric(18,2)::text`,
      weighted: sql<string>`coalesce(sum(${opportunities.amount} * ${opportunities.probability} / 100), 0)::numeric(18,2)::text`,
    })
    .from(opportunities)
    .where(where)
    .groupBy(opportunities.stageId);
  // The first cards of each column: one short index scan per stage (opportunities_stage_close_idx),
  // then the names joined for those cards only — never for the whole pipeline.
  const firstIds = await db.execute(sql`
    select x.id from pipeline_stages s cross join lateral (
      select ${opportunities.id} as id from ${opportunities}
      where ${where} and ${opportunities.stageId} = s.id
      order by ${opportunities.expectedCloseDate} asc nulls last, ${opportunities.id}
      limit ${q.perStage}) x
    where s.tenant_id = ${p.tenantId} and s.pipeline_id = ${pipeline.id} and s.active`);
  const ids = rowsOf<{ id: string }>(firstIds).map((r) => r.id);
  const cards = ids.length
    ? (await selectOpportunities(db, p).where(and(eq(opportunities.tenantId, p.tenantId), inArray(opportunities.id, ids))))
        .sort((a, b) => (a.expectedCloseDate ?? '9999-12-31').localeCompare(b.expectedCloseDate ?? '9999-12-31') || a.id.localeCompare(b.id))
    : [];
  return pipeline.stages
    .filter((s) => s.active)
    .map((s) => {
      const t = totals.find((r) => r.stageId === s.id);
      return {
        stage: s,
        count: t?.count ?? 0,
        amount: t?.amount ?? '0.00',
        weighted: t?.weighted ?? '0.00',
        items: cards.filter((c) => c.stageId === s.id),
      };
    });
}

export type BoardCardRow = Awaited<ReturnType<typeof loadBoard>>[number]['items'][number];

/**
 * The manager's one-to-one view: per rep, open deals and the three warning signs — no activity for
 * N days (stale), expected close date passed, no next step — then the flagged deals themselves.
 * Both are single queries over the rep's open deals (index opportunities_owner_idx).
 */
export async function loadCoaching(db: Executor, p: Principal, q: CoachingQuery) {
  const where = boardWhere(p, q.pipelineId, q);
  const lastTouch = sql`coalesce(${opportunities.lastActivityAt}, ${opportunities.createdAt})`;
  const stale = sql`${lastTouch} < now() - make_interval(days => ${q.staleDays})`;
  const pastClose = sql`${opportunities.expectedCloseDate} < current_date`;
  const noNextStep = sql`coalesce(btrim(${opportunities.nextStep}), '') = ''`;
  const reps = await db
    .select({
      ownerId: opportunities.ownerId,
      ownerName: users.name,
      open: sql<number>`count(*)::int`,
      openAmount: sql<string>`coalesce(sum(${opportunities.amount}), 0)::numeric(18,2)::text`,
      weightedAmount: sql<string>`coalesce(sum(${opportunities.amount} * ${opportunities.probability} / 100), 0)::numeric(18,2)::text`,
      stale: sql<number>`(count(*) filter (where ${stale}))::int`,
      pastClose: sql<number>`(count(*) filter (where ${pastClose}))::int`,
      noNextStep: sql<number>`(count(*) filter (where ${noNextStep}))::int`,
    })
    .from(opportunities)
    .leftJoin(users, and(eq(users.tenantId, opportunities.tenantId), eq(users.id, opportunities.ownerId)))
    .where(where)
    .groupBy(opportunities.ownerId, users.name)
    .orderBy(users.name);
  const deals = await selectOpportunities(db, p, {
    isStale: sql<boolean>`${stale}`.as('is_stale'),
    isPastClose: sql<boolean>`coalesce(${pastClose}, false)`.as('is_past_close'),
    isNoNextStep: sql<boolean>`${noNextStep}`.as('is_no_next_step'),
  })
    .where(and(where, sql`(${stale} or ${pastClose} or ${noNextStep})`))
    .orderBy(sql`${opportunities.expectedCloseDate} asc nulls last`, opportunities.id)
    .limit(200);
  return { reps, deals };
}

