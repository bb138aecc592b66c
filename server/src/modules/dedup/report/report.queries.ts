import { aliasedTable, and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Principal } from '../../../platform/access/principal.ts';
import { scopeWhere } from '../../../platform/access/scope.ts';
import type { Executor } from '../../../platform/db/engine.ts';
import { accounts } from '../../accounts/accounts.schema.ts';
import { orgUnits, users } from '../../org/org.schema.ts';
import { dedupReportGroups, dedupReportMembers, dedupReportRuns, type StoredLink } from './report.schema.ts';

export type ReportSort = 'score' | 'size';

export interface ReportGroupView {
  groupNo: number;
  score: number;
  size: number;
  accounts: { id: string; name: string; ownerName: string | null; unitName: string | null }[];
  links: StoredLink[];
}

/** The tenant's latest finished run and the queued or running one, if any. */
export async function reportRuns(db: Executor, tenantId: string) {
  const runs = await db.select().from(dedupReportRuns).where(eq(dedupReportRuns.tenantId, tenantId)).orderBy(desc(dedupReportRuns.createdAt)).limit(20);
  return {
    latest: runs.find((r) => r.state === 'done'),
    active: runs.find((r) => r.state === 'queued' || r.state === 'running'),
    failed: runs.find((r) => r.state === 'failed' && !runs.some((d) => d.state === 'done' && d.createdAt > r.createdAt)),
  };
}

/**
 * A page of a run's groups as the viewer may see them: a member outside their data scope (or
 * deleted or merged since the run) is left out, and a group with fewer than two members left is
 * not a group for them. The filter is SQL, so paging and the total agree with what is shown.
 */
export async function reportGroups(
  db: Executor, p: Principal, runId: string, page: { offset: number; limit: number; sort: ReportSort },
): Promise<{ total: number; groups: ReportGroupView[] }> {
  const visibleMembers = (groupNo: SQL | typeof dedupReportGroups.groupNo) => sql`(
    select count(*) from ${dedupReportMembers} m
    join ${accounts} on ${accounts.tenantId} = m.tenant_id and ${accounts.id} = m.account_id
    where m.tenant_id = ${p.tenantId} and m.run_id = ${runId} and m.group_no = ${groupNo}
      and ${scopeWhere(p, 'account', accounts)})`;
  const where = and(eq(dedupReportGroups.tenantId, p.tenantId), eq(dedupReportGroups.runId, runId), sql`${visibleMembers(dedupReportGroups.groupNo)} >= 2`);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(dedupReportGroups).where(where);
  const order = page.sort === 'size'
    ? [desc(dedupReportGroups.size), desc(dedupReportGroups.score), dedupReportGroups.groupNo]
    : [desc(dedupReportGroups.score), desc(dedupReportGroups.size), dedupReportGroups.groupNo];
  const rows = await db.select().from(dedupReportGroups).where(where).orderBy(...order).offset(page.offset).limit(page.limit);
  if (!rows.length) return { total, groups: [] };

  const owner = aliasedTable(users, 'owner');
  const members = await db
    .select({ groupNo: dedupReportMembers.groupNo, id: accounts.id, name: accounts.name, ownerName: owner.name, unitName: orgUnits.name })
    .from(dedupReportMembers)
    .innerJoin(accounts, and(eq(accounts.tenantId, dedupReportMembers.tenantId), eq(accounts.id, dedupReportMembers.accountId)))
    .leftJoin(owner, and(eq(owner.tenantId, accounts.tenantId), eq(owner.id, accounts.ownerId)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, accounts.tenantId), eq(orgUnits.id, accounts.unitId)))
    .where(and(
      eq(dedupReportMembers.tenantId, p.tenantId), eq(dedupReportMembers.runId, runId),
      inArray(dedupReportMembers.groupNo, rows.map((r) => r.groupNo)), scopeWhere(p, 'account', accounts),
    ))
    .orderBy(accounts.name, accounts.id);
  const byGroup = new Map<number, ReportGroupView['accounts']>();
  for (const { groupNo, ...account } of members) {
    const list = byGroup.get(groupNo) ?? [];
    list.push(account);
    byGroup.set(groupNo, list);
  }
  return {
    total,
    groups: rows.map((r) => {
      const shown = byGroup.get(r.groupNo) ?? [];
      const ids = new Set(shown.map((a) => a.id));
      const links = r.links.filter((l) => ids.has(l.a) && ids.has(l.b));
      return { groupNo: r.groupNo, score: Math.round((links[0]?.score ?? r.score) * 1000) / 1000, size: shown.length, accounts: shown, links };
    }),
  };
}
