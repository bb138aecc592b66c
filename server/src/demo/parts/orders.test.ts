import { and, count, eq, isNull, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database.ts';
import { orderMilestones, orders } from '../../modules/orders/orders.schema.ts';
import { products } from '../../modules/products/products.schema.ts';
import { paymentInstalments } from '../../modules/receivables/receivables.schema.ts';
import type { Database } from '../../platform/db/engine.ts';
import { generateCompany } from '../generator.ts';

let database: Database;
let tenantId: string;
const now = new Date('2026-06-30T08:00:00Z');
beforeAll(async () => {
  database = await createTestDatabase();
  ({ tenantId } = await generateCompany(database, { profile: 'demo', seed: 'orders', now, accounts: 200, tenant: { slug: 'demo-orders', name: 'Orders' } }));
});
afterAll(() => database.close());

describe('demo orders part', () => {
  it('writes a catalogue, orders in every stage of execution with some overdue, and receivables to age', async () => {
    const db = database.db;
    const [p] = await db.select({ n: count() }).from(products).where(eq(products.tenantId, tenantId));
    expect(p.n).toBeGreaterThanOrEqual(200);
    const [o] = await db.select({ n: count(), numbers: sql<number>`count(distinct ${orders.number})::int` }).from(orders).where(eq(orders.tenantId, tenantId));
    expect(o.n).toBeGreaterThan(50);
    expect(o.numbers).toBe(o.n);
    const [overdue] = await db.select({ n: count() }).from(orderMilestones)
      .where(and(eq(orderMilestones.tenantId, tenantId), isNull(orderMilestones.doneAt), lt(orderMilestones.dueOn, '2026-06-30')));
    expect(overdue.n).toBeGreaterThan(0);
    const [done] = await db.select({ n: count() }).from(orderMilestones).where(and(eq(orderMilestones.tenantId, tenantId), sql`${orderMilestones.doneAt} is not null`));
    expect(done.n).toBeGreaterThan(0);
    const [owed] = await db.select({ n: count() }).from(paymentInstalments).where(and(eq(paymentInstalments.tenantId, tenantId), lt(paymentInstalments.paid, paymentInstalments.amount)));
    expect(owed.n).toBeGreaterThan(0);
  });
});
