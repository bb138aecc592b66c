import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database.ts';
import type { Database } from '../db/engine.ts';
import { defineJob } from './define-job.ts';
import { enqueue } from './enqueue.ts';
import { startJobRunner, type JobLog, type JobRunner } from './job-runner.ts';
import { reopenableTestDatabase, waitForState } from './test-support.ts';

const quietLog: JobLog & { errors: string[] } = {
  errors: [],
  info: () => {},
  error(_err, msg) {
    this.errors.push(msg);
  },
};

describe('job runner', () => {
  let database: Database;
  let runner: JobRunner;
  const failedRuns: { at: number; attempt: number; lastAttempt: boolean }[] = [];
  const echoRuns: { key: string }[] = [];

  const alwaysFails = defineJob<{ accountId: string }>({
    name: 'test.always-fails',
    retryLimit: 3,
    backoff: { delaySeconds: 1, exponential: true },
    async handler(_payload, ctx) {
      failedRuns.push({ at: Date.now(), attempt: ctx.attempt, lastAttempt: ctx.lastAttempt });
      throw new Error(`boom on attempt ${ctx.attempt}`);
    },
  });
  const echo = defineJob<{ key: string }>({
    name: 'test.echo',
    async handler(payload) {
      echoRuns.push(payload);
      return { seen: payload.key };
    },
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    runner = await startJobRunner(database, [alwaysFails, echo], { work: true, pollingSeconds: 0.5, log: quietLog });
  });
  afterAll(async () => {
    await runner?.stop();
    await database?.close();
  });

  it('retries a failing job with a growing delay, then marks it failed with the last error', async () => {
    const { id } = await enqueue(database.db, alwaysFails, { accountId: 'a1' });
    const job = await waitForState(runner, alwaysFails, id, ['failed'], 30_000);

    expect(failedRuns.map((r) => r.attempt)).toEqual([1, 2, 3, 4]);
    expect(failedRuns.map((r) => r.lastAttempt)).toEqual([false, false, false, true]);
    // pg-boss waits delay × 2^(retry-1) × (1 to 2, jitter) before retry n: at least 1 s, 2 s, 4 s here.
    const gaps = failedRuns.slice(1).map((r, i) => (r.at - failedRuns[i].at) / 1000);
    expect(gaps[0]).toBeGreaterThanOrEqual(0.9);
    expect(gaps[1]).toBeGreaterThanOrEqual(1.9);
    expect(gaps[2]).toBeGreaterThanOrEqual(3.9);
    expect(gaps[2]).toBeGreaterThan(gaps[0]);
    expect(job.retryCount).toBe(3);
    expect(JSON.stringify(job.output)).toContain('boom on attempt 4');
    expect(quietLog.errors.filter((m) => m.includes(id))).toHaveLength(4);
  }, 40_000);

  it('runs a job enqueued twice with the same singleton key once', async () => {
    const first = await enqueue(database.db, echo, { key: 'invoice-42' }, { singletonKey: 'invoice-42' });
    const second = await enqueue(database.db, echo, { key: 'invoice-42' }, { singletonKey: 'invoice-42' });
    const other = await enqueue(database.db, echo, { key: 'invoice-43' }, { singletonKey: 'invoice-43' });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    expect(other.id).not.toBe(first.id);

    const done = await waitForState(runner, echo, first.id, ['completed']);
    await waitForState(runner, echo, other.id, ['completed']);
    expect(done.output).toEqual({ seen: 'invoice-42' });
    // Still a no-op once the first run has completed.
    expect(await enqueue(database.db, echo, { key: 'invoice-42' }, { singletonKey: 'invoice-42' })).toEqual({ id: first.id, created: false });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(echoRuns.filter((r) => r.key === 'invoice-42')).toHaveLength(1);
    expect(echoRuns.filter((r) => r.key === 'invoice-43')).toHaveLength(1);
  });

  it('does not run a job before its runAt', async () => {
    const runAt = new Date(Date.now() + 2_000);
    const { id } = await enqueue(database.db, echo, { key: 'later' }, { runAt });
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await runner.boss.getJobById(echo.name, id))?.state).toBe('created');
    const done = await waitForState(runner, echo, id, ['completed']);
    expect(new Date(done.startedOn).getTime()).toBeGreaterThanOrEqual(runAt.getTime() - 50);
  });

  it('enqueues inside the caller transaction: a rolled-back change leaves no job', async () => {
    const committed = await database.db.transaction((tx) => enqueue(tx, echo, { key: 'committed' }, { singletonKey: 'committed' }));
    let rolledBackId = '';
    await expect(
      database.db.transaction(async (tx) => {
        rolledBackId = (await enqueue(tx, echo, { key: 'rolled-back' }, { singletonKey: 'rolled-back' })).id;
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');

    await waitForState(runner, echo, committed.id, ['completed']);
    expect(await runner.boss.getJobById(echo.name, rolledBackId)).toBeNull();
  });

  it('refuses to enqueue into a queue that was never created', async () => {
    const unknown = defineJob<{ id: string }>({ name: 'test.not-registered', handler: async () => undefined });
    await expect(enqueue(database.db, unknown, { id: 'x' })).rejects.toThrow(/does not exist/);
    await expect(enqueue(database.db, unknown, { id: 'x' }, { singletonKey: 'k' })).rejects.toThrow(/does not exist/);
  });
});

describe('job runner across a restart', () => {
  it('runs a job that was enqueued before the database was closed and reopened', async () => {
    const runs: { accountId: string }[] = [];
    const remember = defineJob<{ accountId: string }>({
      name: 'test.remember',
      async handler(payload) {
        runs.push(payload);
      },
    });
    const store = await reopenableTestDatabase();
    try {
      let database = await store.open();
      let runner = await startJobRunner(database, [remember], { work: false, log: quietLog });
      const { id } = await enqueue(database.db, remember, { accountId: 'acc-7' });
      await runner.stop();
      await database.close();
      expect(runs).toHaveLength(0);

      database = await store.open();
      runner = await startJobRunner(database, [remember], { work: true, pollingSeconds: 0.5, log: quietLog });
      try {
        await waitForState(runner, remember, id, ['completed']);
        expect(runs).toEqual([{ accountId: 'acc-7' }]);
      } finally {
        await runner.stop();
        await database.close();
      }
    } finally {
      await store.dispose();
    }
  });
});
