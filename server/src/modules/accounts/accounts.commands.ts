import { and, eq } from 'drizzle-orm';
import { can } from '../../platform/access/principal.ts';
import { audit, diff } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { diffCustom, validateCustom } from '../custom-fields/index.ts';
import { assertAccountType, assertCreditCodeFree } from './account-checks.ts';
import { runAccountWriteHooks } from './account-write-hooks.ts';
import { accountDerivedColumns } from './accounts.search-columns.ts';
import { findAccount, getAccount, readBackAccount, type AccountRecord } from './accounts.queries.ts';
import { accounts } from './accounts.schema.ts';
import type { CreateAccountInput, UpdateAccountInput } from './accounts.types.ts';
import { resolveOwnership } from './ownership.ts';

/** What the audit log records of an account; derived columns (search, sort key) are left out. */
export const auditedAccountFields = [
  'kind', 'name', 'shortName', 'englishName', 'formerNames', 'creditCode', 'provinceCode', 'cityCode', 'districtCode',
  'address', 'phones', 'emails', 'website', 'industry', 'type', 'tier', 'source', 'tags', 'creditLimit', 'ownerId', 'unitId',
] as const;

type StoredFields = Pick<AccountRecord, (typeof auditedAccountFields)[number]>;

export async function createAccount(ctx: Ctx, input: CreateAccountInput): Promise<AccountRecord> {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const owner = await resolveOwnership(tx, p, 'account', { ownerId: input.ownerId, unitId: input.unitId });
    await assertAccountType(tx, p.tenantId, input.type);
    await assertCreditCodeFree(tx, p.tenantId, input.creditCode);
    // Defaults filled in, required fields enforced, values canonical; 400 naming custom.<key> otherwise.
    const custom = await validateCustom(tx, p.tenantId, 'account', input.custom, { mode: 'create' });
    const fields: StoredFields = {
      kind: input.kind ?? 'company',
      name: input.name,
      shortName: input.shortName ?? null,
      englishName: input.englishName ?? null,
      formerNames: input.formerNames ?? [],
      creditCode: input.creditCode ?? null,
      provinceCode: input.provinceCode ?? null,
      cityCode: input.cityCode ?? null,
      districtCode: input.districtCode ?? null,
      address: input.address ?? null,
      phones: input.phones ?? [],
      emails: input.emails ?? [],
      website: input.website ?? null,
      industry: input.industry ?? null,
      type: input.type ?? null,
      tier: input.tier ?? null,
      source: input.source ?? null,
      tags: input.tags ?? [],
      creditLimit: input.creditLimit ?? null,
      ...owner,
    };
    const id = newId();
    await tx.insert(accounts).values({
      tenantId: p.tenantId,
      id,
      ...fields,
      custom,
      ...accountDerivedColumns(fields),
      createdBy: p.userId,
      updatedBy: p.userId,
    });
    const account = await readBackAccount(tx, p.tenantId, id);
    await runAccountWriteHooks(tx, ctx, null, account);
    await audit(tx, ctx.actor, {
      action: 'create', objectType: 'account', objectId: id, objectLabel: account.name,
      changes: { ...diff(null, account, auditedAccountFields), ...diffCustom(null, account.custom) },
    });
    return account;
  });
}

/** Absent fields stay as they were; null clears. */
const merged = <K extends keyof StoredFields>(input: UpdateAccountInput, before: StoredFields, key: K): StoredFields[K] =>
  (input[key as keyof UpdateAccountInput] === undefined ? before[key] : input[key as keyof UpdateAccountInput]) as StoredFields[K];

export async function updateAccount(ctx: Ctx, id: string, input: UpdateAccountInput): Promise<AccountRecord> {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const before = await getAccount(tx, p, id);
    if (before.version !== input.version) throw new AppError('version_conflict');
    const fields = Object.fromEntries(auditedAccountFields.map((k) => [k, merged(input, before, k)])) as unknown as StoredFields;
    if (fields.ownerId !== before.ownerId || fields.unitId !== before.unitId) {
      // Handing a customer to someone else is the "assign" right, not an ordinary edit.
      if (fields.ownerId !== before.ownerId && !can(p, 'account', 'assign')) throw forbidden();
      Object.assign(fields, await resolveOwnership(tx, p, 'account', { ownerId: input.ownerId, unitId: input.unitId }, before));
    }
    if (fields.type !== before.type) await assertAccountType(tx, p.tenantId, fields.type);
    if (fields.creditCode !== before.creditCode) await assertCreditCodeFree(tx, p.tenantId, fields.creditCode, id);
    // `custom` is a patch: absent keys keep their values, null clears one.
    const custom = input.custom === undefined
      ? before.custom
      : await validateCustom(tx, p.tenantId, 'account', input.custom, { mode: 'update', existing: before.custom, recordId: id });
    const [row] = await tx
      .update(accounts)
      .set({ ...fields, custom, ...accountDerivedColumns(fields), version: before.version + 1, updatedAt: new Date(), updatedBy: p.userId })
      .where(and(eq(accounts.tenantId, p.tenantId), eq(accounts.id, id), eq(accounts.version, input.version)))
      .returning({ id: accounts.id });
    if (!row) throw new AppError('version_conflict');
    const after = await readBackAccount(tx, p.tenantId, id);
    await runAccountWriteHooks(tx, ctx, before, after);
    await audit(tx, ctx.actor, {
      action: 'update', objectType: 'account', objectId: id, objectLabel: after.name,
      changes: { ...diff(before, after, auditedAccountFields), ...diffCustom(before.custom, after.custom) },
    });
    return after;
  });
}

export async function deleteAccount(ctx: Ctx, id: string): Promise<void> {
  const { principal: p } = ctx;
  await ctx.db.transaction(async (tx) => {
    const account = await getAccount(tx, p, id);
    await tx
      .update(accounts)
      .set({ deletedAt: new Date(), deletedBy: p.userId, version: account.version + 1 })
      .where(and(eq(accounts.tenantId, p.tenantId), eq(accounts.id, id)));
    await audit(tx, ctx.actor, { action: 'delete', objectType: 'account', objectId: id, objectLabel: account.name });
  });
}

export async function restoreAccount(ctx: Ctx, id: string): Promise<void> {
  const { principal: p } = ctx;
  await ctx.db.transaction(async (tx) => {
    const account = await findAccount(tx, p, id, { includeDeleted: true });
    // A merged account comes back only by undoing its merge (modules/account-merge).
    if (!account?.deletedAt || account.mergedIntoId) throw notFound();
    // Someone may have entered the company again while this one was in the recycle bin.
    await assertCreditCodeFree(tx, p.tenantId, account.creditCode, id);
    await tx
      .update(accounts)
      .set({ deletedAt: null, deletedBy: null, version: account.version + 1, updatedAt: new Date(), updatedBy: p.userId })
      .where(and(eq(accounts.tenantId, p.tenantId), eq(accounts.id, id)));
    await audit(tx, ctx.actor, { action: 'restore', objectType: 'account', objectId: id, objectLabel: account.name });
  });
}
