import { z } from 'zod';
import { listQuery } from '../../platform/http/pagination.ts';

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().describe("what happened: 'task_reminder', …"),
    title: z.string(),
    body: z.string().nullable(),
    link: z.object({ type: z.string(), id: z.uuid() }).nullable().describe('the record to open (GET /api/v1/{type}s/{id})'),
    readAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Notification' });
export type NotificationDto = z.infer<typeof notificationSchema>;

export const listNotificationsQuery = listQuery.omit({ fields: true }).extend({
  unread: z.enum(['true', 'false']).optional().transform((v) => v === 'true').describe('only unread ones'),
});
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuery>;

export const UNREAD_COUNT_CAP = 999;
export const unreadCountSchema = z.object({
  count: z.number().int().describe(`counted up to ${UNREAD_COUNT_CAP}`),
  capped: z.boolean().describe(`true when there are more than ${UNREAD_COUNT_CAP}: show "999+"`),
});

export const idParams = z.object({ id: z.uuid() });
