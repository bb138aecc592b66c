import { can, type Principal } from '../../platform/access/principal.ts';
import { money2 } from '../orders/money.ts';
import type { ProductRecord } from './products.queries.ts';
import type { ProductDto } from './products.types.ts';

export function presentProduct(p: Principal, r: ProductRecord): ProductDto {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    englishName: r.englishName,
    categoryId: r.categoryId,
    categoryName: r.categoryName,
    unit: r.unit,
    specification: r.specification,
    listPrice: money2(r.listPrice),
    currency: r.currency,
    taxRate: money2(r.taxRate)!,
    active: r.active,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    permissions: { update: can(p, 'product', 'update'), delete: can(p, 'product', 'delete') },
  };
}
