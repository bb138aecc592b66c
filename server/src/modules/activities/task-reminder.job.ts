import { and, eq } from 'drizzle-orm';
import type { Locale } from '../../platform/access/principal.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { enqueue } from '../../platform/jobs/enqueue.ts';
import { notify } from '../notifications/notifier.ts';
import { users } from '../org/org.schema.ts';
import { activities } from './activities.schema.ts';

type Payload = { tenantId: string; activityId: string; reminderAt: string };

const titles: Record<Locale, (subject: string) => string> = {
  'zh-CN': (s) => `任务提醒：${s}`,
  'en-US': (s) => `Task reminder: ${s}`,
};
const BODY_CHARS = 200;

/**
 * Tells a task's assignee at the task's reminder time. The job carries the reminder time it was
 * made for; it reloads the task and does nothing when the task is gone, completed, or now reminds
 * at another time (that time has its own job). `reminder_sent_for` makes it notify once even when
 * the job runs twice.
 */
export const taskReminderJob = defineJob<Payload>({
  name: 'activities.task-reminder',
  retryLimit: 5,
  backoff: { delaySeconds: 30, exponential: true },
  timeoutSeconds: 60,
  async handler({ tenantId, activityId, reminderAt }, { database }) {
    return database.db.transaction(async (tx) => {
      const [task] = await tx
        .select()
        .from(activities)
        .where(and(eq(activities.tenantId, tenantId), eq(activities.id, activityId)))
        .for('update');
      if (!task || task.deletedAt || task.kind !== 'task') return { skipped: 'gone' };
      if (task.completedAt) return { skipped: 'completed' };
      if (task.reminderAt?.getTime() !== new Date(reminderAt).getTime()) return { skipped: 'rescheduled' };
      if (task.reminderSentFor?.getTime() === task.reminderAt.getTime()) return { skipped: 'already sent' };
      await tx.update(activities).set({ reminderSentFor: task.reminderAt }).where(and(eq(activities.tenantId, tenantId), eq(activities.id, activityId)));
      const [owner] = await tx.select({ locale: users.locale }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, task.ownerId)));
      const locale: Locale = owner?.locale === 'en-US' ? 'en-US' : 'zh-CN';
      await notify(tx, {
        tenantId,
        userId: task.ownerId,
        kind: 'task_reminder',
        title: titles[locale](task.subject),
        body: task.content ? task.content.slice(0, BODY_CHARS) : null,
        link: { type: 'activity', id: task.id },
      });
      return { notified: task.ownerId };
    });
  },
});

interface ReminderSource {
  tenantId: string;
  id: string;
  kind: string;
  reminderAt: Date | null;
  reminderSentFor: Date | null;
  completedAt: Date | null;
  deletedAt: Date | null;
}

/**
 * Queues the reminder of an open task, in the transaction that set it. The singleton key is the task
 * and its reminder time: saving the task again without moving the reminder queues nothing new, and
 * moving it queues a job for the new time (the old one will find the time changed and skip).
 */
export async function scheduleReminder(tx: Executor, a: ReminderSource): Promise<void> {
  if (a.kind !== 'task' || !a.reminderAt || a.completedAt || a.deletedAt) return;
  if (a.reminderSentFor?.getTime() === a.reminderAt.getTime()) return;
  const reminderAt = a.reminderAt.toISOString();
  await enqueue(tx, taskReminderJob, { tenantId: a.tenantId, activityId: a.id, reminderAt }, {
    runAt: a.reminderAt,
    singletonKey: `${a.tenantId}:${a.id}:${reminderAt}`,
  });
}
