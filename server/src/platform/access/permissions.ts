/**
 * Permissions are data. A role grants, per object type, a set of actions and one data scope; it may
 * also hold admin capabilities and hide or mask fields. Modules register their object types here;
 * this file knows none of them by name.
 */
export const actions = ['read', 'create', 'update', 'delete', 'export', 'assign', 'import', 'approve'] as const;
export type Action = (typeof actions)[number];

/** own: records I own; unit: my unit's (and units I manage); subtree: those units and all below; all: the tenant. */
export const dataScopes = ['own', 'unit', 'subtree', 'all'] as const;
export type DataScope = (typeof dataScopes)[number];

export interface ObjectGrant {
  actions: Action[];
  scope: DataScope;
}
export type RoleGrants = Record<string, ObjectGrant>;

export type FieldRule = 'hidden' | 'masked';
export type FieldRules = Record<string, Record<string, FieldRule>>;

export interface ObjectTypeDefinition {
  /** e.g. "user", "org_unit", "account" */
  type: string;
  /** actions that make sense for this object */
  actions: readonly Action[];
  /** fields a role may hide or mask */
  sensitiveFields?: readonly string[];
  /** translated display names */
  label: { 'zh-CN': string; 'en-US': string };
  /** what each built-in role gets for this object; merged into existing tenants' built-in roles at start */
  defaultGrants?: Partial<Record<BuiltinRoleKey, ObjectGrant>>;
}

export const builtinRoleKeys = ['admin', 'head_office', 'branch_manager', 'sales_rep', 'order_execution', 'service'] as const;
export type BuiltinRoleKey = (typeof builtinRoleKeys)[number];

const objectTypes = new Map<string, ObjectTypeDefinition>();

export function registerObjectType(def: ObjectTypeDefinition): ObjectTypeDefinition {
  objectTypes.set(def.type, def);
  return def;
}
export const listObjectTypes = (): ObjectTypeDefinition[] => [...objectTypes.values()];
export const getObjectType = (type: string) => objectTypes.get(type);

/** Admin capabilities: tenant-wide powers that are not about one object's records. */
const capabilities = new Map<string, { label: { 'zh-CN': string; 'en-US': string }; roles: BuiltinRoleKey[] }>();
export function registerCapability(
  key: string,
  label: { 'zh-CN': string; 'en-US': string },
  roles: BuiltinRoleKey[] = ['admin'],
): string {
  capabilities.set(key, { label, roles });
  return key;
}
export const listCapabilities = () => [...capabilities.entries()].map(([key, c]) => ({ key, label: c.label, roles: c.roles }));

const scopeRank: Record<DataScope, number> = { own: 0, unit: 1, subtree: 2, all: 3 };
export const widerScope = (a: DataScope, b: DataScope): DataScope => (scopeRank[a] >= scopeRank[b] ? a : b);
export const scopeCovers = (outer: DataScope, inner: DataScope) => scopeRank[outer] >= scopeRank[inner];

/** Several roles combine: actions are united, the widest scope wins, a field is hidden only if every role hides it. */
export function mergeRoles(
  roles: { grants: RoleGrants; capabilities: string[]; fieldRules: FieldRules }[],
): { grants: RoleGrants; capabilities: string[]; fieldRules: FieldRules } {
  const grants: RoleGrants = {};
  const caps = new Set<string>();
  for (const role of roles) {
    for (const [object, grant] of Object.entries(role.grants)) {
      const prev = grants[object];
      grants[object] = prev
        ? { actions: [...new Set([...prev.actions, ...grant.actions])], scope: widerScope(prev.scope, grant.scope) }
        : { actions: [...grant.actions], scope: grant.scope };
    }
    role.capabilities.forEach((c) => caps.add(c));
  }
  // A rule survives only if every role that grants read on the object imposes at least as strict a rule.
  const fieldRules: FieldRules = {};
  for (const object of new Set(roles.flatMap((r) => Object.keys(r.fieldRules)))) {
    const readers = roles.filter((r) => r.grants[object]?.actions.includes('read'));
    const rules: Record<string, FieldRule> = {};
    const fields = new Set(readers.flatMap((r) => Object.keys(r.fieldRules[object] ?? {})));
    for (const field of fields) {
      const perRole = readers.map((r) => r.fieldRules[object]?.[field]);
      if (perRole.some((rule) => rule === undefined)) continue;
      rules[field] = perRole.every((rule) => rule === 'hidden') ? 'hidden' : 'masked';
    }
    if (Object.keys(rules).length) fieldRules[object] = rules;
  }
  return { grants, capabilities: [...caps].sort(), fieldRules };
}
