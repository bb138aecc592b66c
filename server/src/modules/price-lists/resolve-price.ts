import { and, desc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/engine.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { products } from '../products/products.schema.ts';
import { priceListItems, priceLists } from './price-lists.schema.ts';

export interface ResolvedPrice {
  price: string | null;
  currency: string;
  /** the price list it came from; null when the product's list price applies */
  priceListId: string | null;
  priceListName: string | null;
}

/**
 * The one place that decides what an account pays for a product on a day. Price lists whose set
 * criteria (customer type, tier, province) all match the account and whose validity covers the day
 * compete: the most specific wins, then the higher priority, then the later start. Without one, the
 * product's list price applies. (A loyalty discount would plug in here.)
 */
export async function resolvePrice(db: Executor, tenantId: string, accountId: string, productId: string, onDay: string): Promise<ResolvedPrice> {
  const specificity = sql<number>`(case when ${priceLists.accountType} is null then 0 else 1 end + case when ${priceLists.tier} is null then 0 else 1 end + case when ${priceLists.provinceCode} is null then 0 else 1 end)`;
  const [hit] = await db
    .select({ price: priceListItems.price, currency: priceLists.currency, priceListId: priceLists.id, priceListName: priceLists.name })
    .from(priceListItems)
    .innerJoin(priceLists, and(eq(priceLists.tenantId, priceListItems.tenantId), eq(priceLists.id, priceListItems.priceListId)))
    .innerJoin(accounts, and(eq(accounts.tenantId, priceListItems.tenantId), eq(accounts.id, accountId)))
    .where(and(
      eq(priceListItems.tenantId, tenantId),
      eq(priceListItems.productId, productId),
      eq(priceLists.active, true),
      isNull(priceLists.deletedAt),
      lte(priceLists.validFrom, onDay),
      or(isNull(priceLists.validTo), gte(priceLists.validTo, onDay)),
      or(isNull(priceLists.accountType), eq(priceLists.accountType, accounts.type)),
      or(isNull(priceLists.tier), eq(priceLists.tier, accounts.tier)),
      or(isNull(priceLists.provinceCode), eq(priceLists.provinceCode, accounts.provinceCode)),
    ))
    .orderBy(desc(specificity), desc(priceLists.priority), desc(priceLists.validFrom))
    .limit(1);
  if (hit) return hit;
  const [product] = await db.select({ price: products.listPrice, currency: products.currency }).from(products)
    .where(and(eq(products.tenantId, tenantId), eq(products.id, productId)));
  return { price: product?.price ?? null, currency: product?.currency ?? 'CNY', priceListId: null, priceListName: null };
}
