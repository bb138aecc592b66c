import { aliasedTable, and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/engine.ts';
import { accounts } from '../../accounts/accounts.schema.ts';
import { orgUnits, users } from '../../org/org.schema.ts';
import { findDuplicateGroups, type AccountRecord, type DuplicateReportOptions } from '../matcher/index.ts';

const PAGE = 5000;

/** Every live account of the tenant, read in keyset pages so no single query holds the table. */
async function* tenantAccounts(db: Executor, tenantId: string): AsyncGenerator<AccountRecord[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await db
      .select({
        id: accounts.id, name: accounts.name, shortName: accounts.shortName, englishName: accounts.englishName,
        formerNames: accounts.formerNames, creditCode: accounts.creditCode, phones: accounts.phones, emails: accounts.emails,
      })
      .from(accounts)
      .where(and(eq(accounts.tenantId, tenantId), isNull(accounts.deletedAt), gt(accounts.id, after)))
      .orderBy(asc(accounts.id))
      .limit(PAGE);
    if (!page.length) return;
    yield page;
    after = page.at(-1)!.id;
  }
}

/**
 * Groups of likely duplicates across the whole tenant, for administrators (who see every account).
 * The matcher blocks and compares in memory; accounts are streamed in pages.
 */
export async function duplicateReport(db: Executor, tenantId: string, options: DuplicateReportOptions & { limit?: number } = {}) {
  const started = performance.now();
  const all: AccountRecord[] = [];
  for await (const page of tenantAccounts(db, tenantId)) all.push(...page);
  const loaded = performance.now();
  const report = findDuplicateGroups(all, options);
  const groups = report.groups.slice(0, options.limit ?? 500);
  const ids = [...new Set(groups.flatMap((g) => g.ids))];
  const owner = aliasedTable(users, 'owner');
  const info = new Map<string, { id: string; name: string; ownerName: string | null; unitName: string | null }>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .select({ id: accounts.id, name: accounts.name, ownerName: owner.name, unitName: orgUnits.name })
      .from(accounts)
      .leftJoin(owner, and(eq(owner.tenantId, accounts.tenantId), eq(owner.id, accounts.ownerId)))
      .leftJoin(orgUnits, and(eq(orgUnits.tenantId, accounts.tenantId), eq(orgUnits.id, accounts.unitId)))
      .where(and(eq(accounts.tenantId, tenantId), inArray(accounts.id, ids.slice(i, i + 1000))));
    for (const r of rows) info.set(r.id, r);
  }
  return {
    groups: groups.map((g) => ({
      score: Math.round(g.score * 1000) / 1000,
      accounts: g.ids.map((id) => info.get(id)).filter((a) => a !== undefined),
      links: g.links.map((l) => ({ a: l.a, b: l.b, score: Math.round(l.score * 1000) / 1000, reasons: l.reasons })),
    })),
    totalGroups: report.groups.length,
    stats: { accounts: report.stats.accounts, comparisons: report.stats.comparisons, loadMs: Math.round(loaded - started), matchMs: Math.round(report.stats.ms.total) },
  };
}
