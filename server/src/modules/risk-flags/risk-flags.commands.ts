import { and, eq, isNull } from 'drizzle-orm';
import { can, hasCapability, scopeOf, type Principal } from '../../platform/access/principal.ts';
import { audit } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { getAccount } from '../accounts/accounts.queries.ts';
import { riskFlagCaps } from './risk-flags.objects.ts';
import { riskFlags, type RiskFlagKind } from './risk-flags.schema.ts';

/** Flags a customer the caller sees; the flag belongs to the caller's unit. */
export async function flagAccount(ctx: Ctx, accountId: string, input: { kind: RiskFlagKind; reason: string }): Promise<string> {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const account = await getAccount(tx, p, accountId);
    const id = newId();
    await tx.insert(riskFlags).values({ tenantId: p.tenantId, id, accountId, kind: input.kind, reason: input.reason, flaggedBy: p.userId, unitId: p.unitId });
    await audit(tx, ctx.actor, {
      action: 'risk_flag', objectType: 'account', objectId: accountId, objectLabel: account.name,
      changes: { riskFlag: [null, `${input.kind}: ${input.reason}`] }, context: { flagId: id },
    });
    return id;
  });
}

/**
 * The flagging unit's manager — someone who may reassign accounts and whose scope reaches that
 * unit — or an administrator. Read-only head-office roles see flags but do not clear them.
 */
export function mayClear(p: Principal, flag: { unitId: string }): boolean {
  if (hasCapability(p, riskFlagCaps.manage)) return true;
  if (!can(p, 'account', 'assign')) return false;
  const scope = scopeOf(p, 'account');
  return scope === 'all' || (scope === 'subtree' && p.subtreeUnitIds.includes(flag.unitId)) || (scope === 'unit' && p.unitIds.includes(flag.unitId));
}

export async function clearFlag(ctx: Ctx, flagId: string): Promise<void> {
  const { principal: p } = ctx;
  await ctx.db.transaction(async (tx) => {
    const [flag] = await tx.select().from(riskFlags).where(and(eq(riskFlags.tenantId, p.tenantId), eq(riskFlags.id, flagId))).for('update');
    if (!flag) throw notFound();
    if (!mayClear(p, flag)) throw forbidden();
    if (flag.clearedAt) throw new AppError('conflict');
    await tx.update(riskFlags).set({ clearedAt: new Date(), clearedBy: p.userId })
      .where(and(eq(riskFlags.tenantId, p.tenantId), eq(riskFlags.id, flagId), isNull(riskFlags.clearedAt)));
    await audit(tx, ctx.actor, {
      action: 'risk_flag_clear', objectType: 'account', objectId: flag.accountId,
      changes: { riskFlag: [`${flag.kind}: ${flag.reason}`, null] }, context: { flagId },
    });
  });
}
