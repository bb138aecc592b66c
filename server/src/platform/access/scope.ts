import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { uuidArray } from '../db/prepared.ts';
import type { DataScope } from './permissions.ts';
import type { Principal } from './principal.ts';
import { scopeOf } from './principal.ts';

/** The columns a data scope filters on. ownerId may be the record's id (a user "owns" itself). */
export interface ScopeColumns {
  tenantId: AnyPgColumn;
  ownerId: AnyPgColumn;
  unitId: AnyPgColumn;
  deletedAt?: AnyPgColumn;
}

/**
 * The one place data scopes become SQL. Every list, get, update, delete, export, search and report
 * adds this condition; a principal without read on the object gets `false` and sees nothing.
 */
export function scopeWhere(
  p: Principal,
  object: string,
  cols: ScopeColumns,
  opts: { includeDeleted?: boolean; onlyDeleted?: boolean } = {},
): SQL {
  const parts: (SQL | undefined)[] = [eq(cols.tenantId, p.tenantId)];
  if (cols.deletedAt) {
    if (opts.onlyDeleted) parts.push(sql`${cols.deletedAt} is not null`);
    else if (!opts.includeDeleted) parts.push(isNull(cols.deletedAt));
  }
  const mine = eq(cols.ownerId, p.userId);
  switch (scopeOf(p, object)) {
    case 'all':
      break;
    case 'subtree':
      parts.push(or(inArray(cols.unitId, p.subtreeUnitIds), mine));
      break;
    case 'unit':
      parts.push(or(inArray(cols.unitId, p.unitIds), mine));
      break;
    case 'own':
      parts.push(mine);
      break;
    default:
      return sql`false`;
  }
  return and(...parts)!;
}

/** The shape of a principal's scope for an object, which a prepared statement is built for: 'none' reads nothing. */
export type ScopeKind = DataScope | 'none';
export const scopeKindOf = (p: Principal, object: string): ScopeKind => scopeOf(p, object) ?? 'none';

/**
 * scopeWhere for a statement prepared once and run for every principal with the same kind of scope
 * (platform/db/prepared.ts): the same conditions, with the caller's tenant, id and units as
 * placeholders that scopeParams() fills; a list of units is one uuid[] parameter.
 */
export function scopeWherePrepared(
  kind: ScopeKind,
  cols: ScopeColumns,
  opts: { includeDeleted?: boolean; onlyDeleted?: boolean } = {},
): SQL {
  if (kind === 'none') return sql`false`;
  const parts: SQL[] = [sql`${cols.tenantId} = ${sql.placeholder('scopeTenantId')}`];
  if (cols.deletedAt) {
    if (opts.onlyDeleted) parts.push(sql`${cols.deletedAt} is not null`);
    else if (!opts.includeDeleted) parts.push(isNull(cols.deletedAt));
  }
  const mine = sql`${cols.ownerId} = ${sql.placeholder('scopeUserId')}`;
  if (kind === 'subtree') parts.push(sql`(${cols.unitId} = any(${sql.placeholder('scopeSubtreeUnitIds')}::uuid[]) or ${mine})`);
  if (kind === 'unit') parts.push(sql`(${cols.unitId} = any(${sql.placeholder('scopeUnitIds')}::uuid[]) or ${mine})`);
  if (kind === 'own') parts.push(mine);
  return and(...parts)!;
}

/** The placeholder values of scopeWherePrepared for this principal. */
export const scopeParams = (p: Principal) => ({
  scopeTenantId: p.tenantId,
  scopeUserId: p.userId,
  scopeUnitIds: uuidArray(p.unitIds),
  scopeSubtreeUnitIds: uuidArray(p.subtreeUnitIds),
});
