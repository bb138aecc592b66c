import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database.ts';
import { makeCompany } from '../../../test/factories.ts';
import { sessions } from '../auth/auth.tables.ts';
import { createSession } from '../auth/sessions.ts';
import type { Database } from '../db/engine.ts';
import { enqueue } from './enqueue.ts';
import { startJobRunner, type JobRunner } from './job-runner.ts';
import { purgeExpiredSessions } from './purge-expired-sessions.job.ts';
import { waitForState } from './test-support.ts';

let database: Database;
let runner: JobRunner;

beforeAll(async () => {
  database = await createTestDatabase();
  runner = await startJobRunner(database, [purgeExpiredSessions], { work: true, pollingSeconds: 0.5, log: { info: () => {}, error: () => {} } });
});
afterAll(async () => {
  await runner?.stop();
  await database?.close();
});

it('is scheduled nightly', async () => {
  const schedules = await runner.boss.getSchedules();
  expect(schedules.find((s) => s.name === purgeExpiredSessions.name)).toMatchObject({ cron: '30 3 * * *', timezone: 'Asia/Shanghai' });
});

it('removes expired sessions of every company and keeps the live ones', async () => {
  const a = await makeCompany(database.db);
  const b = await makeCompany(database.db);
  const session = async (tenantId: string, userId: string, expiresAt: Date) => {
    const { session: s } = await createSession(database.db, { tenantId, userId });
    await database.db.update(sessions).set({ expiresAt }).where(eq(sessions.id, s.id));
    return s.id;
  };
  const hourAgo = new Date(Date.now() - 3_600_000);
  const inAnHour = new Date(Date.now() + 3_600_000);
  const expired = [
    await session(a.tenantId, a.people.repA.id, hourAgo),
    await session(b.tenantId, b.people.repB.id, new Date(Date.now() - 30 * 86_400_000)),
  ];
  const live = [
    await session(a.tenantId, a.people.repA.id, inAnHour),
    await session(b.tenantId, b.people.admin.id, inAnHour),
  ];

  const { id } = await enqueue(database.db, purgeExpiredSessions, {});
  const job = await waitForState(runner, purgeExpiredSessions, id, ['completed', 'failed']);

  expect(job.state).toBe('completed');
  expect(job.output).toEqual({ deleted: expired.length });
  const left = (await database.db.select({ id: sessions.id }).from(sessions)).map((s) => s.id);
  expect(left.sort()).toEqual([...live].sort());
});
