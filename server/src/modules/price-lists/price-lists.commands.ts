import { and, asc, count, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import { audit, diff } from '../../platform/audit/audit.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { products } from '../products/products.schema.ts';
import { priceListItems, priceLists } from './price-lists.schema.ts';
import type { CreatePriceListInput, UpdatePriceListInput } from './price-lists.types.ts';

const audited = ['name', 'currency', 'accountType', 'tier', 'provinceCode', 'validFrom', 'validTo', 'priority', 'active'] as const;
const live = (p: Principal) => and(eq(priceLists.tenantId, p.tenantId), isNull(priceLists.deletedAt));

export async function listPriceLists(db: Executor, p: Principal) {
  const counts = db.select({ id: priceListItems.priceListId, n: count().as('n') }).from(priceListItems)
    .where(eq(priceListItems.tenantId, p.tenantId)).groupBy(priceListItems.priceListId).as('counts');
  return db.select({ ...getTableColumns(priceLists), itemCount: sql<number>`coalesce(${counts.n}, 0)::int` })
    .from(priceLists).leftJoin(counts, eq(counts.id, priceLists.id))
    .where(live(p)).orderBy(desc(priceLists.active), asc(priceLists.name));
}

export async function getPriceList(db: Executor, p: Principal, id: string) {
  const [list] = await db.select().from(priceLists).where(and(live(p), eq(priceLists.id, id)));
  if (!list) throw notFound();
  const items = await db.select({ productId: priceListItems.productId, productCode: products.code, productName: products.name, unit: products.unit, price: priceListItems.price })
    .from(priceListItems)
    .innerJoin(products, and(eq(products.tenantId, priceListItems.tenantId), eq(products.id, priceListItems.productId)))
    .where(and(eq(priceListItems.tenantId, p.tenantId), eq(priceListItems.priceListId, id)))
    .orderBy(asc(products.code));
  return { ...list, itemCount: items.length, items };
}

async function writeItems(tx: Executor, tenantId: string, priceListId: string, items: { productId: string; price: string }[]) {
  const ids = [...new Set(items.map((i) => i.productId))];
  if (ids.length !== items.length) throw invalid('items', 'a product appears twice');
  if (ids.length) {
    const found = await tx.select({ id: products.id }).from(products).where(and(eq(products.tenantId, tenantId), inArray(products.id, ids), isNull(products.deletedAt)));
    if (found.length !== ids.length) throw invalid('items', 'unknown product');
  }
  await tx.delete(priceListItems).where(and(eq(priceListItems.tenantId, tenantId), eq(priceListItems.priceListId, priceListId)));
  if (items.length) await tx.insert(priceListItems).values(items.map((i) => ({ tenantId, id: newId(), priceListId, productId: i.productId, price: i.price })));
}

const checkPeriod = (from: string, to: string | null | undefined) => {
  if (to && to < from) throw invalid('validTo', 'before validFrom');
};

export async function createPriceList(ctx: Ctx, input: CreatePriceListInput): Promise<string> {
  const p = ctx.principal;
  checkPeriod(input.validFrom, input.validTo);
  return ctx.db.transaction(async (tx) => {
    const id = newId();
    const { items, ...rest } = input;
    const values = { ...rest, accountType: rest.accountType ?? null, tier: rest.tier ?? null, provinceCode: rest.provinceCode ?? null, validTo: rest.validTo ?? null };
    await tx.insert(priceLists).values({ tenantId: p.tenantId, id, ...values, createdBy: p.userId, updatedBy: p.userId });
    await writeItems(tx, p.tenantId, id, items);
    await audit(tx, ctx.actor, { action: 'create', objectType: 'price_list', objectId: id, objectLabel: input.name, changes: { ...diff(null, values, audited), items: [null, items.length] } });
    return id;
  });
}

export async function updatePriceList(ctx: Ctx, id: string, input: UpdatePriceListInput): Promise<void> {
  const p = ctx.principal;
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(priceLists).where(and(live(p), eq(priceLists.id, id)));
    if (!before) throw notFound();
    if (before.version !== input.version) throw new AppError('version_conflict');
    const { version: _v, items, ...rest } = input;
    const set = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    const after = { ...before, ...set };
    checkPeriod(after.validFrom, after.validTo);
    await tx.update(priceLists).set({ ...set, version: before.version + 1, updatedAt: new Date(), updatedBy: p.userId })
      .where(and(eq(priceLists.tenantId, p.tenantId), eq(priceLists.id, id)));
    if (items) await writeItems(tx, p.tenantId, id, items);
    await audit(tx, ctx.actor, { action: 'update', objectType: 'price_list', objectId: id, objectLabel: after.name, changes: { ...diff(before, after, audited), ...(items ? { items: [null, items.length] } : {}) } });
  });
}

export async function deletePriceList(ctx: Ctx, id: string): Promise<void> {
  const p = ctx.principal;
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(priceLists).where(and(live(p), eq(priceLists.id, id)));
    if (!before) throw notFound();
    await tx.update(priceLists).set({ deletedAt: new Date(), deletedBy: p.userId }).where(and(eq(priceLists.tenantId, p.tenantId), eq(priceLists.id, id)));
    await audit(tx, ctx.actor, { action: 'delete', objectType: 'price_list', objectId: id, objectLabel: before.name });
  });
}
