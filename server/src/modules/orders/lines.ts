import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/engine.ts';
import { invalid } from '../../platform/http/errors.ts';
import { resolvePrice } from '../price-lists/resolve-price.ts';
import { products } from '../products/products.schema.ts';
import { fromScaled, lineAmounts, toScaled } from './money.ts';
import type { LineInputDto } from './orders.types.ts';

export interface BuiltLine {
  lineNo: number;
  productId: string | null;
  description: string | null;
  unit: string | null;
  quantity: string;
  unitPrice: string;
  discountPct: string;
  taxRate: string;
  amount: string;
  taxAmount: string;
}

/** A price with more than 2 places (opportunity lines keep 4) rounded half up to cents. */
export const roundMoney = (v: string): string => {
  const s = toScaled(v, 4);
  return fromScaled((s + (s < 0n ? -50n : 50n)) / 100n);
};

/**
 * Order and quote lines as stored: products must exist in the catalogue; a missing price is the
 * one the account gets on the day (resolvePrice), a missing tax rate the product's.
 */
export async function buildLines(tx: Executor, tenantId: string, accountId: string, onDay: string, inputs: readonly LineInputDto[]): Promise<BuiltLine[]> {
  const ids = [...new Set(inputs.map((l) => l.productId).filter((id): id is string => !!id))];
  const found = ids.length
    ? await tx.select().from(products).where(and(eq(products.tenantId, tenantId), inArray(products.id, ids), isNull(products.deletedAt)))
    : [];
  const byId = new Map(found.map((p) => [p.id, p]));
  const out: BuiltLine[] = [];
  for (const [i, l] of inputs.entries()) {
    const product = l.productId ? byId.get(l.productId) : undefined;
    if (l.productId && !product) throw invalid(`lines.${i}.productId`, 'no such product');
    if (!product && !l.description) throw invalid(`lines.${i}.description`, 'a line without a product needs a description');
    let unitPrice = l.unitPrice;
    if (unitPrice === undefined) {
      if (!product) throw invalid(`lines.${i}.unitPrice`, 'required for a line without a product');
      const resolved = await resolvePrice(tx, tenantId, accountId, product.id, onDay);
      if (resolved.price === null) throw invalid(`lines.${i}.unitPrice`, 'the product has no price for this account; send one');
      unitPrice = roundMoney(resolved.price);
    }
    const taxRate = l.taxRate ?? product?.taxRate ?? '0';
    const amounts = lineAmounts({ quantity: l.quantity, unitPrice, discountPct: l.discountPct, taxRate });
    out.push({
      lineNo: i + 1,
      productId: product?.id ?? null,
      description: l.description ?? null,
      unit: l.unit ?? product?.unit ?? null,
      quantity: l.quantity,
      unitPrice,
      discountPct: l.discountPct,
      taxRate,
      ...amounts,
    });
  }
  return out;
}
