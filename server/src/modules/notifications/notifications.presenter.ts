import type { NotificationRow } from './notifications.queries.ts';
import type { NotificationDto } from './notifications.types.ts';

export const presentNotification = (n: NotificationRow): NotificationDto => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.linkType && n.linkId ? { type: n.linkType, id: n.linkId } : null,
  readAt: n.readAt?.toISOString() ?? null,
  createdAt: n.createdAt.toISOString(),
});
