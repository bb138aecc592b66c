import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/engine.ts';
import { apiKeys } from './auth.tables.ts';
import { randomToken, sha256 } from './tokens.ts';
import { TtlCache } from './ttl-cache.ts';

export interface ApiKeyInfo {
  id: string;
  tenantId: string;
  userId: string;
  roleId: string;
}

/** Keys look like `kehu_<8-char prefix>_<secret>`; the prefix identifies a key in lists, the secret is shown once. */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomToken(6).replace(/[-_]/g, 'x').slice(0, 8);
  const key = `kehu_${prefix}_${randomToken(32)}`;
  return { key, prefix, hash: sha256(key) };
}

const cache = new TtlCache<ApiKeyInfo | null>(5_000, 10_000);

export async function findApiKey(db: Executor, key: string): Promise<ApiKeyInfo | null> {
  const hash = sha256(key);
  const cached = cache.get(hash);
  if (cached !== undefined) return cached;
  const [row] = await db
    .select({ id: apiKeys.id, tenantId: apiKeys.tenantId, userId: apiKeys.userId, roleId: apiKeys.roleId, expiresAt: apiKeys.expiresAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hash), isNull(apiKeys.revokedAt)));
  const found = row && (!row.expiresAt || row.expiresAt > new Date())
    ? { id: row.id, tenantId: row.tenantId, userId: row.userId, roleId: row.roleId }
    : null;
  cache.set(hash, found);
  return found;
}

export const clearApiKeyCache = () => cache.clear();
