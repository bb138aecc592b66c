import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import { registerTenantSetup } from '../../platform/tenancy/tenant-setup.ts';
import { milestoneTemplates, orderTypes } from './orders.schema.ts';

/** The export order of seed 003: the steps that went missing between contract department and sales. */
export const exportOrderSteps = [
  { key: 'payment_confirmed', name: '确认收到预付款', englishName: 'Payment confirmed', durationDays: 3, dependsOn: [] },
  { key: 'purchase_contract_reviewed', name: '国内采购合同审核', englishName: 'Domestic purchase contract reviewed', durationDays: 5, dependsOn: ['payment_confirmed'] },
  { key: 'packing_list_made', name: '制作装箱单及出运委托书', englishName: 'Packing list and shipping instruction made', durationDays: 10, dependsOn: ['purchase_contract_reviewed'] },
  { key: 'space_booked', name: '订舱', englishName: 'Space booked', durationDays: 3, dependsOn: ['packing_list_made'] },
  { key: 'bill_of_lading_issued', name: '签发提单', englishName: 'Bill of lading issued', durationDays: 7, dependsOn: ['space_booked'] },
  { key: 'goods_arrived', name: '货物到达目的港', englishName: 'Goods arrived at destination port', durationDays: 30, dependsOn: ['bill_of_lading_issued'] },
  { key: 'payment_collected', name: '收齐货款', englishName: 'Payment collected', durationDays: 15, dependsOn: ['bill_of_lading_issued'] },
  { key: 'tax_rebate_confirmed', name: '出口退税确认', englishName: 'Export tax rebate confirmed', durationDays: 60, dependsOn: ['payment_collected'] },
] as const;

/** Every tenant gets the default "export order" type once; an administrator's later edits are kept. */
export async function ensureExportOrderType(db: Executor, tenantId: string): Promise<void> {
  const [existing] = await db.select({ id: orderTypes.id }).from(orderTypes).where(and(eq(orderTypes.tenantId, tenantId), eq(orderTypes.code, 'export')));
  if (existing) return;
  const id = newId();
  const [inserted] = await db
    .insert(orderTypes)
    .values({ tenantId, id, code: 'export', name: '出口订单', englishName: 'Export order', isDefault: true })
    .onConflictDoNothing()
    .returning({ id: orderTypes.id });
  if (!inserted) return;
  await db.insert(milestoneTemplates).values(exportOrderSteps.map((s, i) => ({
    tenantId, id: newId(), orderTypeId: id, key: s.key, sortOrder: i + 1, name: s.name, englishName: s.englishName,
    responsibleRole: 'order_execution', durationDays: s.durationDays, dependsOn: [...s.dependsOn],
  })));
}

registerTenantSetup('orders.export-order-type', ensureExportOrderType);
