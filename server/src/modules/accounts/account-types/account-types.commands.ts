import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { audit, diff } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { lookupValues } from '../accounts.schema.ts';
import { ACCOUNT_TYPE_LIST } from './account-types.defaults.ts';
import { findAccountType } from './account-types.queries.ts';
import type { createAccountTypeBody, updateAccountTypeBody } from './account-types.types.ts';

const audited = ['labelZh', 'labelEn', 'sortOrder', 'active'] as const;

export async function createAccountType(ctx: Ctx, input: z.infer<typeof createAccountTypeBody>) {
  const { tenantId } = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    if (await findAccountType(tx, tenantId, input.key)) throw new AppError('duplicate', { field: 'key' }, [{ field: 'key', reason: 'taken' }]);
    const [row] = await tx
      .insert(lookupValues)
      .values({ tenantId, list: ACCOUNT_TYPE_LIST, key: input.key, labelZh: input.labelZh, labelEn: input.labelEn, sortOrder: input.sortOrder ?? 1000 })
      .returning();
    await audit(tx, ctx.actor, { action: 'create', objectType: 'account_type', objectLabel: `${row.key} ${row.labelZh}`, changes: diff(null, row, audited) });
    return row;
  });
}

export async function updateAccountType(ctx: Ctx, key: string, input: z.infer<typeof updateAccountTypeBody>) {
  const { tenantId } = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const before = await findAccountType(tx, tenantId, key);
    if (!before) throw notFound();
    if (before.version !== input.version) throw new AppError('version_conflict');
    const [after] = await tx
      .update(lookupValues)
      .set({
        labelZh: input.labelZh ?? before.labelZh,
        labelEn: input.labelEn ?? before.labelEn,
        sortOrder: input.sortOrder ?? before.sortOrder,
        active: input.active ?? before.active,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(lookupValues.tenantId, tenantId), eq(lookupValues.list, ACCOUNT_TYPE_LIST), eq(lookupValues.key, key), eq(lookupValues.version, input.version)))
      .returning();
    if (!after) throw new AppError('version_conflict');
    await audit(tx, ctx.actor, { action: 'update', objectType: 'account_type', objectLabel: `${key} ${after.labelZh}`, changes: diff(before, after, audited) });
    return after;
  });
}
