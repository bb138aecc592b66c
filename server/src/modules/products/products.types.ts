import { z } from 'zod';
import { listQuery } from '../../platform/http/pagination.ts';
import { optionalText } from '../accounts/account-fields.ts';
import { moneyString, percentString } from '../orders/money.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optional = optionalText;

export const productSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    englishName: z.string().nullable(),
    categoryId: z.uuid().nullable(),
    categoryName: z.string().nullable(),
    unit: z.string(),
    specification: z.string().nullable(),
    listPrice: z.string().nullable().describe('decimal string; the price when no price list applies'),
    currency: z.string(),
    taxRate: z.string().describe('VAT percent, e.g. "13.00"'),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    permissions: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'Product' });
export type ProductDto = z.infer<typeof productSchema>;

const editable = {
  code: text(60),
  name: text(200),
  englishName: optional(200),
  categoryId: z.uuid().nullish(),
  unit: text(20),
  specification: optional(2000),
  listPrice: moneyString.nullish(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  taxRate: percentString,
  active: z.boolean(),
};
export const createProductBody = z.object({
  ...editable,
  currency: editable.currency.default('CNY'),
  taxRate: editable.taxRate.default('13'),
  active: editable.active.default(true),
});
export type CreateProductInput = z.infer<typeof createProductBody>;
export const updateProductBody = z.object({ version: z.number().int(), ...editable }).partial().required({ version: true });
export type UpdateProductInput = z.infer<typeof updateProductBody>;

export const listProductsQuery = listQuery.extend({
  q: z.string().trim().max(100).optional().describe('part of the code or name'),
  categoryId: z.uuid().optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
});
export type ListProductsQuery = z.infer<typeof listProductsQuery>;

export const categorySchema = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    code: z.string(),
    name: z.string(),
    englishName: z.string().nullable(),
    sortOrder: z.number().int(),
    active: z.boolean(),
    productCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'ProductCategory' });
export const createCategoryBody = z.object({
  code: text(60),
  name: text(100),
  englishName: optional(100),
  parentId: z.uuid().nullish(),
  sortOrder: z.number().int().default(0),
});
export const updateCategoryBody = z.object({
  version: z.number().int(),
  name: text(100).optional(),
  englishName: optional(100).optional(),
  sortOrder: z.number().int().optional(),
  active: z.boolean().optional(),
});

export const idParams = z.object({ id: z.uuid() });
