import { z } from 'zod';
import { optionalText } from '../accounts/account-fields.ts';
import { accountTiers } from '../accounts/accounts.schema.ts';
import { moneyString } from '../orders/money.ts';

const day = z.iso.date();

export const priceListSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    currency: z.string(),
    accountType: z.string().nullable(),
    tier: z.string().nullable(),
    provinceCode: z.string().nullable(),
    validFrom: day,
    validTo: day.nullable(),
    priority: z.number().int(),
    active: z.boolean(),
    itemCount: z.number().int(),
    version: z.number().int(),
    items: z.array(z.object({ productId: z.uuid(), productCode: z.string(), productName: z.string(), unit: z.string(), price: z.string() })).optional(),
    permissions: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'PriceList' });

const items = z.array(z.object({ productId: z.uuid(), price: moneyString })).max(5000);
const fields = {
  name: z.string().trim().min(1).max(100),
  currency: z.string().regex(/^[A-Z]{3}$/),
  accountType: optionalText(40).describe('customer type key; empty = any'),
  tier: z.enum(accountTiers).nullish(),
  provinceCode: optionalText(12),
  validFrom: day,
  validTo: day.nullish(),
  priority: z.number().int().min(0).max(1000),
  active: z.boolean(),
  items,
};
export const createPriceListBody = z.object({ ...fields, currency: fields.currency.default('CNY'), priority: fields.priority.default(0), active: fields.active.default(true), items: items.default([]) });
export type CreatePriceListInput = z.infer<typeof createPriceListBody>;
export const updatePriceListBody = z.object({ version: z.number().int(), ...fields }).partial().required({ version: true })
  .describe('items, when sent, replace the list\'s items');
export type UpdatePriceListInput = z.infer<typeof updatePriceListBody>;

export const resolveQuery = z.object({ accountId: z.uuid(), productId: z.uuid(), onDay: day.optional() });
export const resolvedSchema = z.object({ price: z.string().nullable(), currency: z.string(), priceListId: z.uuid().nullable(), priceListName: z.string().nullable() });
export const idParams = z.object({ id: z.uuid() });
