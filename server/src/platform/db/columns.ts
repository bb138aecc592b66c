import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Columns every tenant table starts with. `tenant_id` leads every primary key, unique index and
 * foreign key so a deployment can shard by tenant (Citus distribution column) without rewriting.
 */
export const tenantColumns = () => ({
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').notNull(),
});

/** Columns of a business record: optimistic-concurrency version, who/when, soft delete. */
export const recordColumns = () => ({
  ...tenantColumns(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  updatedBy: uuid('updated_by'),
  deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  deletedBy: uuid('deleted_by'),
});

/** Records that belong to someone: data scopes (own, unit, subtree) filter on these two columns. */
export const ownedColumns = () => ({
  ownerId: uuid('owner_id').notNull(),
  unitId: uuid('unit_id').notNull(),
});

export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
