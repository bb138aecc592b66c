import { and, eq, isNull } from 'drizzle-orm';
import { scopeOf } from '../../platform/access/principal.ts';
import { audit, diff } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { resolveOwnership } from '../accounts/ownership.ts';
import { orgUnits } from '../org/org.schema.ts';
import { getSalesTarget, readBackSalesTarget, type SalesTargetRecord } from './sales-targets.queries.ts';
import { salesTargets } from './sales-targets.schema.ts';
import type { CreateSalesTargetInput, UpdateSalesTargetInput } from './sales-targets.types.ts';

const audited = ['userId', 'unitId', 'period', 'periodStart', 'amount', 'currency', 'note'] as const;
const label = (t: SalesTargetRecord) => `${t.userName ?? t.unitName ?? ''} ${t.period} ${t.periodStart}`;

const isUniqueViolation = (e: unknown) => {
  const err = e as { code?: string; cause?: { code?: string } };
  return err.code === '23505' || err.cause?.code === '23505';
};

export async function createSalesTarget(ctx: Ctx, input: CreateSalesTargetInput): Promise<SalesTargetRecord> {
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    let unitId: string;
    if (input.userId) {
      // The rep must be one the caller manages, like giving them a record.
      unitId = (await resolveOwnership(tx, p, 'sales_target', { ownerId: input.userId, unitId: input.unitId })).unitId;
    } else {
      const [unit] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.tenantId, p.tenantId), eq(orgUnits.id, input.unitId!), isNull(orgUnits.deletedAt)));
      if (!unit) throw invalid('unitId', 'no such unit');
      const scope = scopeOf(p, 'sales_target');
      const reachable = scope === 'all' || (scope === 'subtree' ? p.subtreeUnitIds : scope === 'unit' ? p.unitIds : []).includes(unit.id);
      if (!reachable) throw invalid('unitId', 'outside your data scope');
      unitId = unit.id;
    }
    const id = newId();
    try {
      await tx.transaction(async (sp) => {
        await sp.insert(salesTargets).values({
          tenantId: p.tenantId, id, userId: input.userId ?? null, unitId, period: input.period, periodStart: input.periodStart, amount: input.amount,
          currency: input.currency, note: input.note ?? null, createdBy: p.userId, updatedBy: p.userId,
        });
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('duplicate', { field: 'periodStart' }, [{ field: 'periodStart', reason: 'a target for this period exists; edit it' }]);
      throw e;
    }
    const created = await readBackSalesTarget(tx, p.tenantId, id);
    await audit(tx, ctx.actor, { action: 'create', objectType: 'sales_target', objectId: id, objectLabel: label(created), changes: diff(null, created, audited) });
    return created;
  });
}

export async function updateSalesTarget(ctx: Ctx, id: string, input: UpdateSalesTargetInput): Promise<SalesTargetRecord> {
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const before = await getSalesTarget(tx, p, id);
    if (before.version !== input.version) throw new AppError('version_conflict');
    const [row] = await tx
      .update(salesTargets)
      .set({
        amount: input.amount ?? before.amount,
        note: input.note === undefined ? before.note : input.note,
        version: before.version + 1,
        updatedAt: new Date(),
        updatedBy: p.userId,
      })
      .where(and(eq(salesTargets.tenantId, p.tenantId), eq(salesTargets.id, id), eq(salesTargets.version, input.version)))
      .returning({ id: salesTargets.id });
    if (!row) throw new AppError('version_conflict');
    const after = await readBackSalesTarget(tx, p.tenantId, id);
    await audit(tx, ctx.actor, { action: 'update', objectType: 'sales_target', objectId: id, objectLabel: label(after), changes: diff(before, after, audited) });
    return after;
  });
}

export async function deleteSalesTarget(ctx: Ctx, id: string): Promise<void> {
  const p = ctx.principal;
  await ctx.db.transaction(async (tx) => {
    const target = await getSalesTarget(tx, p, id);
    await tx.update(salesTargets).set({ deletedAt: new Date(), deletedBy: p.userId, version: target.version + 1 })
      .where(and(eq(salesTargets.tenantId, p.tenantId), eq(salesTargets.id, id)));
    await audit(tx, ctx.actor, { action: 'delete', objectType: 'sales_target', objectId: id, objectLabel: label(target) });
  });
}
