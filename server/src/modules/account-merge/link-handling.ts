import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/engine.ts';
import { rowsOf } from '../../platform/backup/sql-rows.ts';
import { genericMoveProblem, linkName, primaryKeyColumns, type AccountLink } from './account-links.ts';
import type { MovedRow, RemovedRow } from './account-merge.schema.ts';

export interface MergeStep {
  tenantId: string;
  survivorId: string;
  /** in the order the user listed them: the first merged account fills the survivor's gaps first */
  mergedIds: string[];
}

export interface LinkOutcome {
  moved: MovedRow[];
  removed: RemovedRow[];
}

/**
 * How a link that cannot simply be re-pointed row by row merges:
 *  - keep: the rows stay with the merged account (derived data, per-account state, the merge's own bookkeeping);
 *  - custom: the table's own rule (de-duplicating contact links), reported as moved and removed rows
 *    so undo can reverse it like any other.
 */
export type LinkHandling =
  | { kind: 'keep'; why: string }
  | { kind: 'custom'; why: string; merge(tx: Executor, step: MergeStep, link: AccountLink): Promise<LinkOutcome> };

const handlings = new Map<string, LinkHandling>();

/** `link` is "table.column", e.g. "account_contacts.account_id". */
export function registerLinkHandling(link: string, handling: LinkHandling): void {
  handlings.set(link, handling);
}

export type ResolvedHandling = LinkHandling | { kind: 'move' };

/** The registered handling, else a plain move when that is safe, else null: the link is not handled. */
export function handlingOf(link: AccountLink): ResolvedHandling | null {
  const registered = handlings.get(linkName(link));
  if (registered) return registered;
  return genericMoveProblem(link) ? null : { kind: 'move' };
}

const id = (name: string) => sql.identifier(name);
const list = (values: string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
const typeCondition = (link: AccountLink, alias?: string): SQL =>
  link.typeColumn ? sql` and ${alias ? sql`${id(alias)}.` : sql``}${id(link.typeColumn.name)} = 'account'` : sql``;

/**
 * Re-points every row of the merged accounts to the survivor in one statement and returns which
 * rows moved, from where: the old value is read in the same statement, so a row inserted meanwhile
 * is either moved and recorded or not moved at all.
 */
export async function moveLinkRows(tx: Executor, step: MergeStep, link: AccountLink): Promise<MovedRow[]> {
  if (!step.mergedIds.length) return [];
  const pk = primaryKeyColumns(link.table).filter((c) => c.name !== 'tenant_id');
  const col = id(link.column.name);
  const pkList = sql.join(pk.map((c) => id(c.name)), sql`, `);
  const join = sql.join(pk.map((c) => sql`t.${id(c.name)} = o.${id(c.name)}`), sql` and `);
  const key = sql.join(pk.map((c) => sql`${c.name}::text, t.${id(c.name)}::text`), sql`, `);
  const rows = rowsOf<{ key: Record<string, string> | string; old_id: string }>(await tx.execute(sql`
    update ${link.table} as t set ${col} = ${step.survivorId}
    from (
      select ${pkList}, ${col} as old_id from ${link.table}
      where tenant_id = ${step.tenantId} and ${col} in (${list(step.mergedIds)})${typeCondition(link)}
    ) as o
    where t.tenant_id = ${step.tenantId} and ${join}
    returning jsonb_build_object(${key}) as key, o.old_id::text as old_id`));
  return rows.map((r) => ({
    table: link.tableName,
    column: link.column.name,
    key: typeof r.key === 'string' ? JSON.parse(r.key) : r.key,
    from: r.old_id,
  }));
}

const CHUNK = 500;

/**
 * Moves recorded rows back to the accounts they came from, only where they still point at the
 * survivor. Returns how many of them were found so: fewer than given means some were deleted or
 * moved elsewhere since the merge.
 */
export async function moveRowsBack(tx: Executor, tenantId: string, survivorId: string, link: AccountLink, rows: MovedRow[]): Promise<number> {
  const pk = primaryKeyColumns(link.table).filter((c) => c.name !== 'tenant_id');
  const col = id(link.column.name);
  const names = [...pk.map((c) => c.name), '__from'];
  let found = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const values = sql.join(chunk.map((r) => sql`(${sql.join([...pk.map((c) => sql`${r.key[c.name]}::text`), sql`${r.from}::text`], sql`, `)})`), sql`, `);
    const join = sql.join(pk.map((c) => sql`t.${id(c.name)} = v.${id(c.name)}::${sql.raw(sqlType(c))}`), sql` and `);
    const result = rowsOf<{ one: number }>(await tx.execute(sql`
      update ${link.table} as t set ${col} = v.__from::uuid
      from (values ${values}) as v(${sql.join(names.map(id), sql`, `)})
      where t.tenant_id = ${tenantId} and ${join} and t.${col} = ${survivorId}${typeCondition(link, 't')}
      returning 1 as one`));
    found += result.length;
  }
  return found;
}

/** Puts back column values the merge changed besides the link (a primary flag it had to clear). */
export async function restoreColumns(tx: Executor, tenantId: string, link: AccountLink, row: MovedRow): Promise<void> {
  if (!row.restore) return;
  const pk = primaryKeyColumns(link.table).filter((c) => c.name !== 'tenant_id');
  const sets = sql.join(Object.entries(row.restore).map(([name, value]) => sql`${id(name)} = ${value}`), sql`, `);
  // Called after the row moved back: a link inside the primary key has its old value again.
  const keyValue = (c: PgColumn) => (c.name === link.column.name ? row.from : row.key[c.name]);
  const where = sql.join(pk.map((c) => sql`${id(c.name)} = ${keyValue(c)}::${sql.raw(sqlType(c))}`), sql` and `);
  await tx.execute(sql`update ${link.table} set ${sets} where tenant_id = ${tenantId} and ${where}`);
}

/** Inserts rows the merge deleted, exactly as they were; returns how many went back without a conflict. */
export async function reinsertRows(tx: Executor, link: AccountLink, rows: RemovedRow[]): Promise<number> {
  let inserted = 0;
  for (const r of rows) {
    const result = rowsOf<{ one: number }>(await tx.execute(sql`
      insert into ${link.table} select * from jsonb_populate_record(null::${link.table}, ${JSON.stringify(r.row)}::jsonb)
      on conflict do nothing returning 1 as one`));
    inserted += result.length;
  }
  return inserted;
}

/** The whole row as JSON, to be put back by reinsertRows. */
export async function snapshotRows(tx: Executor, link: AccountLink, where: SQL): Promise<Record<string, unknown>[]> {
  const rows = rowsOf<{ row: Record<string, unknown> | string }>(await tx.execute(sql`select to_jsonb(t.*) as row from ${link.table} as t where ${where}`));
  return rows.map((r) => (typeof r.row === 'string' ? JSON.parse(r.row) : r.row));
}

const sqlType = (c: PgColumn) => c.getSQLType();
