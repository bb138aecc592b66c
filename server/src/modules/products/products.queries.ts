import { and, asc, count, eq, getTableColumns, gt, ilike, isNull, or, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { notFound } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { productCategories, products } from './products.schema.ts';
import type { ListProductsQuery } from './products.types.ts';

export type ProductRecord = typeof products.$inferSelect & { categoryName: string | null };

const productFields = { ...getTableColumns(products), categoryName: sql<string | null>`${productCategories.name}`.as('category_name') };

/** The catalogue is tenant-wide: the route's product:read grant is the whole check. */
export const productScope = (p: Principal) => and(eq(products.tenantId, p.tenantId), isNull(products.deletedAt))!;

function selectProducts(db: Executor) {
  return db
    .select(productFields)
    .from(products)
    .leftJoin(productCategories, and(eq(productCategories.tenantId, products.tenantId), eq(productCategories.id, products.categoryId)));
}

export async function findProduct(db: Executor, p: Principal, id: string): Promise<ProductRecord | null> {
  const [row] = await selectProducts(db).where(and(productScope(p), eq(products.id, id)));
  return row ?? null;
}

export async function getProduct(db: Executor, p: Principal, id: string): Promise<ProductRecord> {
  const product = await findProduct(db, p, id);
  if (!product) throw notFound();
  return product;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page of the catalogue by code (the unique index serves the order). */
export async function listProducts(db: Executor, p: Principal, q: ListProductsQuery) {
  const cursor = decodeCursor(q.cursor);
  const rows = await selectProducts(db)
    .where(and(
      productScope(p),
      q.active === 'all' ? undefined : eq(products.active, q.active === 'true'),
      q.categoryId ? eq(products.categoryId, q.categoryId) : undefined,
      q.q ? or(ilike(products.code, `%${escapeLike(q.q)}%`), ilike(products.name, `%${escapeLike(q.q)}%`)) : undefined,
      cursor ? or(gt(products.code, String(cursor.v)), and(eq(products.code, String(cursor.v)), gt(products.id, cursor.id))) : undefined,
    ))
    .orderBy(asc(products.code), asc(products.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit ? encodeCursor({ v: last.code, id: last.id }) : null };
}

export async function listCategories(db: Executor, p: Principal) {
  const counts = db
    .select({ categoryId: products.categoryId, n: count().as('n') })
    .from(products)
    .where(productScope(p))
    .groupBy(products.categoryId)
    .as('counts');
  return db
    .select({ ...getTableColumns(productCategories), productCount: sql<number>`coalesce(${counts.n}, 0)::int` })
    .from(productCategories)
    .leftJoin(counts, eq(counts.categoryId, productCategories.id))
    .where(and(eq(productCategories.tenantId, p.tenantId), isNull(productCategories.deletedAt)))
    .orderBy(asc(productCategories.sortOrder), asc(productCategories.code));
}
