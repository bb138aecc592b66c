import { and, eq, isNull, ne } from 'drizzle-orm';
import { audit, diff } from '../../platform/audit/audit.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { getProduct, type ProductRecord } from './products.queries.ts';
import { productCategories, products } from './products.schema.ts';
import type { CreateProductInput, UpdateProductInput } from './products.types.ts';
import type { z } from 'zod';
import type { createCategoryBody, updateCategoryBody } from './products.types.ts';

const auditedFields = ['code', 'name', 'englishName', 'categoryId', 'unit', 'specification', 'listPrice', 'currency', 'taxRate', 'active'] as const;

async function assertCodeFree(tx: Executor, tenantId: string, code: string, exceptId?: string) {
  const [taken] = await tx
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.tenantId, tenantId), eq(products.code, code), isNull(products.deletedAt), exceptId ? ne(products.id, exceptId) : undefined));
  if (taken) throw new AppError('duplicate', { field: 'code' }, [{ field: 'code', reason: 'taken' }]);
}

async function assertCategory(tx: Executor, tenantId: string, categoryId: string | null | undefined) {
  if (!categoryId) return;
  const [found] = await tx
    .select({ id: productCategories.id })
    .from(productCategories)
    .where(and(eq(productCategories.tenantId, tenantId), eq(productCategories.id, categoryId), isNull(productCategories.deletedAt)));
  if (!found) throw invalid('categoryId', 'no such category');
}

export async function createProduct(ctx: Ctx, input: CreateProductInput): Promise<ProductRecord> {
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    await assertCodeFree(tx, p.tenantId, input.code);
    await assertCategory(tx, p.tenantId, input.categoryId);
    const id = newId();
    const values = {
      code: input.code, name: input.name, englishName: input.englishName ?? null, categoryId: input.categoryId ?? null,
      unit: input.unit, specification: input.specification ?? null, listPrice: input.listPrice ?? null,
      currency: input.currency, taxRate: input.taxRate, active: input.active,
    };
    await tx.insert(products).values({ tenantId: p.tenantId, id, ...values, createdBy: p.userId, updatedBy: p.userId });
    await audit(tx, ctx.actor, { action: 'create', objectType: 'product', objectId: id, objectLabel: `${input.code} ${input.name}`, changes: diff(null, values, auditedFields) });
    return getProduct(tx, p, id);
  });
}

export async function updateProduct(ctx: Ctx, id: string, input: UpdateProductInput): Promise<ProductRecord> {
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const before = await getProduct(tx, p, id);
    if (before.version !== input.version) throw new AppError('version_conflict');
    if (input.code && input.code !== before.code) await assertCodeFree(tx, p.tenantId, input.code, id);
    await assertCategory(tx, p.tenantId, input.categoryId);
    const { version: _v, ...changes } = input;
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const [row] = await tx
      .update(products)
      .set({ ...set, version: before.version + 1, updatedAt: new Date(), updatedBy: p.userId })
      .where(and(eq(products.tenantId, p.tenantId), eq(products.id, id), eq(products.version, input.version)))
      .returning({ id: products.id });
    if (!row) throw new AppError('version_conflict');
    const after = await getProduct(tx, p, id);
    await audit(tx, ctx.actor, { action: 'update', objectType: 'product', objectId: id, objectLabel: `${after.code} ${after.name}`, changes: diff(before, after, auditedFields) });
    return after;
  });
}

/** Products are soft-deleted: order and quote lines keep pointing at them. */
export async function deleteProduct(ctx: Ctx, id: string): Promise<void> {
  const p = ctx.principal;
  await ctx.db.transaction(async (tx) => {
    const before = await getProduct(tx, p, id);
    await tx.update(products).set({ deletedAt: new Date(), deletedBy: p.userId, version: before.version + 1 })
      .where(and(eq(products.tenantId, p.tenantId), eq(products.id, id)));
    await audit(tx, ctx.actor, { action: 'delete', objectType: 'product', objectId: id, objectLabel: `${before.code} ${before.name}` });
  });
}

export async function createCategory(ctx: Ctx, input: z.infer<typeof createCategoryBody>): Promise<string> {
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: productCategories.id }).from(productCategories)
      .where(and(eq(productCategories.tenantId, p.tenantId), eq(productCategories.code, input.code), isNull(productCategories.deletedAt)));
    if (taken) throw new AppError('duplicate', { field: 'code' }, [{ field: 'code', reason: 'taken' }]);
    if (input.parentId) {
      const [parent] = await tx.select({ id: productCategories.id }).from(productCategories)
        .where(and(eq(productCategories.tenantId, p.tenantId), eq(productCategories.id, input.parentId), isNull(productCategories.deletedAt)));
      if (!parent) throw invalid('parentId', 'no such category');
    }
    const id = newId();
    const values = { code: input.code, name: input.name, englishName: input.englishName ?? null, parentId: input.parentId ?? null, sortOrder: input.sortOrder };
    await tx.insert(productCategories).values({ tenantId: p.tenantId, id, ...values, createdBy: p.userId, updatedBy: p.userId });
    await audit(tx, ctx.actor, { action: 'create', objectType: 'product_category', objectId: id, objectLabel: input.name, changes: diff(null, values, ['code', 'name', 'englishName', 'parentId', 'sortOrder']) });
    return id;
  });
}

export async function updateCategory(ctx: Ctx, id: string, input: z.infer<typeof updateCategoryBody>): Promise<void> {
  const p = ctx.principal;
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(productCategories)
      .where(and(eq(productCategories.tenantId, p.tenantId), eq(productCategories.id, id), isNull(productCategories.deletedAt)));
    if (!before) throw notFound();
    if (before.version !== input.version) throw new AppError('version_conflict');
    const { version: _v, ...changes } = input;
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const [after] = await tx.update(productCategories).set({ ...set, version: before.version + 1, updatedAt: new Date(), updatedBy: p.userId })
      .where(and(eq(productCategories.tenantId, p.tenantId), eq(productCategories.id, id), eq(productCategories.version, input.version)))
      .returning();
    if (!after) throw new AppError('version_conflict');
    await audit(tx, ctx.actor, { action: 'update', objectType: 'product_category', objectId: id, objectLabel: after.name, changes: diff(before, after, ['name', 'englishName', 'sortOrder', 'active']) });
  });
}
