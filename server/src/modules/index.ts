import type { FastifyInstance } from 'fastify';
import { apiKeysRoutes } from './api-keys/api-keys.routes.ts';
import { auditLogRoutes } from './audit-log/audit-log.routes.ts';
import { orgRoutes } from './org/org.routes.ts';
import { recycleBinRoutes } from './recycle-bin/recycle-bin.routes.ts';
import { sessionRoutes } from './session/session.routes.ts';

/** Every capability of Kehu, in the order its routes register. Adding a module means one line here. */
export const modules: { name: string; routes: (app: FastifyInstance) => Promise<void> }[] = [
  { name: 'session', routes: sessionRoutes },
  { name: 'org', routes: orgRoutes },
  { name: 'api-keys', routes: apiKeysRoutes },
  { name: 'audit-log', routes: auditLogRoutes },
  { name: 'recycle-bin', routes: recycleBinRoutes },
];
