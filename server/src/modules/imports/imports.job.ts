import { defineJob } from '../../platform/jobs/define-job.ts';
import { loadImport, markFailed, runImport } from './imports.engine.ts';

/**
 * Runs an import in the background. Idempotent: the import resumes from its checkpoint, so a retry
 * after a crash (or a second copy of the job) continues where the last committed batch ended.
 */
export const importJob = defineJob<{ tenantId: string; importId: string }>({
  name: 'imports.run',
  retryLimit: 3,
  backoff: { delaySeconds: 10, exponential: true },
  // A long import holds its job; a crashed one is retried after this and resumes (or use "resume").
  timeoutSeconds: 4 * 3600,
  async handler({ tenantId, importId }, ctx) {
    try {
      await runImport(ctx.database, tenantId, importId);
    } catch (err) {
      if (ctx.lastAttempt) {
        const job = await loadImport(ctx.database.db, tenantId, importId);
        if (job) await markFailed(ctx.database.db, job, err instanceof Error ? err.message : String(err));
      }
      throw err;
    }
  },
});
