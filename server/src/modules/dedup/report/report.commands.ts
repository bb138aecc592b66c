import { and, eq, inArray } from 'drizzle-orm';
import { audit } from '../../../platform/audit/audit.ts';
import type { Executor } from '../../../platform/db/engine.ts';
import { newId } from '../../../platform/db/ids.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { enqueue } from '../../../platform/jobs/enqueue.ts';
import { dedupReportRuns } from './report.schema.ts';
// report.job.ts imports this module too; each side uses the other only when called.
import { duplicateReportJob } from './report.job.ts';

export type ReportRun = typeof dedupReportRuns.$inferSelect;

/**
 * A new run, queued with its job in one transaction, or undefined when the tenant already has one
 * queued or running: a partial unique index allows one active run per tenant, so two clicks at once
 * cannot start two.
 */
export async function queueReportRun(
  db: Executor, tenantId: string, opts: { trigger: 'manual' | 'schedule'; requestedBy?: string; onQueued?: (tx: Executor, run: ReportRun) => Promise<void> },
): Promise<ReportRun | undefined> {
  return db.transaction(async (tx) => {
    const [run] = await tx
      .insert(dedupReportRuns)
      .values({ tenantId, id: newId(), trigger: opts.trigger, requestedBy: opts.requestedBy ?? null })
      .onConflictDoNothing()
      .returning();
    if (!run) return undefined;
    await enqueue(tx, duplicateReportJob, { tenantId, runId: run.id }, { singletonKey: run.id });
    await opts.onQueued?.(tx, run);
    return run;
  });
}

/** "Recompute" on the report page: refused while a run is queued or running (the page shows its progress). */
export async function requestReportRun(ctx: Ctx): Promise<ReportRun> {
  const run = await queueReportRun(ctx.db, ctx.principal.tenantId, {
    trigger: 'manual',
    requestedBy: ctx.principal.userId,
    onQueued: (tx, queued) => audit(tx, ctx.actor, { action: 'duplicate_report_run', objectType: 'duplicate_report', objectId: queued.id }),
  });
  if (!run) throw new AppError('duplicate_report_running');
  return run;
}

export async function activeRun(db: Executor, tenantId: string): Promise<ReportRun | undefined> {
  const [run] = await db.select().from(dedupReportRuns)
    .where(and(eq(dedupReportRuns.tenantId, tenantId), inArray(dedupReportRuns.state, ['queued', 'running'])));
  return run;
}
