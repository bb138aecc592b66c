import {
  boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { recordColumns, ts } from '../../platform/db/columns.ts';
import type { RoleGrants, FieldRules } from '../../platform/access/permissions.ts';

export const unitKinds = ['head_office', 'branch', 'department'] as const;
export type UnitKind = (typeof unitKinds)[number];

/** Organisation tree. `path` is the chain of ancestor ids ("/a/b/c/") so a subtree is one prefix match. */
export const orgUnits = pgTable(
  'org_units',
  {
    ...recordColumns(),
    parentId: uuid('parent_id'),
    kind: text('kind').$type<UnitKind>().notNull(),
    name: text('name').notNull(),
    code: text('code'),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    index('org_units_parent_idx').on(t.tenantId, t.parentId),
    index('org_units_path_idx').on(t.tenantId, t.path),
  ],
);

export const roles = pgTable(
  'roles',
  {
    ...recordColumns(),
    key: text('key'),
    name: text('name').notNull(),
    description: text('description'),
    grants: jsonb('grants').$type<RoleGrants>().notNull().default({}),
    capabilities: jsonb('capabilities').$type<string[]>().notNull().default([]),
    fieldRules: jsonb('field_rules').$type<FieldRules>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('roles_key_uq').on(t.tenantId, t.key)],
);

export const users = pgTable(
  'users',
  {
    ...recordColumns(),
    login: text('login').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    title: text('title'),
    unitId: uuid('unit_id').notNull(),
    locale: text('locale').$type<'zh-CN' | 'en-US'>(),
    passwordHash: text('password_hash'),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    lastLoginAt: ts('last_login_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    uniqueIndex('users_login_uq').on(t.tenantId, t.login),
    index('users_unit_idx').on(t.tenantId, t.unitId),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    roleId: uuid('role_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.roleId] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.roleId], foreignColumns: [roles.tenantId, roles.id] }),
  ],
);

/** Units a user manages beyond their own (a regional manager over several branches). */
export const userManagedUnits = pgTable(
  'user_managed_units',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    unitId: uuid('unit_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.unitId] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
  ],
);
