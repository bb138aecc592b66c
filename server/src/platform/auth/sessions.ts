import { and, eq, gt, ne } from 'drizzle-orm';
import type { Executor } from '../db/engine.ts';
import { newId } from '../db/ids.ts';
import { sessions } from './auth.tables.ts';
import { randomToken, sha256 } from './tokens.ts';
import { TtlCache } from './ttl-cache.ts';

export const SESSION_COOKIE = 'kehu_session';
export const SESSION_DAYS = 14;

export interface SessionInfo {
  id: string;
  tenantId: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
}

// Sessions are looked up on every request; a short cache saves a query per call. Logout in this
// process evicts at once; other processes see it within the TTL.
const cache = new TtlCache<SessionInfo | null>(5_000, 10_000);

export async function createSession(
  db: Executor,
  input: { tenantId: string; userId: string; ip?: string; userAgent?: string },
): Promise<{ token: string; session: SessionInfo }> {
  const token = randomToken();
  const session: SessionInfo = {
    id: newId(),
    tenantId: input.tenantId,
    userId: input.userId,
    csrfToken: randomToken(24),
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
  };
  await db.insert(sessions).values({
    ...session,
    tokenHash: sha256(token),
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300),
  });
  return { token, session };
}

export async function findSession(db: Executor, token: string): Promise<SessionInfo | null> {
  const hash = sha256(token);
  const cached = cache.get(hash);
  if (cached !== undefined) return cached;
  const [row] = await db
    .select({
      id: sessions.id, tenantId: sessions.tenantId, userId: sessions.userId,
      csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hash), gt(sessions.expiresAt, new Date())));
  const found = row ?? null;
  cache.set(hash, found);
  return found;
}

export async function deleteSession(db: Executor, token: string): Promise<void> {
  const hash = sha256(token);
  cache.delete(hash);
  await db.delete(sessions).where(eq(sessions.tokenHash, hash));
}

/** Logout everywhere (also after a password change); `keep` spares the current session. */
export async function deleteUserSessions(db: Executor, tenantId: string, userId: string, keep?: string) {
  cache.clear();
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.userId, userId), keep ? ne(sessions.id, keep) : undefined))
    .returning({ id: sessions.id });
  return rows.length;
}

export const clearSessionCache = () => cache.clear();
