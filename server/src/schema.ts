/**
 * Composition root of the database schema: every table of the platform and of each module.
 * drizzle-kit generates migrations from this file; the typed `Db` is built from it.
 */
export * from './platform/tenancy/tenant.table.ts';
export * from './platform/auth/auth.tables.ts';
export * from './platform/audit/audit.table.ts';
export * from './modules/org/org.schema.ts';
