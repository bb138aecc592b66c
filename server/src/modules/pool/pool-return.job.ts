import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Locale } from '../../platform/access/principal.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/engine.ts';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { notify } from '../notifications/notifier.ts';
import { users } from '../org/org.schema.ts';
import { rowsOf } from '../search/fenced-query.ts';
import { recordOwnerChanges } from './pool-history.ts';
import { poolHolderId } from './pool-holder.ts';
import { poolWarnings } from './pool.schema.ts';

const BATCH = 500;

/** In the owner's language, as every notification (see notifications.schema.ts). */
const warning: Record<Locale, (name: string, on: string, days: number) => { title: string; body: string }> = {
  'zh-CN': (name, on, days) => ({ title: `客户「${name}」将于 ${on} 退回公海`, body: `${days} 天无跟进的客户自动退回公海；记录一次跟进即可保留。` }),
  'en-US': (name, on, days) => ({ title: `${name} returns to the public pool on ${on}`, body: `Customers without a follow-up for ${days} days return to the pool; log one to keep it.` }),
};
const DAY = 86_400_000;

interface Stale {
  id: string;
  name: string;
  owner_id: string;
  unit_id: string;
  idle_days: number;
  warn_days: number;
  since: string | Date;
  /** warned since the clock last restarted (a follow-up or a new owner restarts it) */
  warned: boolean;
}

/**
 * Accounts of one tenant whose owner has gone quiet, with the rule that applies to their unit (the
 * unit's own rule or its nearest ancestor's, else the tenant default). The clock starts at the
 * latest of: creation, the last follow-up activity (accounts.last_activity_at) and the last change
 * of owner — a customer just claimed is not returned the next night. The "no won deal for E days"
 * rule is stored but not evaluated: there are no deals yet; it joins this query when they exist.
 */
function staleAccounts(db: Db, tenantId: string, holderId: string, now: Date, afterId: string) {
  return db.execute(sql`
    select s.*, coalesce(s.warned_at >= s.since, false) as warned from (
      select a.id, a.name, a.owner_id, a.unit_id, r.idle_days, r.warn_days,
        greatest(a.created_at, coalesce(a.last_activity_at, a.created_at),
          coalesce((select max(h.at) from account_owner_history h where h.tenant_id = a.tenant_id and h.account_id = a.id), a.created_at)) as since,
        (select w.warned_at from pool_warnings w where w.tenant_id = a.tenant_id and w.account_id = a.id and w.owner_id = a.owner_id) as warned_at
      from accounts a
      join org_units u on u.tenant_id = a.tenant_id and u.id = a.unit_id
      cross join lateral (
        select pr.idle_days, pr.warn_days from pool_rules pr
        left join org_units ru on ru.tenant_id = pr.tenant_id and ru.id = pr.unit_id
        where pr.tenant_id = a.tenant_id and (pr.unit_id is null or u.path like '%/' || pr.unit_id::text || '/%')
        order by ru.depth desc nulls last limit 1
      ) r
      where a.tenant_id = ${tenantId} and a.deleted_at is null and a.owner_id <> ${holderId} and a.id > ${afterId}
        and r.idle_days is not null
      order by a.id
      limit ${BATCH}
    ) s
    where s.since < ${now.toISOString()}::timestamptz - make_interval(days => greatest(s.idle_days - s.warn_days, 0))`);
}

/**
 * The nightly pass over one tenant: warns owners K days before the return (in-app notification,
 * once per idle spell) and returns customers idle for D days to their unit's pool, with history.
 */
