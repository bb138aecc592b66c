import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { orgUnits } from '../org/org.schema.ts';
import { topologicalOrder } from './execution-plan.ts';
import { milestoneTemplates, orderTypes, salesSettings } from './orders.schema.ts';
import type { SaveOrderTypeInput } from './orders.types.ts';

export async function listOrderTypes(db: Executor, tenantId: string) {
  const [types, steps] = await Promise.all([
    db.select().from(orderTypes).where(and(eq(orderTypes.tenantId, tenantId), isNull(orderTypes.deletedAt))).orderBy(asc(orderTypes.code)),
    db.select().from(milestoneTemplates).where(eq(milestoneTemplates.tenantId, tenantId)).orderBy(asc(milestoneTemplates.sortOrder)),
  ]);
  return types.map((t) => ({
    id: t.id, code: t.code, name: t.name, englishName: t.englishName, isDefault: t.isDefault, active: t.active, version: t.version,
    milestones: steps.filter((s) => s.orderTypeId === t.id).map((s) => ({
      id: s.id, key: s.key, sortOrder: s.sortOrder, name: s.name, englishName: s.englishName,
      responsibleRole: s.responsibleRole, responsibleUnitId: s.responsibleUnitId, durationDays: s.durationDays, dependsOn: s.dependsOn,
    })),
  }));
}

/**
 * Creates an order type or replaces an existing one's template (by code). Orders already placed keep
 * the plan they were given; only new orders follow the new template.
 */
export async function saveOrderType(ctx: Ctx, input: SaveOrderTypeInput): Promise<string> {
  const p = ctx.principal;
  topologicalOrder(input.milestones);
  return ctx.db.transaction(async (tx) => {
    for (const [i, m] of input.milestones.entries()) {
      if (!m.responsibleUnitId) continue;
      const [unit] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.tenantId, p.tenantId), eq(orgUnits.id, m.responsibleUnitId)));
      if (!unit) throw invalid(`milestones.${i}.responsibleUnitId`, 'no such unit');
    }
    const [existing] = await tx.select().from(orderTypes).where(and(eq(orderTypes.tenantId, p.tenantId), eq(orderTypes.code, input.code)));
    const id = existing?.id ?? newId();
    if (input.isDefault) {
      await tx.update(orderTypes).set({ isDefault: false }).where(and(eq(orderTypes.tenantId, p.tenantId), ne(orderTypes.id, id)));
    }
    const values = { name: input.name, englishName: input.englishName ?? null, isDefault: input.isDefault, active: input.active };
    if (existing) {
      await tx.update(orderTypes).set({ ...values, deletedAt: null, version: existing.version + 1, updatedAt: new Date(), updatedBy: p.userId })
        .where(and(eq(orderTypes.tenantId, p.tenantId), eq(orderTypes.id, id)));
      await tx.delete(milestoneTemplates).where(and(eq(milestoneTemplates.tenantId, p.tenantId), eq(milestoneTemplates.orderTypeId, id)));
    } else {
      await tx.insert(orderTypes).values({ tenantId: p.tenantId, id, code: input.code, ...values, createdBy: p.userId, updatedBy: p.userId });
    }
    await tx.insert(milestoneTemplates).values(input.milestones.map((m, i) => ({
      tenantId: p.tenantId, id: newId(), orderTypeId: id, key: m.key, sortOrder: i + 1, name: m.name, englishName: m.englishName ?? null,
      responsibleRole: m.responsibleRole ?? null, responsibleUnitId: m.responsibleUnitId ?? null, durationDays: m.durationDays, dependsOn: m.dependsOn,
    })));
    await audit(tx, ctx.actor, {
      action: existing ? 'update' : 'create', objectType: 'order_type', objectId: id, objectLabel: input.name,
      changes: { milestones: [null, input.milestones.map((m) => m.key)] },
    });
    return id;
  });
}

export async function getSalesSettings(db: Executor, tenantId: string) {
  const [row] = await db.select().from(salesSettings).where(eq(salesSettings.tenantId, tenantId));
  return row ?? { tenantId, quoteDiscountLimitPct: '10.00', largeOrderAmount: '100000.00', version: 0, updatedAt: new Date(0) };
}

export async function updateSalesSettings(ctx: Ctx, input: { version: number; quoteDiscountLimitPct?: string; largeOrderAmount?: string }) {
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const before = await getSalesSettings(tx, p.tenantId);
    if (before.version !== input.version) throw new AppError('version_conflict');
    const after = {
      quoteDiscountLimitPct: input.quoteDiscountLimitPct ?? before.quoteDiscountLimitPct,
      largeOrderAmount: input.largeOrderAmount ?? before.largeOrderAmount,
      version: before.version + 1,
      updatedAt: new Date(),
    };
    await tx.insert(salesSettings).values({ tenantId: p.tenantId, ...after })
      .onConflictDoUpdate({ target: salesSettings.tenantId, set: after });
    await audit(tx, ctx.actor, {
      action: 'update', objectType: 'sales_settings', objectLabel: 'sales settings',
      changes: { quoteDiscountLimitPct: [before.quoteDiscountLimitPct, after.quoteDiscountLimitPct], largeOrderAmount: [before.largeOrderAmount, after.largeOrderAmount] },
    });
    return getSalesSettings(tx, p.tenantId);
  });
}
