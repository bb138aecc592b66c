import { and, eq, inArray, sql } from 'drizzle-orm';
import { accountContacts } from '../contacts/contacts.schema.ts';
import type { MovedRow, RemovedRow } from './account-merge.schema.ts';
import { registerLinkHandling, snapshotRows } from './link-handling.ts';

/**
 * Links that a row-by-row move would get wrong. Everything else pointing at an account is moved
 * generically (see account-links.ts); a test fails when a new link is neither safe to move nor listed here.
 */

registerLinkHandling('accounts.merged_into_id', { kind: 'keep', why: 'the merge pointer itself' });
registerLinkHandling('account_merges.survivor_id', { kind: 'keep', why: "the merge's own record" });
registerLinkHandling('dedup_keys.account_id', {
  kind: 'keep',
  why: "derived from the account's names and numbers: the survivor's keys are rebuilt from its merged fields, the merged account keeps its own",
});
registerLinkHandling('dedup_report_members.account_id', {
  kind: 'keep',
  why: 'a snapshot of a past duplicate report: the next run no longer lists the merged account (it is deleted)',
});
registerLinkHandling('pool_warnings.account_id', { kind: 'keep', why: "the merged account's own return warning; the survivor has its own" });

// A contact linked to both accounts keeps the survivor's link (its role) and loses the merged one;
// a merged account's primary contact stays primary only when the survivor had none.
registerLinkHandling('account_contacts.account_id', {
  kind: 'custom',
  why: 'one link per account and contact, one primary contact per account',
  merge: async (tx, step, link) => {
    const t = accountContacts;
    const rows = await tx
      .select({ accountId: t.accountId, contactId: t.contactId, isPrimary: t.isPrimary })
      .from(t)
      .where(and(eq(t.tenantId, step.tenantId), inArray(t.accountId, [step.survivorId, ...step.mergedIds])))
      .for('update');
    const linked = new Set(rows.filter((r) => r.accountId === step.survivorId).map((r) => r.contactId));
    let hasPrimary = rows.some((r) => r.accountId === step.survivorId && r.isPrimary);
    const moved: MovedRow[] = [];
    const removed: RemovedRow[] = [];
    for (const mergedId of step.mergedIds) {
      for (const r of rows.filter((x) => x.accountId === mergedId)) {
        const where = and(eq(t.tenantId, step.tenantId), eq(t.accountId, r.accountId), eq(t.contactId, r.contactId))!;
        if (linked.has(r.contactId)) {
          const [row] = await snapshotRows(tx, link, sql`t.tenant_id = ${step.tenantId} and t.account_id = ${r.accountId} and t.contact_id = ${r.contactId}`);
          removed.push({ table: link.tableName, row });
          await tx.delete(t).where(where);
          continue;
        }
        const keepPrimary = r.isPrimary && !hasPrimary;
        await tx.update(t).set({ accountId: step.survivorId, isPrimary: r.isPrimary && keepPrimary }).where(where);
        moved.push({
          table: link.tableName,
          column: link.column.name,
          key: { account_id: step.survivorId, contact_id: r.contactId },
          from: mergedId,
          ...(r.isPrimary && !keepPrimary ? { restore: { is_primary: true } } : {}),
        });
        linked.add(r.contactId);
        hasPrimary ||= keepPrimary;
      }
    }
    return { moved, removed };
  },
});
