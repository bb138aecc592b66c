import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../schema.ts';
import { BackupError } from './backup-error.ts';

/** What a backup needs to know of one table, read from the drizzle schema. */
export interface BackupTable {
  /** schema-qualified only outside `public` */
  schema?: string;
  name: string;
  /** every stored column; generated columns are left out, the database recomputes them */
  columns: { name: string; sqlType: string }[];
  primaryKey: string[];
  /** other tables this one references: they are restored first */
  references: string[];
  /** a foreign key to the table itself (org_units.parent_id): rows are written parents first */
  selfReference?: { columns: string[]; foreignColumns: string[] };
}

/** Every table of Kehu's drizzle schema, parents before children. */
export function schemaTables(): BackupTable[] {
  return describeTables(Object.values(schema as Record<string, unknown>).filter((v): v is PgTable => is(v, PgTable)));
}

export function describeTables(tables: PgTable[]): BackupTable[] {
  return inForeignKeyOrder(tables.map(describeTable));
}

function describeTable(table: PgTable): BackupTable {
  const config = getTableConfig(table);
  const primaryKey = config.primaryKeys[0]?.columns.map((c) => c.name) ?? config.columns.filter((c) => c.primary).map((c) => c.name);
  // Paging by primary key is what keeps a backup from loading a table into memory.
  if (!primaryKey.length) throw new BackupError(`table ${config.name} has no primary key: a backup cannot page through it`);
  const references = new Set<string>();
  const selfReferences: BackupTable['selfReference'][] = [];
  for (const fk of config.foreignKeys) {
    const ref = fk.reference();
    const target = getTableConfig(ref.foreignTable).name;
    if (target === config.name) selfReferences.push({ columns: ref.columns.map((c) => c.name), foreignColumns: ref.foreignColumns.map((c) => c.name) });
    else references.add(target);
  }
  if (selfReferences.length > 1) throw new BackupError(`table ${config.name} has several foreign keys to itself: backups order rows by one only`);
  return {
    schema: config.schema,
    name: config.name,
    columns: config.columns.filter((c) => !c.generated).map((c) => ({ name: c.name, sqlType: c.getSQLType() })),
    primaryKey,
    references: [...references],
    selfReference: selfReferences[0],
  };
}

/** Topological order (Kahn), stable in schema order, so that inserting in this order satisfies every foreign key. */
function inForeignKeyOrder(tables: BackupTable[]): BackupTable[] {
  const ordered: BackupTable[] = [];
  const placed = new Set<string>();
  let pending = tables;
  while (pending.length) {
    const ready = pending.filter((t) => t.references.every((r) => placed.has(r) || !tables.some((o) => o.name === r)));
    if (!ready.length) throw new BackupError(`foreign keys form a cycle between ${pending.map((t) => t.name).join(', ')}: no restore order exists`);
    for (const t of ready) {
      ordered.push(t);
      placed.add(t.name);
    }
    pending = pending.filter((t) => !placed.has(t.name));
  }
  return ordered;
}
