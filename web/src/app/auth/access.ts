import type { Action, DataScope, Me } from '../api/schemas';

/** What the signed-in user may do, from /auth/me: the UI shows only these; the server enforces them. */
export interface Access {
  can(object: string, action: Action): boolean;
  scope(object: string): DataScope | undefined;
  has(capability: string): boolean;
}

export function accessOf(me: Me): Access {
  return {
    can: (object, action) => me.grants[object]?.actions.includes(action) ?? false,
    scope: (object) => me.grants[object]?.scope,
    has: (capability) => me.capabilities.includes(capability),
  };
}

const scopeRank: Record<DataScope, number> = { own: 0, unit: 1, subtree: 2, all: 3 };

/**
 * The server's rule "nobody hands out more power than they hold", so the role picker can disable the
 * roles the server would refuse instead of letting the user find out on save.
 */
export function roleWithinMe(role: { grants: Me['grants']; capabilities: string[] }, me: Me): boolean {
  if (!role.capabilities.every((c) => me.capabilities.includes(c))) return false;
  return Object.entries(role.grants).every(([object, grant]) => {
    const mine = me.grants[object];
    if (!grant.actions.length) return true;
    return !!mine && grant.actions.every((a) => mine.actions.includes(a)) && scopeRank[mine.scope] >= scopeRank[grant.scope];
  });
}
