import PgBoss from 'pg-boss';
import type { Database } from '../db/engine.ts';
import type { JobDefinition } from './define-job.ts';
import { databaseAdapter } from './pg-boss-adapter.ts';

/** Finished jobs stay in the queue this long: the window in which a singleton key dedupes. */
export const KEEP_FINISHED_DAYS = 7;

export interface JobLog {
  info(msg: string): void;
  error(err: unknown, msg: string): void;
}

export interface JobRunnerOptions {
  /** run handlers, cron schedules and pg-boss maintenance here; off, the runner only prepares queues */
  work: boolean;
  /**
   * Seconds between polls of each queue. A poll is one short UPDATE … FOR UPDATE SKIP LOCKED, and no
   * transaction stays open while a handler runs, so PGlite's single connection is only held briefly.
   */
  pollingSeconds?: number;
  log: JobLog;
}

export interface JobRunner {
  /** pg-boss itself, for inspection (getJobById, getQueueSize) */
  boss: PgBoss;
  /** waits for running handlers (up to 30 s), then stops polling; the database stays open */
  stop(): Promise<void>;
}

/**
 * Installs or upgrades pg-boss's schema, creates a queue per job with the job's retry settings,
 * registers cron schedules and, when `work` is on, polls the queues and runs the handlers.
 * Every process that enqueues needs the queues, so `startServer` calls this even with jobs off.
 */
export async function startJobRunner(database: Database, jobs: JobDefinition[], opts: JobRunnerOptions): Promise<JobRunner> {
  const boss = new PgBoss({
    db: databaseAdapter(database),
    supervise: opts.work,
    schedule: opts.work,
    archiveCompletedAfterSeconds: KEEP_FINISHED_DAYS * 86_400,
    deleteAfterDays: 30,
  });
  boss.on('error', (err) => opts.log.error(err, 'background jobs: pg-boss error'));
  await boss.start();

  for (const job of jobs) {
    const settings = {
      retryLimit: job.retryLimit,
      retryDelay: job.backoff.delaySeconds,
      retryBackoff: job.backoff.exponential,
      expireInSeconds: job.timeoutSeconds,
    };
    // createQueue leaves an existing queue as it was; updateQueue brings its settings up to date.
    await boss.createQueue(job.name, { name: job.name, ...settings });
    await boss.updateQueue(job.name, { name: job.name, ...settings });
    if (job.schedule) await boss.schedule(job.name, job.schedule.cron, job.schedule.payload, { tz: job.schedule.timezone, ...settings });
    else await boss.unschedule(job.name);
  }

  if (opts.work) {
    for (const job of jobs) {
      await boss.work<Parameters<typeof job.handler>[0]>(
        job.name,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: opts.pollingSeconds ?? 2 },
        async ([run]) => {
          const ctx = { database, jobId: run.id, attempt: run.retryCount + 1, lastAttempt: run.retryCount >= run.retryLimit };
          try {
            return await job.handler(run.data, ctx);
          } catch (err) {
            // pg-boss records the error on the job and schedules the retry; the log says it happened.
            opts.log.error(err, `background job ${job.name} ${run.id} failed (attempt ${ctx.attempt}${ctx.lastAttempt ? ', giving up' : ''})`);
            throw err;
          }
        },
      );
    }
    opts.log.info(`background jobs: running ${jobs.map((j) => j.name).join(', ')}`);
  }

  return {
    boss,
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 30_000 }),
  };
}
