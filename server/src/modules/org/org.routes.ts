import type { FastifyInstance } from 'fastify';
import './org.objects.ts';
import './org.records.ts';
import { rolesRoutes } from './roles/roles.routes.ts';
import { unitsRoutes } from './units/units.routes.ts';
import { usersRoutes } from './users/users.routes.ts';

export async function orgRoutes(app: FastifyInstance) {
  await app.register(unitsRoutes);
  await app.register(usersRoutes);
  await app.register(rolesRoutes);
}
