import type { FastifyInstance } from 'fastify';
import { accountsRoutes } from './accounts/accounts.routes.ts';
import { activitiesRoutes } from './activities/activities.routes.ts';
import { apiKeysRoutes } from './api-keys/api-keys.routes.ts';
import { attachmentsRoutes } from './attachments/attachments.routes.ts';
import { auditLogRoutes } from './audit-log/audit-log.routes.ts';
import { contactsRoutes } from './contacts/contacts.routes.ts';
import { customFieldsRoutes } from './custom-fields/custom-fields.routes.ts';
import { dedupRoutes } from './dedup/dedup.routes.ts';
import { notificationsRoutes } from './notifications/notifications.routes.ts';
import { orgRoutes } from './org/org.routes.ts';
import { poolRoutes } from './pool/pool.routes.ts';
import { recycleBinRoutes } from './recycle-bin/recycle-bin.routes.ts';
import { riskFlagsRoutes } from './risk-flags/risk-flags.routes.ts';
import { savedViewsRoutes } from './saved-views/saved-views.routes.ts';
import { searchRoutes } from './search/search.routes.ts';
import { sessionRoutes } from './session/session.routes.ts';
import { timelineRoutes } from './timeline/timeline.routes.ts';

/** Every capability of Kehu, in the order its routes register. Adding a module means one line here. */
export const modules: { name: string; routes: (app: FastifyInstance) => Promise<void> }[] = [
  { name: 'session', routes: sessionRoutes },
  { name: 'org', routes: orgRoutes },
  { name: 'api-keys', routes: apiKeysRoutes },
  { name: 'audit-log', routes: auditLogRoutes },
  { name: 'recycle-bin', routes: recycleBinRoutes },
  { name: 'accounts', routes: accountsRoutes },
  { name: 'contacts', routes: contactsRoutes },
  { name: 'search', routes: searchRoutes },
  { name: 'custom-fields', routes: customFieldsRoutes },
  { name: 'saved-views', routes: savedViewsRoutes },
  { name: 'attachments', routes: attachmentsRoutes },
  { name: 'activities', routes: activitiesRoutes },
  { name: 'timeline', routes: timelineRoutes },
  { name: 'notifications', routes: notificationsRoutes },
  { name: 'pool', routes: poolRoutes },
  { name: 'risk-flags', routes: riskFlagsRoutes },
  { name: 'dedup', routes: dedupRoutes },
];
