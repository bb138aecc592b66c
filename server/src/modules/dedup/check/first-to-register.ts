import { can } from '../../../platform/access/principal.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { registerAccountsCreatedHook, registerAccountWriteHook } from '../../accounts/account-write-hooks.ts';
import { insertDedupKeys, syncDedupKeys } from '../keys/dedup-keys.ts';
import { findHeldDuplicates } from './duplicate-check.ts';

/**
 * Keys follow every create and edit, in the same transaction. On create, "the first to register a
 * customer owns it" (the seeds' rule for credit): a likely duplicate held by someone else — a
 * colleague, another branch, the public pool — refuses the new record and names who holds it, so
 * the rep asks them or claims it from the pool. Whoever may reassign accounts (a manager) is
 * trusted to judge and may create it anyway. The same-credit-code case is refused earlier by
 * accounts (unique index).
 */
registerAccountWriteHook(async (tx, ctx, { before, after }) => {
  const p = ctx.principal;
  if (!before && !can(p, 'account', 'assign')) {
    const others = (await findHeldDuplicates(tx, p, after, after.id))
      .filter((d) => d.candidate.likelyDuplicate && d.ownerId !== p.userId)
      .map((d) => d.candidate);
    const first = others[0];
    if (first) {
      throw new AppError('duplicate_account', {
        ownerName: first.inPool ? '公海 / public pool' : first.ownerName, unitName: first.unitName, candidates: others,
      });
    }
  }
  if (!before || keyFieldsChanged(before, after)) await syncDedupKeys(tx, p.tenantId, after);
});

/** Accounts created in bulk (import, which applies its own duplicate policy first) get their keys in one go. */
registerAccountsCreatedHook((tx, ctx, created) => insertDedupKeys(tx, ctx.principal.tenantId, created));

const keyFields = ['name', 'shortName', 'englishName', 'formerNames', 'creditCode', 'phones', 'emails'] as const;
const keyFieldsChanged = (a: Record<(typeof keyFields)[number], unknown>, b: Record<(typeof keyFields)[number], unknown>) =>
  keyFields.some((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
