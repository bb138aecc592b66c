import { is } from 'drizzle-orm';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import * as schema from '../../schema.ts';
import { accounts } from '../accounts/accounts.schema.ts';

/**
 * Every place a row points at an account, found in the schema rather than listed by hand, so a
 * table added tomorrow (orders, tickets…) is merged without touching this module:
 *  - a column named account_id, or any foreign key to accounts (leads.converted_account_id);
 *  - a polymorphic pair record_type/record_id (attachments), where record_type = 'account'.
 */
export interface AccountLink {
  table: PgTable;
  tableName: string;
  column: PgColumn;
  /** for polymorphic links: the type column, which must equal 'account' */
  typeColumn?: PgColumn;
}

export const linkName = (l: { tableName: string; column: PgColumn }) => `${l.tableName}.${l.column.name}`;

export function accountLinks(): AccountLink[] {
  const links: AccountLink[] = [];
  const accountsName = getTableConfig(accounts).name;
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const cfg = getTableConfig(value);
    const found = new Map<string, AccountLink>();
    const add = (column: PgColumn, typeColumn?: PgColumn) => found.set(column.name, { table: value, tableName: cfg.name, column, typeColumn });
    for (const column of cfg.columns) if (column.name === 'account_id') add(column);
    for (const fk of cfg.foreignKeys) {
      const ref = fk.reference();
      if (getTableConfig(ref.foreignTable).name !== accountsName) continue;
      for (const column of ref.columns) if (column.name !== 'tenant_id') add(column);
    }
    const recordType = cfg.columns.find((c) => c.name === 'record_type');
    const recordId = cfg.columns.find((c) => c.name === 'record_id');
    if (recordType && recordId) add(recordId, recordType);
    links.push(...found.values());
  }
  return links.sort((a, b) => linkName(a).localeCompare(linkName(b)));
}

/** Primary-key columns of a table, tenant_id first as everywhere in Kehu. */
export function primaryKeyColumns(table: PgTable): PgColumn[] {
  const cfg = getTableConfig(table);
  // The key's own column objects come from the table's extra config; the table's columns know their SQL types.
  if (cfg.primaryKeys.length) return cfg.primaryKeys[0].columns.map((k) => cfg.columns.find((c) => c.name === k.name)!);
  return cfg.columns.filter((c) => c.primary);
}

/**
 * Why re-pointing the link column row by row would be wrong, or null when it is safe: a link that is
 * part of the primary key or of a unique index could collide with the survivor's own row, and
 * such a table must say how it merges (registerLinkHandling).
 */
export function genericMoveProblem(link: AccountLink): string | null {
  const cfg = getTableConfig(link.table);
  const pk = primaryKeyColumns(link.table);
  if (!pk.length) return 'no primary key to record moved rows by';
  if (pk.some((c) => c.name === link.column.name)) return 'the link is part of the primary key';
  if (link.column.isUnique) return 'the link is unique';
  for (const idx of cfg.indexes) {
    if (!idx.config.unique) continue;
    const names = idx.config.columns.map((c) => (c as { name?: string }).name);
    // An expression index cannot be judged: treat it as colliding.
    if (names.includes(link.column.name) || names.some((n) => n === undefined)) return `unique index ${idx.config.name ?? ''} includes the link`;
  }
  for (const u of cfg.uniqueConstraints) {
    if (u.columns.some((c) => c.name === link.column.name)) return `unique constraint ${u.name ?? ''} includes the link`;
  }
  return null;
}
