/**
 * Composition root of the database schema: every table of the platform and of each module.
 * drizzle-kit generates migrations from this file; the typed `Db` is built from it.
 */
export * from './platform/tenancy/tenant.table.ts';
export * from './platform/auth/auth.tables.ts';
export * from './platform/audit/audit.table.ts';
export * from './modules/org/org.schema.ts';
export * from './modules/accounts/accounts.schema.ts';
export * from './modules/contacts/contacts.schema.ts';
export * from './modules/custom-fields/custom-fields.schema.ts';
export * from './modules/saved-views/saved-views.schema.ts';
export * from './modules/attachments/attachments.schema.ts';
export * from './modules/activities/activities.schema.ts';
export * from './modules/notifications/notifications.schema.ts';
export * from './modules/pool/pool.schema.ts';
export * from './modules/risk-flags/risk-flags.schema.ts';
export * from './modules/dedup/keys/dedup-keys.schema.ts';
export * from './modules/dedup/report/report.schema.ts';
export * from './modules/account-merge/account-merge.schema.ts';
export * from './modules/products/products.schema.ts';
export * from './modules/pipelines/pipelines.schema.ts';
export * from './modules/opportunities/opportunities.schema.ts';
export * from './modules/leads/leads.schema.ts';
export * from './modules/forecast/sales-targets.schema.ts';
export * from './modules/price-lists/price-lists.schema.ts';
export * from './modules/quotes/quotes.schema.ts';
export * from './modules/orders/orders.schema.ts';
export * from './modules/receivables/receivables.schema.ts';
export * from './modules/imports/imports.schema.ts';
export * from './modules/webhooks/webhooks.schema.ts';
