import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { v5 as uuidv5 } from 'uuid';
import type { Executor } from '../db/engine.ts';
import type { JobDefinition, JobPayload } from './define-job.ts';
import { executorAdapter } from './pg-boss-adapter.ts';

export interface EnqueueOptions {
  /** run no earlier than this */
  runAt?: Date;
  /**
   * Idempotency key: a second enqueue with the same job and key is a no-op while the first job is
   * still kept by pg-boss (queued, running, or finished within the last `KEEP_FINISHED_DAYS`).
   */
  singletonKey?: string;
}

export interface Enqueued {
  id: string;
  /** false when a job with the same singleton key already existed */
  created: boolean;
}

// Sending needs no started pg-boss: every send carries the caller's connection in `options.db`.
// This instance only lends pg-boss's argument checks and insert statement.
const sender = new PgBoss({
  db: { executeSql: () => Promise.reject(new Error('pg-boss sender has no connection of its own')) },
});

// Any fixed namespace will do; it only has to stay the same forever.
const SINGLETON_NAMESPACE = '3f1c5a52-8d0e-4f6b-9a59-6f0d2d7c1e44';

/**
 * Queues a job in the caller's transaction when `db` is one, so the job exists exactly when the
 * change that asked for it is committed.
 */
export async function enqueue<P extends JobPayload>(db: Executor, job: JobDefinition<P>, payload: P, opts: EnqueueOptions = {}): Promise<Enqueued> {
  // A key becomes the job's id: pg-boss inserts with ON CONFLICT DO NOTHING on (queue, id), which
  // makes the second enqueue a no-op for as long as the first job is kept.
  const id = opts.singletonKey === undefined ? undefined : uuidv5(`${job.name}\n${opts.singletonKey}`, SINGLETON_NAMESPACE);
  const sent = await sender.send(job.name, payload, {
    db: executorAdapter(db),
    id,
    singletonKey: opts.singletonKey,
    startAfter: opts.runAt,
    retryLimit: job.retryLimit,
    retryDelay: job.backoff.delaySeconds,
    retryBackoff: job.backoff.exponential,
    expireInSeconds: job.timeoutSeconds,
  });
  if (sent) return { id: sent, created: true };
  // pg-boss also inserts nothing into a queue that was never created: say so instead of losing the job.
  const queue = await db.execute(sql`select 1 from pgboss.queue where name = ${job.name}`);
  const exists = (Array.isArray(queue) ? queue : (queue as { rows: unknown[] }).rows).length > 0;
  if (!exists || !id) throw new Error(`job queue ${job.name} does not exist: list the job where startJobRunner is called`);
  return { id, created: false };
}