export async function returnStaleAccounts(db: Db, tenantId: string, now = new Date()) {
  let warned = 0;
  let returned = 0;
  let afterId = '00000000-0000-0000-0000-000000000000';
  const holderId = await db.transaction((tx) => poolHolderId(tx, tenantId));
  for (;;) {
    // The batch is chosen by id but filtered afterwards: a page may be empty while later ones are not.
    const page = rowsOf<{ last_id: string | null }>(await db.execute(sql`
      select max(id::text) as last_id from (select id from accounts where tenant_id = ${tenantId} and id > ${afterId} order by id limit ${BATCH}) b`));
    const lastId = page[0]?.last_id;
    if (!lastId) break;
    const rows = rowsOf<Stale>(await staleAccounts(db, tenantId, holderId, now, afterId)).filter((r) => r.id <= lastId);
    afterId = lastId;
    const due = rows.filter((r) => new Date(r.since).getTime() + r.idle_days * DAY <= now.getTime());
    const toWarn = rows.filter((r) => !due.includes(r) && !r.warned && r.warn_days > 0);
    await db.transaction(async (tx) => {
      if (due.length) {
        const moved = await tx
          .update(accounts)
          .set({ ownerId: holderId, version: sql`${accounts.version} + 1`, updatedAt: now })
          // owner_id re-checked: an owner who reassigned the account tonight keeps the new owner
          .where(and(eq(accounts.tenantId, tenantId), inArray(accounts.id, due.map((r) => r.id)), sql`${accounts.ownerId} <> ${holderId}`))
          .returning({ id: accounts.id });
        const movedIds = new Set(moved.map((m) => m.id));
        const done = due.filter((r) => movedIds.has(r.id));
        await recordOwnerChanges(tx, tenantId, null, done.map((r) => ({
          accountId: r.id, fromOwnerId: r.owner_id, toOwnerId: holderId, fromUnitId: r.unit_id, toUnitId: r.unit_id,
          reason: 'returned_by_rule' as const, note: `${r.idle_days} days without follow-up`,
        })));
        await tx.delete(poolWarnings).where(and(eq(poolWarnings.tenantId, tenantId), inArray(poolWarnings.accountId, done.map((r) => r.id))));
        await audit(tx, { tenantId, context: { job: 'pool.return-stale' } }, done.map((r) => ({
          action: 'pool_return', objectType: 'account', objectId: r.id, objectLabel: r.name,
          changes: { ownerId: [r.owner_id, holderId] as [string, string] }, context: { idleDays: r.idle_days },
        })));
        returned += done.length;
      }
      for (const r of toWarn) {
        const returnsOn = new Date(new Date(r.since).getTime() + r.idle_days * DAY).toISOString().slice(0, 10);
        const [owner] = await tx.select({ locale: users.locale }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, r.owner_id)));
        await notify(tx, {
          tenantId, userId: r.owner_id, kind: 'pool_return_warning', ...warning[owner?.locale ?? 'zh-CN'](r.name, returnsOn, r.idle_days),
          link: { type: 'account', id: r.id },
        });
        await tx.insert(poolWarnings).values({ tenantId, accountId: r.id, ownerId: r.owner_id, warnedAt: now })
          .onConflictDoUpdate({ target: [poolWarnings.tenantId, poolWarnings.accountId], set: { ownerId: r.owner_id, warnedAt: now } });
      }
      warned += toWarn.length;
    });
  }
  return { warned, returned };
}

/** Every night at 02:00 Beijing time, for each tenant that has set an idle rule. */
export const poolReturnJob = defineJob<Record<string, never>>({
  name: 'pool.return-stale',
  retryLimit: 3,
  backoff: { delaySeconds: 300, exponential: true },
  timeoutSeconds: 60 * 60,
  schedule: { cron: '0 2 * * *', timezone: 'Asia/Shanghai', payload: {} },
  async handler(_payload, { database }) {
    const tenants = rowsOf<{ tenant_id: string }>(await database.db.execute(sql`
      select distinct tenant_id from pool_rules where idle_days is not null`));
    const results: Record<string, { warned: number; returned: number }> = {};
    for (const t of tenants) results[t.tenant_id] = await returnStaleAccounts(database.db, t.tenant_id);
    return results;
  },
});
