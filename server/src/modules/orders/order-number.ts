import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/engine.ts';
import { orderNumberCounters } from './orders.schema.ts';

/**
 * The next readable number of a kind (SO for orders, QT for quotes) for the tenant and year:
 * SO-2026-000123. The counter row is locked by the update until the transaction ends, so two
 * concurrent orders never share a number, and a rolled-back order leaves no gap.
 */
export async function nextNumber(tx: Executor, tenantId: string, prefix: string, onDay: string): Promise<string> {
  const year = Number(onDay.slice(0, 4));
  const [row] = await tx
    .insert(orderNumberCounters)
    .values({ tenantId, prefix, year, last: 1 })
    .onConflictDoUpdate({ target: [orderNumberCounters.tenantId, orderNumberCounters.prefix, orderNumberCounters.year], set: { last: sql`${orderNumberCounters.last} + 1` } })
    .returning({ last: orderNumberCounters.last });
  return `${prefix}-${year}-${String(row.last).padStart(6, '0')}`;
}
