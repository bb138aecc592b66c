import { sql } from 'drizzle-orm';
import {
  boolean, date, foreignKey, index, integer, numeric, pgTable, primaryKey, text, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { recordColumns, tenantColumns } from '../../platform/db/columns.ts';
import { products } from '../products/products.schema.ts';

/**
 * A price list applies to the accounts matching all of its set criteria (customer type, tier,
 * province; null = any) within its validity period. Where several apply, the most specific wins,
 * then the higher priority, then the later start (see price-lists/resolve-price.ts).
 */
export const priceLists = pgTable(
  'price_lists',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    currency: text('currency').notNull().default('CNY'),
    accountType: text('account_type'),
    tier: text('tier'),
    provinceCode: text('province_code'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    priority: integer('priority').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('price_lists_valid_idx').on(t.tenantId, t.validFrom).where(sql`${t.active} and ${t.deletedAt} is null`),
  ],
);

export const priceListItems = pgTable(
  'price_list_items',
  {
    ...tenantColumns(),
    priceListId: uuid('price_list_id').notNull(),
    productId: uuid('product_id').notNull(),
    price: numeric('price', { precision: 18, scale: 2 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.priceListId], foreignColumns: [priceLists.tenantId, priceLists.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }),
    uniqueIndex('price_list_items_product_uq').on(t.tenantId, t.productId, t.priceListId),
  ],
);
