import type { Action, DataScope, FieldRules, RoleGrants } from './permissions.ts';

/** Who is calling, resolved once per request: identity, combined role grants and the units they reach. */
export interface Principal {
  tenantId: string;
  userId: string;
  userName: string;
  unitId: string;
  sessionId?: string;
  apiKeyId?: string;
  grants: RoleGrants;
  capabilities: string[];
  fieldRules: FieldRules;
  /** own unit plus managed units: what "unit" scope reaches */
  unitIds: string[];
  /** those units and every descendant: what "subtree" scope reaches */
  subtreeUnitIds: string[];
  /** the user's chosen language; undefined follows the browser */
  locale?: Locale;
}

export type Locale = 'zh-CN' | 'en-US';

export const can = (p: Principal, object: string, action: Action): boolean =>
  p.grants[object]?.actions.includes(action) ?? false;

export const hasCapability = (p: Principal, capability: string): boolean => p.capabilities.includes(capability);

export const scopeOf = (p: Principal, object: string): DataScope | undefined => p.grants[object]?.scope;

/** Would a record owned by ownerId in unitId fall inside the principal's scope for this object? */
export function inScope(p: Principal, object: string, record: { ownerId: string; unitId: string }): boolean {
  switch (scopeOf(p, object)) {
    case 'all':
      return true;
    case 'subtree':
      return p.subtreeUnitIds.includes(record.unitId) || record.ownerId === p.userId;
    case 'unit':
      return p.unitIds.includes(record.unitId) || record.ownerId === p.userId;
    case 'own':
      return record.ownerId === p.userId;
    default:
      return false;
  }
}
