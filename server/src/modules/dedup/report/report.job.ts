import { defineJob } from '../../../platform/jobs/define-job.ts';
import { tenants } from '../../../platform/tenancy/tenant.table.ts';
import { computeDuplicateReport, loadRun, markRunFailed } from './compute-report.ts';
import { queueReportRun } from './report.commands.ts';

/** Computes one run of a tenant's duplicate report. Reloads the run by id; a finished or missing run is left alone. */
export const duplicateReportJob = defineJob<{ tenantId: string; runId: string }>({
  name: 'dedup.report',
  retryLimit: 2,
  backoff: { delaySeconds: 60, exponential: true },
  // 1,000,000 accounts take minutes; a run still active after this is presumed dead and retried from the start.
  timeoutSeconds: 2 * 3600,
  async handler({ tenantId, runId }, ctx) {
    try {
      await computeDuplicateReport(ctx.database, tenantId, runId);
    } catch (err) {
      if (ctx.lastAttempt && (await loadRun(ctx.database.db, tenantId, runId))) {
        await markRunFailed(ctx.database.db, tenantId, runId, err instanceof Error ? err.message : String(err));
      }
      throw err;
    }
  },
});

/** Nightly, after the key backfill (01:30): a fresh report for every tenant, unless one is already on its way. */
export const nightlyDuplicateReportJob = defineJob<Record<string, never>>({
  name: 'dedup.report-nightly',
  retryLimit: 2,
  backoff: { delaySeconds: 300, exponential: true },
  timeoutSeconds: 10 * 60,
  schedule: { cron: '30 2 * * *', timezone: 'Asia/Shanghai', payload: {} },
  async handler(_payload, { database }) {
    const all = await database.db.select({ id: tenants.id }).from(tenants);
    let queued = 0;
    for (const { id } of all) if (await queueReportRun(database.db, id, { trigger: 'schedule' })) queued++;
    return { queued };
  },
});
