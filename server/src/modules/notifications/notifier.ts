import type { Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import { notifications } from './notifications.schema.ts';

/** One message to one person, already in their language. */
export interface NotificationMessage {
  tenantId: string;
  userId: string;
  /** what happened: 'task_reminder', … */
  kind: string;
  title: string;
  body?: string | null;
  /** the record it opens */
  link?: { type: string; id: string } | null;
}

/**
 * A way of telling someone. `send` runs in the transaction of the change (or job) that caused the
 * message, so a channel that talks to the outside world — e-mail, once SMTP is configured — should
 * enqueue its own delivery job there rather than send before the transaction commits.
 */
export interface Notifier {
  readonly channel: string;
  send(db: Executor, message: NotificationMessage): Promise<void>;
}

/** The bell in the web app: a row in `notifications`. */
export const inAppNotifier: Notifier = {
  channel: 'in_app',
  async send(db, m) {
    await db.insert(notifications).values({
      tenantId: m.tenantId,
      id: newId(),
      userId: m.userId,
      kind: m.kind,
      title: m.title,
      body: m.body ?? null,
      linkType: m.link?.type ?? null,
      linkId: m.link?.id ?? null,
    });
  },
};

let channels: readonly Notifier[] = [inAppNotifier];

/** The channels every message goes through; in-app only until an e-mail notifier exists. */
export function useNotifiers(list: readonly Notifier[]): void {
  channels = list;
}

export async function notify(db: Executor, message: NotificationMessage): Promise<void> {
  for (const channel of channels) await channel.send(db, message);
}
