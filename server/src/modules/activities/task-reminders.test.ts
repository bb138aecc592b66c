import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';
import { startJobRunner, type JobRunner } from '../../platform/jobs/job-runner.ts';
import { waitForState } from '../../platform/jobs/test-support.ts';
import { users } from '../org/org.schema.ts';
import { taskReminderJob } from './task-reminder.job.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let runner: JobRunner;
let repA: Client;
beforeAll(async () => {
  t = await setupTestApp();
  runner = await startJobRunner(t.database, [taskReminderJob], { work: true, pollingSeconds: 0.5, log: { info: () => {}, error: () => {} } });
  repA = await t.as('repA');
});
afterAll(async () => {
  await runner?.stop();
  await t?.close();
});

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

/** The reminder jobs queued for a task, oldest first. */
async function jobsOf(activityId: string) {
  const rows = await t.database.query<{ id: string; data: { reminderAt: string } }>(
    `select id, data from pgboss.job where name = $1 and data->>'activityId' = $2 order by created_on`,
    [taskReminderJob.name, activityId],
  );
  return rows.map((r) => ({ id: r.id, reminderAt: r.data.reminderAt }));
}
const settled = (id: string) => waitForState(runner, taskReminderJob, id, ['completed', 'failed']);

async function notificationsOf(client: Client, activityId: string) {
  const res = await client.get('/api/v1/notifications?limit=500');
  expect(res.status).toBe(200);
  return (res.body.items as { link: { id: string } | null; title: string; kind: string; body: string | null }[]).filter((n) => n.link?.id === activityId);
}

async function createTask(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/activities', { kind: 'task', dueAt: inSeconds(3600), ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number; reminderAt: string };
}

describe('task reminders', () => {
  it('notify the assignee once at the reminder time, however often the task is saved', async () => {
    const task = await createTask(repA, { subject: '给中海船务报价', content: '含运费', reminderAt: inSeconds(2) });
    const edited = await repA.patch(`/api/v1/activities/${task.id}`, { version: task.version, subject: '给中海船务报价（含运费）' });
    expect(edited.status).toBe(200);
    await repA.patch(`/api/v1/activities/${task.id}`, { version: edited.body.version, reminderAt: task.reminderAt });
    const jobs = await jobsOf(task.id);
    expect(jobs).toHaveLength(1);
    expect(await notificationsOf(repA, task.id)).toEqual([]);
    expect((await settled(jobs[0].id)).output).toEqual({ notified: t.company.people.repA.id });
    const sent = await notificationsOf(repA, task.id);
    expect(sent).toEqual([expect.objectContaining({ kind: 'task_reminder', title: '任务提醒：给中海船务报价（含运费）', body: '含运费', link: { type: 'activity', id: task.id } })]);
    // A second run of the same job (a retry, or the key forgotten after a week) does not notify again.
    const again = await taskReminderJob.handler({ tenantId: t.company.tenantId, activityId: task.id, reminderAt: task.reminderAt }, { database: t.database, jobId: 'x', attempt: 2, lastAttempt: false });
    expect(again).toEqual({ skipped: 'already sent' });
    expect(await notificationsOf(repA, task.id)).toHaveLength(1);
  });

  it('a moved reminder fires at its new time only; a completed or deleted task reminds nobody', async () => {
    const moved = await createTask(repA, { subject: '改期的提醒', reminderAt: inSeconds(1) });
    const later = inSeconds(2.5);
    expect((await repA.patch(`/api/v1/activities/${moved.id}`, { version: moved.version, reminderAt: later })).status).toBe(200);
    const done = await createTask(repA, { subject: '已完成的任务', reminderAt: inSeconds(1) });
    expect((await repA.post(`/api/v1/activities/${done.id}/complete`, { version: done.version })).status).toBe(200);
    const gone = await createTask(repA, { subject: '已删除的任务', reminderAt: inSeconds(1) });
    expect((await repA.delete(`/api/v1/activities/${gone.id}`)).status).toBe(204);

    const [first, second] = await jobsOf(moved.id);
    expect(second.reminderAt).toBe(new Date(later).toISOString());
    expect((await settled(first.id)).output).toEqual({ skipped: 'rescheduled' });
    expect((await settled(second.id)).output).toEqual({ notified: t.company.people.repA.id });
    expect(new Date((await settled(second.id)).startedOn).getTime()).toBeGreaterThanOrEqual(Date.parse(later) - 50);
    expect(await notificationsOf(repA, moved.id)).toHaveLength(1);
    expect((await settled((await jobsOf(done.id))[0].id)).output).toEqual({ skipped: 'completed' });
    expect((await settled((await jobsOf(gone.id))[0].id)).output).toEqual({ skipped: 'gone' });
    expect(await notificationsOf(repA, done.id)).toEqual([]);
    expect(await notificationsOf(repA, gone.id)).toEqual([]);
  });

  it('speaks the assignee\'s language', async () => {
    await t.db.update(users).set({ locale: 'en-US' }).where(and(eq(users.tenantId, t.company.tenantId), eq(users.id, t.company.people.repA2.id)));
    const repA2 = await t.as('repA2');
    const task = await createTask(repA2, { subject: 'Call COSCO', reminderAt: inSeconds(0) });
    await settled((await jobsOf(task.id))[0].id);
    expect((await notificationsOf(repA2, task.id)).map((n) => n.title)).toEqual(['Task reminder: Call COSCO']);
    expect(await notificationsOf(repA, task.id)).toEqual([]);
  });
});
