import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../access/principal.ts';
import { can, hasCapability } from '../access/principal.ts';
import type { Db } from '../db/engine.ts';
import { AppError } from '../http/errors.ts';
import { findApiKey } from './api-keys.ts';
import { findSession, SESSION_COOKIE, type SessionInfo } from './sessions.ts';

/** Supplied by the module that owns users and roles; the platform does not know their tables. */
export type PrincipalLoader = (
  db: Db,
  who: { tenantId: string; userId: string; onlyRoleId?: string },
) => Promise<Principal | null>;

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    session?: SessionInfo;
    locale: import('../access/principal.ts').Locale;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function authenticate(loadPrincipal: PrincipalLoader) {
  return async function authenticateHook(req: FastifyRequest) {
    const db = req.server.database.db;
    const bearer = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) {
      const key = await findApiKey(db, bearer);
      if (!key) throw new AppError('unauthenticated');
      const principal = await loadPrincipal(db, { tenantId: key.tenantId, userId: key.userId, onlyRoleId: key.roleId });
      if (!principal) throw new AppError('unauthenticated');
      req.principal = { ...principal, apiKeyId: key.id };
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await findSession(db, token);
    if (!session) return;
    // Cookies ride along on cross-site requests; a header the attacker's page cannot read proves intent.
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== session.csrfToken) {
      if (req.routeOptions.config?.permission && 'public' in req.routeOptions.config.permission) return;
      throw new AppError('csrf_failed');
    }
    const principal = await loadPrincipal(db, { tenantId: session.tenantId, userId: session.userId });
    if (!principal) return;
    req.session = session;
    req.principal = { ...principal, sessionId: session.id };
    if (principal.locale) req.locale = principal.locale;
  };
}

export async function enforcePermission(req: FastifyRequest, _reply: FastifyReply) {
  const permission = req.routeOptions.config?.permission;
  if (!permission || 'public' in permission) return;
  const p = req.principal;
  if (!p) throw new AppError('unauthenticated');
  if ('signedIn' in permission) return;
  if ('capability' in permission) {
    if (!hasCapability(p, permission.capability)) throw new AppError('forbidden');
    return;
  }
  if (!can(p, permission.object, permission.action)) throw new AppError('forbidden');
}

/** The principal of a route that declared a non-public permission: present by construction. */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new AppError('unauthenticated');
  return req.principal;
}
