import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
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
