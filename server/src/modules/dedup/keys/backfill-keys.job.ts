import { defineJob } from '../../../platform/jobs/define-job.ts';
import { backfillDedupKeys } from './dedup-keys.ts';

/** Nightly: keys for accounts written without the accounts write hook (older rows, direct imports). */
export const backfillDedupKeysJob = defineJob<Record<string, never>>({
  name: 'dedup.backfill-keys',
  retryLimit: 3,
  backoff: { delaySeconds: 300, exponential: true },
  timeoutSeconds: 60 * 60,
  schedule: { cron: '30 1 * * *', timezone: 'Asia/Shanghai', payload: {} },
  async handler(_payload, { database }) {
    return { filled: await backfillDedupKeys(database.db) };
  },
});
