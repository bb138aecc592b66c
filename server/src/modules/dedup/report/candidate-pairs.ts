import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/engine.ts';
import { rowsOf } from '../../search/fenced-query.ts';
import { isRegisteredName, prepareAccount } from '../matcher/index.ts';

/** Blocks up to this size are paired in full; larger ones (a switchboard, a 中国… prefix) by sorted neighbourhood. */
export const MAX_BLOCK_SIZE = 200;
/** Neighbours each account is paired with inside an oversized block, in name order. */
export const WINDOW = 20;

/**
 * Names that end in a registered legal form written out (…公司, not …分公司 whose parent may be a
 * short form): the matcher always reads them as registered names, so they need not be parsed to
 * know it. The test in report.test.ts holds this against generated names.
 */
export const REGISTERED_SUFFIX = '公司\\s*$';
const BRANCH_SUFFIX = '分公司\\s*$';

/**
 * Live accounts named by a short form (万科, 火炬润滑油, 力星股份) rather than a registered full name.
 * Short-form keys (a:, b:, see matcher/blocking.ts) pair accounts only when one of the two is such an
 * account. Only names SQL cannot rule out are parsed, a few percent of a typical tenant.
 */
export async function shortFormAccounts(db: Executor, tenantId: string): Promise<{ accounts: number; shortForm: string[]; parsed: number }> {
  const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from accounts where tenant_id = ${tenantId} and deleted_at is null`));
  const rows = await unparsedNames(db, tenantId);
  const shortForm = rows.filter((r) => !isRegisteredName(prepareAccount(r))).map((r) => r.id);
  return { accounts: n, shortForm, parsed: rows.length };
}

/** Live accounts whose name SQL cannot tell is registered: the only ones parsed. */
export async function unparsedNames(db: Executor, tenantId: string): Promise<{ id: string; name: string }[]> {
  return rowsOf<{ id: string; name: string }>(await db.execute(sql`
    select id, name from accounts
    where tenant_id = ${tenantId} and deleted_at is null and (name !~ ${REGISTERED_SUFFIX} or name ~ ${BRANCH_SUFFIX})`));
}

export interface CandidatePair {
  a: string;
  b: string;
  /** every key the two share is a short-form key: score only if a short form of one can be the other */
  shortOnly: boolean;
}

/**
 * Pairs of accounts worth scoring, blocked in SQL over `dedup_keys`: accounts sharing a key, each
 * pair once (a < b). Ordinary keys pair every two members of a block of up to MAX_BLOCK_SIZE;
 * short-form keys only pairs with a short-form account; an oversized block pairs each member with
 * its WINDOW next members in name order, so no key makes the work quadratic. Keys of deleted
 * accounts may linger (soft delete keeps them for a restore): the caller drops pairs whose accounts
 * are not live.
 */
export async function candidatePairs(db: Executor, tenantId: string, shortForm: string[]): Promise<CandidatePair[]> {
  const rows = await db.transaction(async (tx) => {
    // One statement that scans every key of the tenant: no JIT (seconds of compiling for nothing
    // at this size) and enough memory to sort the keys without spilling.
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '256MB'`);
    return rowsOf<{ a: string; b: string; s: boolean }>(await tx.execute(candidatePairsQuery(tenantId, shortForm)));
  });
  return rows.map((r) => ({ a: r.a, b: r.b, shortOnly: r.s }));
}

/** The statement of candidatePairs (bench/dedup-report.ts explains it). */
export function candidatePairsQuery(tenantId: string, shortForm: string[]): SQL {
  return sql`
    with short_form as (
      select distinct unnest(string_to_array(${shortForm.join(',')}, ',')::uuid[]) as id
    ),
    sized as (
      select key, account_id, count(*) over (partition by key) as n
      from dedup_keys where tenant_id = ${tenantId}
    ),
    members as materialized (
      select k.key, k.account_id, (k.key like 'a:%' or k.key like 'b:%') as short_key, (u.id is not null) as short_form, k.n
      from sized k left join short_form u on u.id = k.account_id
      where k.n >= 2
    ),
    plain as (
      select m1.account_id as a, m2.account_id as b, false as s
      from members m1 join members m2 on m2.key = m1.key and m2.account_id > m1.account_id
      where m1.n <= ${MAX_BLOCK_SIZE} and not m1.short_key
    ),
    short as (
      select least(m1.account_id, m2.account_id) as a, greatest(m1.account_id, m2.account_id) as b, true as s
      from members m1 join members m2 on m2.key = m1.key and m2.account_id <> m1.account_id
      where m1.n <= ${MAX_BLOCK_SIZE} and m1.short_key and m1.short_form
    ),
    ranked as materialized (
      select m.key, m.account_id, m.short_key, m.short_form,
             row_number() over (partition by m.key order by a.name, m.account_id) as rn
      from members m join accounts a on a.tenant_id = ${tenantId} and a.id = m.account_id
      where m.n > ${MAX_BLOCK_SIZE}
    ),
    windowed as (
      -- each member and its WINDOW successors, found by equality on (key, rn) so a large block costs n · WINDOW, not n²
      select least(r1.account_id, r2.account_id) as a, greatest(r1.account_id, r2.account_id) as b, r1.short_key as s
      from ranked r1
      cross join generate_series(1, ${WINDOW}) as d(step)
      join ranked r2 on r2.key = r1.key and r2.rn = r1.rn + d.step
      where not r1.short_key or r1.short_form or r2.short_form
    )
    select a, b, bool_and(s) as s
    from (select * from plain union all select * from short union all select * from windowed) p
    group by a, b`;
}
