import { and, eq, inArray } from 'drizzle-orm';
import { audit, diff } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { diffCustom } from '../custom-fields/index.ts';
import { assertCreditCodeFree } from '../accounts/account-checks.ts';
import { runAccountWriteHooks } from '../accounts/account-write-hooks.ts';
import { auditedAccountFields } from '../accounts/accounts.commands.ts';
import { accountDerivedColumns } from '../accounts/accounts.search-columns.ts';
import { accountScope, readBackAccount } from '../accounts/accounts.queries.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { accountLinks, linkName, type AccountLink } from './account-links.ts';
import { accountMerges, type MovedRow, type RemovedRow } from './account-merge.schema.ts';
import { moveRowsBack, reinsertRows, restoreColumns } from './link-handling.ts';
import { imageFields } from './mergeAccounts.ts';

/**
 * How long a merge can be undone. Past that, people have worked on the survivor for weeks and
 * splitting it again is a manual clean-up, not an undo.
 */
export const UNDO_DAYS = 30;

export const undoDeadline = (createdAt: Date) => new Date(createdAt.getTime() + UNDO_DAYS * 86_400_000);

const stale = (what: string) => new AppError('merge_undo_stale', { what });

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return groups;
}

/**
 * Reverses a merge exactly, in one transaction: the survivor gets its previous fields back, the
 * merged accounts return, and the rows the merge moved (only those) go back where they were.
 * Refused (409, nothing changed) when the survivor or a merged account was changed after the
 * merge, or a moved row was deleted or moved again: undoing then would lose someone's work.
 */
export async function undoMerge(ctx: Ctx, mergeId: string): Promise<void> {
  const p = ctx.principal;
  await ctx.db.transaction(async (tx) => {
    const [merge] = await tx
      .select()
      .from(accountMerges)
      .where(and(eq(accountMerges.tenantId, p.tenantId), eq(accountMerges.id, mergeId)))
      .for('update');
    if (!merge) throw notFound();
    const ids = [merge.survivorId, ...merge.mergedIds];
    const rows = await tx
      .select({ id: accounts.id, version: accounts.version, deletedAt: accounts.deletedAt, mergedIntoId: accounts.mergedIntoId, name: accounts.name, creditCode: accounts.creditCode })
      .from(accounts)
      .where(and(accountScope(p, { includeDeleted: true }), inArray(accounts.id, ids)))
      .for('update');
    if (rows.length !== ids.length) throw notFound();
    if (merge.undoneAt) throw new AppError('merge_already_undone');
    if (Date.now() > undoDeadline(merge.createdAt).getTime()) throw new AppError('merge_undo_expired', { days: UNDO_DAYS });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const survivor = byId.get(merge.survivorId)!;
    if (survivor.deletedAt || survivor.version !== merge.survivorVersionAfter) throw stale(survivor.name);
    for (const id of merge.mergedIds) {
      const m = byId.get(id)!;
      if (!m.deletedAt || m.mergedIntoId !== merge.survivorId || m.version !== merge.mergedVersionsAfter[id]) throw stale(m.name);
    }

    // The survivor first: it gives back any credit code it took over from a merged account.
    const before = await readBackAccount(tx, p.tenantId, merge.survivorId);
    const image = merge.survivorBefore as Record<string, unknown>;
    const fields = Object.fromEntries(imageFields.map((k) => [k, image[k]])) as Record<(typeof imageFields)[number], never>;
    const now = new Date();
    await tx
      .update(accounts)
      .set({ ...fields, ...accountDerivedColumns(fields), version: survivor.version + 1, updatedAt: now, updatedBy: p.userId })
      .where(and(eq(accounts.tenantId, p.tenantId), eq(accounts.id, merge.survivorId)));
    for (const id of merge.mergedIds) {
      const m = byId.get(id)!;
      await assertCreditCodeFree(tx, p.tenantId, m.creditCode, id);
      await tx
        .update(accounts)
        .set({ deletedAt: null, deletedBy: null, mergedIntoId: null, version: m.version + 1, updatedAt: now, updatedBy: p.userId })
        .where(and(eq(accounts.tenantId, p.tenantId), eq(accounts.id, id)));
    }

    const links = new Map(accountLinks().map((l) => [linkName(l), l]));
    const linkFor = (name: string): AccountLink => {
      const link = links.get(name);
      if (!link) throw stale(name);
      return link;
    };
    for (const [name, moved] of groupBy<MovedRow>(merge.moved, (r) => `${r.table}.${r.column}`)) {
      const link = linkFor(name);
      const back = await moveRowsBack(tx, p.tenantId, merge.survivorId, link, moved);
      if (back !== moved.length) throw stale(`${link.tableName}: ${moved.length - back}`);
      for (const r of moved) await restoreColumns(tx, p.tenantId, link, r);
    }
    for (const [table, removed] of groupBy<RemovedRow>(merge.removed, (r) => r.table)) {
      const link = [...links.values()].find((l) => l.tableName === table);
      if (!link) throw stale(table);
      const back = await reinsertRows(tx, link, removed);
      if (back !== removed.length) throw stale(`${table}: ${removed.length - back}`);
    }

    const after = await readBackAccount(tx, p.tenantId, merge.survivorId);
    await runAccountWriteHooks(tx, ctx, before, after);
    await tx
      .update(accountMerges)
      .set({ undoneAt: now, undoneBy: p.userId })
      .where(and(eq(accountMerges.tenantId, p.tenantId), eq(accountMerges.id, mergeId)));
    await audit(tx, ctx.actor, [
      {
        action: 'unmerge', objectType: 'account', objectId: after.id, objectLabel: after.name,
        changes: { ...diff(before, after, auditedAccountFields), ...diffCustom(before.custom, after.custom) },
        context: { mergeId, mergedIds: merge.mergedIds },
      },
      ...merge.mergedIds.map((id) => ({
        action: 'unmerge', objectType: 'account', objectId: id, objectLabel: byId.get(id)!.name,
        changes: { mergedIntoId: [merge.survivorId, null] as [unknown, unknown] },
        context: { mergeId, survivorId: merge.survivorId },
      })),
    ]);
  });
}
