import { can, type Principal } from '../../platform/access/principal.ts';
import { money2 } from './money.ts';
import type { MilestoneRow, OrderLineRow, OrderRow } from './orders.queries.ts';
import { today } from './orders.queries.ts';
import type { MilestoneDto, OrderDto, OrderSummaryDto } from './orders.types.ts';

const n4 = (v: string) => v.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

export function presentOrderSummary(p: Principal, o: OrderRow): OrderSummaryDto {
  return {
    id: o.id,
    number: o.number,
    title: o.title,
    accountId: o.accountId,
    accountName: o.accountName,
    opportunityId: o.opportunityId,
    quoteId: o.quoteId,
    orderTypeId: o.orderTypeId,
    orderTypeName: o.orderTypeName,
    status: o.status,
    currency: o.currency,
    subtotal: money2(o.subtotal)!,
    taxAmount: money2(o.taxAmount)!,
    total: money2(o.total)!,
    signedOn: o.signedOn,
    deliveryFrom: o.deliveryFrom,
    deliveryTo: o.deliveryTo,
    paymentTerms: o.paymentTerms,
    note: o.note,
    ownerId: o.ownerId,
    ownerName: o.ownerName,
    unitId: o.unitId,
    unitName: o.unitName,
    openMilestones: o.openMilestones,
    overdueMilestones: o.overdueMilestones,
    version: o.version,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    // Orders reach the presenter through the scoped queries, so the grant alone decides.
    permissions: { update: can(p, 'order', 'update'), delete: can(p, 'order', 'delete'), updateMilestones: can(p, 'order_milestone', 'update') },
  };
}

export function presentMilestone(p: Principal, m: MilestoneRow, day = today()): MilestoneDto {
  return {
    id: m.id,
    orderId: m.orderId,
    key: m.key,
    sortOrder: m.sortOrder,
    name: m.name,
    englishName: m.englishName,
    responsibleRole: m.responsibleRole,
    responsibleUnitId: m.responsibleUnitId,
    responsibleUnitName: m.responsibleUnitName,
    durationDays: m.durationDays,
    dependsOn: m.dependsOn,
    dueOn: m.dueOn,
    doneOn: m.doneOn,
    doneAt: m.doneAt?.toISOString() ?? null,
    doneBy: m.doneBy,
    doneByName: m.doneByName,
    note: m.note,
    overdue: !m.doneAt && m.dueOn < day,
    version: m.version,
    permissions: { update: can(p, 'order_milestone', 'update') },
  };
}

export function presentLine(l: Omit<OrderLineRow, 'orderId'>) {
  return {
    id: l.id,
    lineNo: l.lineNo,
    productId: l.productId,
    productCode: l.productCode,
    productName: l.productName,
    description: l.description,
    unit: l.unit,
    quantity: n4(l.quantity),
    unitPrice: money2(l.unitPrice)!,
    discountPct: money2(l.discountPct)!,
    taxRate: money2(l.taxRate)!,
    amount: money2(l.amount)!,
    taxAmount: money2(l.taxAmount)!,
  };
}

export function presentOrder(p: Principal, o: OrderRow, lines: OrderLineRow[], milestones: MilestoneRow[]): OrderDto {
  const day = today();
  return { ...presentOrderSummary(p, o), lines: lines.map(presentLine), milestones: milestones.map((m) => presentMilestone(p, m, day)) };
}
