import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import { invalid } from '../../platform/http/errors.ts';
import { compareMoney, sumMoney } from '../orders/money.ts';
import { paymentInstalments } from './receivables.schema.ts';

export interface PlannedInstalment {
  id?: string;
  dueOn: string;
  amount: string;
  note?: string | null;
}

interface OrderForPlan {
  tenantId: string;
  id: string;
  accountId: string;
  ownerId: string;
  unitId: string;
  total: string;
  signedOn: string;
}

/** The instalments must add up to the order's total: what is planned is exactly what is owed. */
export function assertPlanMatches(total: string, plan: readonly PlannedInstalment[], field = 'instalments') {
  const sum = sumMoney(plan.map((i) => i.amount));
  if (compareMoney(sum, total) !== 0) throw invalid(field, `the instalments add up to ${sum}, the order total is ${total}`);
  plan.forEach((i, n) => { if (compareMoney(i.amount, '0') <= 0) throw invalid(`${field}.${n}.amount`, 'must be positive'); });
}

/** Writes a new order's payment plan (by default the whole total due on signing). */
export async function createPaymentPlan(tx: Executor, order: OrderForPlan, plan?: readonly PlannedInstalment[]) {
  const instalments = plan?.length ? plan : compareMoney(order.total, '0') > 0 ? [{ dueOn: order.signedOn, amount: order.total }] : [];
  if (!instalments.length) return;
  assertPlanMatches(order.total, instalments);
  await tx.insert(paymentInstalments).values([...instalments]
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
    .map((i, n) => ({
      tenantId: order.tenantId, id: newId(), orderId: order.id, accountId: order.accountId, ownerId: order.ownerId, unitId: order.unitId,
      seq: n + 1, dueOn: i.dueOn, amount: i.amount, note: i.note ?? null,
    })));
}

/** Instalments follow their order's owner and unit, so scopes and per-rep reports stay right after a reassignment. */
export async function moveInstalments(tx: Executor, tenantId: string, orderId: string, owner: { ownerId: string; unitId: string }) {
  await tx.update(paymentInstalments).set(owner).where(and(eq(paymentInstalments.tenantId, tenantId), eq(paymentInstalments.orderId, orderId)));
}
