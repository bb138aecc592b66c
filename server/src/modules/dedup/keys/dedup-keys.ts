import { and, eq, sql } from 'drizzle-orm';
import { copyRows } from '../../../platform/db/copy-rows.ts';
import type { Executor } from '../../../platform/db/engine.ts';
import { rowsOf } from '../../search/fenced-query.ts';
import { blockingKeys, prepareAccount, type AccountRecord } from '../matcher/index.ts';
import { dedupKeys } from './dedup-keys.schema.ts';

export const keysOf = (account: AccountRecord): string[] => blockingKeys(prepareAccount(account));

/** Replaces an account's keys; call it in the transaction that writes the account. */
export async function syncDedupKeys(db: Executor, tenantId: string, account: AccountRecord): Promise<void> {
  await removeDedupKeys(db, tenantId, account.id);
  const keys = keysOf(account);
  if (keys.length) await db.insert(dedupKeys).values(keys.map((key) => ({ tenantId, key, accountId: account.id }))).onConflictDoNothing();
}

/** Keys of accounts that have none yet (just created), with COPY: an import writes ~6 per account. */
export async function insertDedupKeys(db: Executor, tenantId: string, created: AccountRecord[]): Promise<void> {
  const rows = created.flatMap((a) => [...new Set(keysOf(a))].map((key) => ({ tenantId, key, accountId: a.id })));
  await copyRows(db, dedupKeys, rows);
}

/** A deleted (or merged) account is no longer anyone's duplicate. */
export async function removeDedupKeys(db: Executor, tenantId: string, accountId: string): Promise<void> {
  await db.delete(dedupKeys).where(and(eq(dedupKeys.tenantId, tenantId), eq(dedupKeys.accountId, accountId)));
}

const BATCH = 1000;

/**
 * Keys for live accounts that have none: accounts written before this module, or by an import that
 * bypassed the hook. Idempotent; the nightly job and tests call it.
 */
export async function backfillDedupKeys(db: Executor, tenantId?: string): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = rowsOf<{ tenant_id: string; id: string; name: string; short_name: string | null; english_name: string | null; former_names: string[]; credit_code: string | null; phones: string[]; emails: string[] }>(
      await db.execute(sql`
        select a.tenant_id, a.id, a.name, a.short_name, a.english_name, a.former_names, a.credit_code, a.phones, a.emails
        from accounts a
        where a.deleted_at is null ${tenantId ? sql`and a.tenant_id = ${tenantId}` : sql``}
          and not exists (select 1 from dedup_keys k where k.tenant_id = a.tenant_id and k.account_id = a.id)
        limit ${BATCH}`),
    );
    if (!rows.length) return filled;
    const values = rows.flatMap((r) => keysOf({
      id: r.id, name: r.name, shortName: r.short_name, englishName: r.english_name, formerNames: r.former_names,
      creditCode: r.credit_code, phones: r.phones, emails: r.emails,
    }).map((key) => ({ tenantId: r.tenant_id, key, accountId: r.id })));
    for (let i = 0; i < values.length; i += 5000) await db.insert(dedupKeys).values(values.slice(i, i + 5000)).onConflictDoNothing();
    filled += rows.length;
    // An account whose names yield no key at all would be picked up forever.
    if (values.length === 0) return filled;
  }
}
