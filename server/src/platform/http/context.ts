import type { FastifyRequest } from 'fastify';
import type { Principal } from '../access/principal.ts';
import type { Actor } from '../audit/audit.ts';
import type { Db } from '../db/engine.ts';
import { principalOf } from '../auth/authenticate.ts';

/** What a command or query needs from the request: who, in which language, and the database. */
export interface Ctx {
  principal: Principal;
  db: Db;
  /** a replica for lists and reports when configured; the primary otherwise */
  readDb: Db;
  actor: Actor;
  locale: Principal['locale'];
}

let next = 0;
export function contextOf(req: FastifyRequest): Ctx {
  const principal = principalOf(req);
  const { db, readDbs } = req.server.database;
  return {
    principal,
    db,
    // Round-robin over replicas; GETs only, so a user's own write is read back from the primary.
    readDb: req.method === 'GET' ? readDbs[next++ % readDbs.length] : db,
    actor: actorOf(principal, { requestId: req.id, ip: req.ip }),
    locale: req.locale,
  };
}

export function actorOf(p: Principal, context?: Record<string, unknown>): Actor {
  return { tenantId: p.tenantId, userId: p.userId, apiKeyId: p.apiKeyId, context };
}
