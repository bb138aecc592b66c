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
/** When each user last wrote: their reads stay on the primary for a while so they see their own writes. */
const lastWrite = new Map<string, number>();
const STICKY_MS = 5_000;

function pickReadDb(req: FastifyRequest, principal: Principal, db: Db, readDbs: Db[]): Db {
  if (readDbs.length === 1 && readDbs[0] === db) return db;
  const key = `${principal.tenantId}:${principal.userId}`;
  if (req.method !== 'GET') {
    if (lastWrite.size > 50_000) lastWrite.clear();
    lastWrite.set(key, Date.now());
    return db;
  }
  if (Date.now() - (lastWrite.get(key) ?? 0) < STICKY_MS) return db;
  return readDbs[next++ % readDbs.length];
}

export function contextOf(req: FastifyRequest): Ctx {
  const principal = principalOf(req);
  const { db, readDbs } = req.server.database;
  return {
    principal,
    db,
    // Replicas serve GETs, except for a user who wrote in the last few seconds (replication lag).
    readDb: pickReadDb(req, principal, db, readDbs),
    actor: actorOf(principal, { requestId: req.id, ip: req.ip }),
    locale: req.locale,
  };
}

export function actorOf(p: Principal, context?: Record<string, unknown>): Actor {
  return { tenantId: p.tenantId, userId: p.userId, apiKeyId: p.apiKeyId, context };
}
