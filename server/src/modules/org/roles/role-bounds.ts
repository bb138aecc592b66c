import { scopeCovers, type FieldRules, type RoleGrants } from '../../../platform/access/permissions.ts';
import type { Principal } from '../../../platform/access/principal.ts';

/**
 * Nobody hands out more power than they hold: a role may be assigned (or written) only if each of
 * its capabilities, actions and scopes is one the assigning principal has too.
 */
export function roleWithinPrincipal(role: { grants: RoleGrants; capabilities: string[]; fieldRules?: FieldRules }, p: Principal): boolean {
  if (!role.capabilities.every((c) => p.capabilities.includes(c))) return false;
  return Object.entries(role.grants).every(([object, grant]) => {
    const mine = p.grants[object];
    if (!grant.actions.length) return true;
    return !!mine && grant.actions.every((a) => mine.actions.includes(a)) && scopeCovers(mine.scope, grant.scope);
  });
}
