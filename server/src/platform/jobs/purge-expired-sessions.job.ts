import { lt, sql } from 'drizzle-orm';
import { sessions } from '../auth/auth.tables.ts';
import { defineJob } from './define-job.ts';

const BATCH = 5_000;

/**
 * Expired sessions are already refused at sign-in time (findSession compares expires_at); this only
 * keeps the table small. It deletes in batches so PGlite's single connection is never held long.
 */
export const purgeExpiredSessions = defineJob<Record<string, never>>({
  name: 'auth.purge-expired-sessions',
  retryLimit: 3,
  backoff: { delaySeconds: 300, exponential: true },
  schedule: { cron: '30 3 * * *', timezone: 'Asia/Shanghai', payload: {} },
  async handler(_payload, { database }) {
    const now = new Date();
    let deleted = 0;
    for (;;) {
      const batch = await database.db.execute(sql`
        delete from ${sessions} where (tenant_id, id) in (
          select tenant_id, id from ${sessions} where ${lt(sessions.expiresAt, now)} limit ${BATCH}
        )`);
      const count = countOf(batch);
      deleted += count;
      if (count < BATCH) return { deleted };
    }
  },
});

// postgres.js reports `count`, PGlite `affectedRows`.
function countOf(result: unknown): number {
  const r = result as { count?: number; affectedRows?: number };
  return r.count ?? r.affectedRows ?? 0;
}
