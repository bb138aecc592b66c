import { sql } from 'drizzle-orm';
import {
  boolean, foreignKey, index, integer, numeric, pgTable, primaryKey, text, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { recordColumns } from '../../platform/db/columns.ts';

/** Product categories: a shallow tree (parent optional) the catalogue is filed under. */
export const productCategories = pgTable(
  'product_categories',
  {
    ...recordColumns(),
    parentId: uuid('parent_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    englishName: text('english_name'),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    uniqueIndex('product_categories_code_uq').on(t.tenantId, t.code).where(sql`${t.deletedAt} is null`),
  ],
);

/**
 * The catalogue (SKUs). A product is tenant-wide (no owner or unit): every branch sells the same
 * catalogue; what differs per customer is the price (modules/price-lists).
 */
export const products = pgTable(
  'products',
  {
    ...recordColumns(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    englishName: text('english_name'),
    categoryId: uuid('category_id'),
    /** unit of measure shown on quotes and orders: 件, 台, kg, m, set … */
    unit: text('unit').notNull(),
    specification: text('specification'),
    /** default price when no price list applies; currency below */
    listPrice: numeric('list_price', { precision: 18, scale: 2 }),
    currency: text('currency').notNull().default('CNY'),
    /** VAT rate in percent, e.g. 13.00 */
    taxRate: numeric('tax_rate', { precision: 5, scale: 2 }).notNull().default('13'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.categoryId], foreignColumns: [productCategories.tenantId, productCategories.id] }),
    uniqueIndex('products_code_uq').on(t.tenantId, t.code).where(sql`${t.deletedAt} is null`),
    index('products_category_idx').on(t.tenantId, t.categoryId),
    index('products_name_idx').on(t.tenantId, t.name),
  ],
);
