import { and, eq, isNull } from 'drizzle-orm';
import type { Principal } from '../../../platform/access/principal.ts';
import type { Executor } from '../../../platform/db/engine.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { resolveOwnership, type Ownership } from '../../accounts/ownership.ts';
import { users } from '../../org/org.schema.ts';

/**
 * People named in a file ("负责人: 张三" or a login), resolved once per run. A name two users share
 * is ambiguous and matches neither; logins are unique.
 */
export async function loadUserNames(db: Executor, tenantId: string): Promise<(nameOrLogin: string) => string | undefined> {
  const rows = await db
    .select({ id: users.id, name: users.name, login: users.login })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), isNull(users.deletedAt), eq(users.active, true)));
  const byLogin = new Map(rows.map((u) => [u.login.toLowerCase(), u.id]));
  const byName = new Map<string, string | null>();
  for (const u of rows) byName.set(u.name, byName.has(u.name) ? null : u.id);
  return (text) => byLogin.get(text.toLowerCase()) ?? byName.get(text) ?? undefined;
}

/**
 * Ownership for each owner named in the file, checked once per owner against the importer's scope
 * (the same rule as entering a record by hand, see accounts/ownership.ts): null when out of scope.
 */
export function ownershipResolver(p: Principal, object: string, defaults: Ownership) {
  const cache = new Map<string, Ownership | null>();
  return {
    /** `db` is the caller's transaction: on PGlite's one connection another executor would wait forever */
    async prepare(db: Executor, ownerIds: string[]) {
      for (const ownerId of new Set(ownerIds)) {
        if (cache.has(ownerId) || ownerId === defaults.ownerId) continue;
        try {
          cache.set(ownerId, await resolveOwnership(db, p, object, { ownerId }));
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          cache.set(ownerId, null);
        }
      }
    },
    get(ownerId: string | undefined): Ownership | null {
      if (!ownerId || ownerId === defaults.ownerId) return defaults;
      return cache.get(ownerId) ?? null;
    },
  };
}
