import { and, eq, inArray, sql } from 'drizzle-orm';
import { audit, diff } from '../../platform/audit/audit.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { diffCustom } from '../custom-fields/index.ts';
import { assertCreditCodeFree } from '../accounts/account-checks.ts';
import { runAccountWriteHooks } from '../accounts/account-write-hooks.ts';
import { auditedAccountFields } from '../accounts/accounts.commands.ts';
import { accountDerivedColumns } from '../accounts/accounts.search-columns.ts';
import { accountFields, accountScope, readBackAccount, type AccountRecord } from '../accounts/accounts.queries.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { orgUnits, users } from '../org/org.schema.ts';
import { accountLinks, linkName } from './account-links.ts';
import { accountMerges, type MovedRow, type RemovedRow } from './account-merge.schema.ts';
import { handlingOf, moveLinkRows, type MergeStep } from './link-handling.ts';
import './link-handling.defaults.ts';
import { mergeFields, type FieldChoices } from './merge-fields.ts';

export interface MergeInput {
  survivor: { id: string; version: number };
  merged: { id: string; version: number }[];
  fields?: FieldChoices;
}

export interface MergeOutcome {
  mergeId: string | null;
  survivor: AccountRecord;
  /** "table.column" → rows moved to the survivor */
  moved: Record<string, number>;
  /** "table.column" → rows dropped as duplicates of the survivor's (contact links) */
  removed: Record<string, number>;
  sources: Record<string, string>;
}

/** The survivor's stored fields the merge may change: what undo puts back. */
export const imageFields = [...auditedAccountFields, 'custom'] as const;

class DryRun extends Error {
  constructor(readonly outcome: MergeOutcome) {
    super('dry run');
  }
}

/** Every account of the merge, in the caller's scope and locked, in one query: any id missing is a 404. */
async function lockAccounts(tx: Executor, ctx: Ctx, ids: string[]): Promise<Map<string, AccountRecord>> {
  const rows = await tx
    .select(accountFields)
    .from(accounts)
    .leftJoin(users, and(eq(users.tenantId, accounts.tenantId), eq(users.id, accounts.ownerId)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, accounts.tenantId), eq(orgUnits.id, accounts.unitId)))
    .where(and(accountScope(ctx.principal), inArray(accounts.id, ids)))
    .for('update', { of: accounts });
  if (rows.length !== ids.length) throw notFound();
  return new Map(rows.map((r) => [r.id, r]));
}

const countBy = (rows: { table: string; column?: string }[], column: (r: { table: string; column?: string }) => string) =>
  rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [column(r)]: (acc[column(r)] ?? 0) + 1 }), {});

/**
 * Merges accounts into a survivor in one transaction: every row pointing at a merged account moves
 * to the survivor (see account-links.ts), the survivor takes the chosen and united fields, the
 * merged accounts are soft-deleted pointing at it, and a merge record keeps what undo needs.
 * With `dryRun` the same work is done and rolled back: the preview is exactly what would happen.
 */
export async function mergeAccounts(ctx: Ctx, input: MergeInput, opts: { dryRun?: boolean } = {}): Promise<MergeOutcome> {
  const p = ctx.principal;
  const mergedIds = input.merged.map((m) => m.id);
  const ids = [input.survivor.id, ...mergedIds];
  if (new Set(ids).size !== ids.length) throw invalid('merged', 'an account may appear only once');
  try {
    return await ctx.db.transaction(async (tx) => {
      const locked = await lockAccounts(tx, ctx, ids);
      for (const { id, version } of [input.survivor, ...input.merged]) {
        if (locked.get(id)!.version !== version) throw new AppError('version_conflict', { id });
      }
      const before = locked.get(input.survivor.id)!;
      const merged = mergedIds.map((id) => locked.get(id)!);
      const plan = mergeFields(before, merged, input.fields);
      const now = new Date();

      // Merged accounts leave first: the survivor may take over one of their credit codes.
      await tx
        .update(accounts)
        .set({ deletedAt: now, deletedBy: p.userId, mergedIntoId: before.id, version: sql`${accounts.version} + 1` })
        .where(and(eq(accounts.tenantId, p.tenantId), inArray(accounts.id, mergedIds)));

      const step: MergeStep = { tenantId: p.tenantId, survivorId: before.id, mergedIds };
      const moved: MovedRow[] = [];
      const removed: RemovedRow[] = [];
      for (const link of accountLinks()) {
        const handling = handlingOf(link);
        if (!handling) throw new Error(`account merge: ${linkName(link)} points at accounts but has no merge handling (see account-merge/link-handling.defaults.ts)`);
        if (handling.kind === 'keep') continue;
        if (handling.kind === 'move') moved.push(...(await moveLinkRows(tx, step, link)));
        else {
          const outcome = await handling.merge(tx, step, link);
          moved.push(...outcome.moved);
          removed.push(...outcome.removed);
        }
      }

      const fields = { ...pick(before, auditedAccountFields), ...plan.values };
      if (fields.creditCode !== before.creditCode) await assertCreditCodeFree(tx, p.tenantId, fields.creditCode, before.id);
      const lastActivity = merged.map((m) => m.lastActivityAt).concat(before.lastActivityAt).filter((d): d is Date => !!d);
      await tx
        .update(accounts)
        .set({
          ...fields,
          custom: plan.custom,
          ...accountDerivedColumns(fields as Parameters<typeof accountDerivedColumns>[0]),
          lastActivityAt: lastActivity.length ? new Date(Math.max(...lastActivity.map((d) => d.getTime()))) : null,
          version: before.version + 1,
          updatedAt: now,
          updatedBy: p.userId,
        })
        .where(and(eq(accounts.tenantId, p.tenantId), eq(accounts.id, before.id)));
      const after = await readBackAccount(tx, p.tenantId, before.id);
      await runAccountWriteHooks(tx, ctx, before, after);

      const mergeId = newId();
      const movedCounts = countBy(moved, (r) => `${r.table}.${r.column}`);
      const removedCounts = countBy(removed, (r) => r.table);
      await tx.insert(accountMerges).values({
        tenantId: p.tenantId,
        id: mergeId,
        survivorId: before.id,
        mergedIds,
        survivorBefore: { ...pick(before, imageFields), version: before.version },
        survivorVersionAfter: after.version,
        mergedVersionsAfter: Object.fromEntries(merged.map((m) => [m.id, m.version + 1])),
        moved,
        removed,
        counts: movedCounts,
        createdAt: now,
        createdBy: p.userId,
      });
      await audit(tx, ctx.actor, [
        {
          action: 'merge', objectType: 'account', objectId: before.id, objectLabel: after.name,
          changes: { ...diff(before, after, auditedAccountFields), ...diffCustom(before.custom, after.custom) },
          context: { mergeId, mergedIds, mergedNames: merged.map((m) => m.name), moved: movedCounts, removed: removedCounts },
        },
        ...merged.map((m) => ({
          action: 'merge', objectType: 'account', objectId: m.id, objectLabel: m.name,
          changes: { mergedIntoId: [null, before.id] as [unknown, unknown] },
          context: { mergeId, survivorId: before.id, survivorName: after.name },
        })),
      ]);
      const outcome: MergeOutcome = { mergeId, survivor: after, moved: movedCounts, removed: removedCounts, sources: plan.sources };
      if (opts.dryRun) throw new DryRun({ ...outcome, mergeId: null });
      return outcome;
    });
  } catch (err) {
    if (err instanceof DryRun) return err.outcome;
    throw err;
  }
}

export function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
}
