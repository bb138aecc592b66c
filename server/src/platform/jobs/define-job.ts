import type { Database } from '../db/engine.ts';

/**
 * A job's payload holds ids and small values, never whole records: the handler reloads what it
 * needs by id and returns quietly when the record is gone, so a retry or a late run is harmless.
 */
export type JobPayload = Record<string, string | number | boolean | null | string[]>;

export interface JobContext {
  database: Database;
  jobId: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  /** true when a failure now marks the job failed instead of retrying it */
  lastAttempt: boolean;
}

export interface JobSchedule<P> {
  /** five-field cron expression, evaluated in `timezone` */
  cron: string;
  timezone: string;
  payload: P;
}

export interface JobDefinition<P extends JobPayload = JobPayload> {
  /** queue name, stable across releases: queued jobs are found by it after an upgrade */
  name: string;
  /** the value it returns is kept with the completed job, for inspection */
  handler(payload: P, ctx: JobContext): Promise<unknown>;
  /** retries after the first failure; the job is marked failed when they are used up */
  retryLimit: number;
  /** delay before the first retry; exponential doubles it on each retry, with jitter up to ×2 */
  backoff: { delaySeconds: number; exponential: boolean };
  /** a run still active after this long is presumed dead (crashed process) and retried */
  timeoutSeconds: number;
  schedule?: JobSchedule<P>;
}

export type JobOptions<P extends JobPayload> = Pick<JobDefinition<P>, 'name' | 'handler'> &
  Partial<Omit<JobDefinition<P>, 'name' | 'handler'>>;

export function defineJob<P extends JobPayload>(options: JobOptions<P>): JobDefinition<P> {
  if (!/^[a-z][a-z0-9_.-]*$/.test(options.name)) throw new Error(`job name ${options.name}: use lower-case letters, digits, . _ -`);
  return {
    retryLimit: 5,
    backoff: { delaySeconds: 30, exponential: true },
    timeoutSeconds: 15 * 60,
    ...options,
  };
}
