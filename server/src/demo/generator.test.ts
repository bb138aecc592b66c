import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/database.ts';
import { signIn } from '../../test/factories.ts';
import { verifyPassword } from '../platform/auth/passwords.ts';
import type { Database, Executor } from '../platform/db/engine.ts';
import { orgUnits, roles, userRoles, users } from '../modules/org/org.schema.ts';
import { tenants } from '../platform/tenancy/tenant.table.ts';
import { createApp } from '../server.ts';
import { demoKey, generateCompany, hasTenant, type DemoPart } from './generator.ts';
import { demoParts } from './parts/index.ts';
import { orgPart } from './parts/org.ts';
import { customersKey, type DemoCustomers } from './parts/customers.ts';
import { creditCodeProblem } from '../modules/accounts/credit-code.ts';
import { poolHolders } from '../modules/pool/pool.schema.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const now = new Date('2025-06-30T08:00:00Z');
const chinese = /^[\u4e00-\u9fff]{2,4}$/;

/** Everything the generator decided, read back from the database, without ids. */
async function snapshot(db: Executor, tenantId: string) {
  const units = await db.select().from(orgUnits).where(eq(orgUnits.tenantId, tenantId));
  const byId = new Map(units.map((u) => [u.id, u]));
  const pathOf = (id: string): string => {
    const u = byId.get(id)!;
    return u.parentId ? `${pathOf(u.parentId)}/${u.name}` : u.name;
  };
  const people = await db
    .select({ user: users, role: roles.key })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.tenantId, users.tenantId), eq(userRoles.userId, users.id)))
    .innerJoin(roles, and(eq(roles.tenantId, userRoles.tenantId), eq(roles.id, userRoles.roleId)))
    .where(eq(users.tenantId, tenantId))
    .orderBy(asc(users.login));
  return {
    units: units.map((u) => ({ path: pathOf(u.id), kind: u.kind, code: u.code, depth: u.depth, sortOrder: u.sortOrder, createdAt: u.createdAt.toISOString() })).sort((a, b) => a.path.localeCompare(b.path)),
    users: people.map(({ user: u, role }) => ({
      login: u.login, name: u.name, title: u.title, email: u.email, phone: u.phone, unit: pathOf(u.unitId), role,
      createdAt: u.createdAt.toISOString(), lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    })),
    hashes: new Set(people.map((p) => p.user.passwordHash)),
  };
}

describe('demo generator', () => {
  let demo: Awaited<ReturnType<typeof generateCompany>>;
  let demoSnapshot: Awaited<ReturnType<typeof snapshot>>;
  beforeAll(async () => {
    expect(await hasTenant(database.db)).toBe(false);
    demo = await generateCompany(database, { profile: 'demo', seed: 'alpha', now, accounts: 60, tenant: { slug: 'demo-a', name: 'A' } });
    demoSnapshot = await snapshot(database.db, demo.tenantId);
  });

  it('writes the promised demo company: head office, six branches of 2-3 departments, 30 people in every role', async () => {
    expect(await hasTenant(database.db)).toBe(true);
    const { units, users: people } = demoSnapshot;
    expect(units.filter((u) => u.kind === 'head_office').map((u) => u.path)).toEqual(['总部']);
    const branches = units.filter((u) => u.kind === 'branch');
    expect(branches.map((b) => b.path).sort()).toEqual(
      ['上海分公司', '北京分公司', '广州分公司', '青岛分公司', '成都分公司', '宁波分公司'].map((b) => `总部/${b}`).sort(),
    );
    for (const branch of branches) {
      const departments = units.filter((u) => u.kind === 'department' && u.path.startsWith(`${branch.path}/`)).map((u) => u.path.split('/').pop());
      expect(departments.length).toBeGreaterThanOrEqual(2);
      expect(departments.length).toBeLessThanOrEqual(3);
      expect(departments).toContain('销售一部');
      for (const d of departments) expect(['销售一部', '销售二部', '合同执行部', '客服部']).toContain(d);
    }
    expect(units.filter((u) => u.kind === 'department' && u.depth === 1).length).toBeGreaterThanOrEqual(3);

    expect(people).toHaveLength(30);
    const count = (role: string) => people.filter((p) => p.role === role).length;
    expect(count('admin')).toBeGreaterThanOrEqual(1);
    expect(count('head_office')).toBeGreaterThanOrEqual(1);
    expect(count('branch_manager')).toBe(6);
    expect(count('sales_rep')).toBeGreaterThanOrEqual(6);
    expect(count('order_execution')).toBeGreaterThanOrEqual(1);
    expect(count('service')).toBeGreaterThanOrEqual(1);
    // every user holds exactly one role (the join would repeat a login otherwise)
    expect(new Set(people.map((p) => p.login)).size).toBe(30);
    expect(people.find((p) => p.login === 'admin')?.role).toBe('admin');
    for (const p of people) {
      expect(p.name).toMatch(chinese);
      expect(p.login).toMatch(/^[a-z]+[0-9]*$/);
      expect(p.phone).toMatch(/^1[3-9]\d{9}$/);
      if (p.role === 'branch_manager') expect(p.unit).toMatch(/^总部\/[^/]+分公司$/);
      if (p.role === 'sales_rep') expect(p.unit).toMatch(/^总部\/[^/]+分公司\/销售[一二]部$/);
    }
    // In the org the generator hands to later parts as well.
    expect(demo.org.users).toHaveLength(30);
    expect(demo.org.byRole.branch_manager.map((u) => u.branchId).sort()).toEqual(demo.org.branches.map((b) => b.id).sort());
  });

  it('gives every user the one random demo password, hashed once', async () => {
    expect(demoSnapshot.hashes.size).toBe(1);
    const [hash] = [...demoSnapshot.hashes];
    expect(await verifyPassword(hash, demo.password)).toBe(true);
    const other = await generateCompany(database, { profile: 'demo', seed: 'alpha', now, accounts: 0, tenant: { slug: 'demo-pw', name: 'PW' } });
    expect(other.password).not.toBe(demo.password);

    const app = await createApp(database, { secureCookies: false, logLevel: 'error' }, { web: false });
    try {
      const manager = demo.org.byRole.branch_manager[0];
      const client = await signIn(app, manager.login, 'demo-a', demo.password);
      const page = await client.get('/api/v1/users?limit=100');
      expect(page.status).toBe(200);
      // a branch manager sees exactly the people of their branch
      expect(page.body.items.map((u: { login: string }) => u.login).sort()).toEqual(
        demo.org.users.filter((u) => u.branchId === manager.branchId).map((u) => u.login).sort(),
      );
    } finally {
      await app.close();
    }
  });

  it('is deterministic for a seed, through either write path, and differs for another seed', async () => {
    const again = await generateCompany(database, { profile: 'demo', seed: 'alpha', now, accounts: 60, tenant: { slug: 'demo-b', name: 'B' } });
    const copied = await generateCompany(database, { profile: 'demo', seed: 'alpha', now, accounts: 60, mode: 'copy', tenant: { slug: 'demo-c', name: 'C' } });
    const other = await generateCompany(database, { profile: 'demo', seed: 'beta', now, accounts: 60, tenant: { slug: 'demo-d', name: 'D' } });
    const strip = (s: Awaited<ReturnType<typeof snapshot>>) => ({ units: s.units, users: s.users });
    expect(strip(await snapshot(database.db, again.tenantId))).toEqual(strip(demoSnapshot));
    expect(strip(await snapshot(database.db, copied.tenantId))).toEqual(strip(demoSnapshot));
    const otherUsers = (await snapshot(database.db, other.tenantId)).users;
    expect(otherUsers).toHaveLength(30);
    expect(otherUsers.map((u) => u.name)).not.toEqual(demoSnapshot.users.map((u) => u.name));
    expect(copied.tables.map((t) => t.table).slice(0, 3)).toEqual(['org_units', 'users', 'user_roles']);
    expect(copied.tables.find((t) => t.table === 'users')?.rows).toBe(30);
    // the customers too: same names, phones, owners' logins and activity counts
    const customers = (tenantId: string) => database.query(`
      select a.name, a.phones, a.credit_code, a.last_activity_at, u.login, (select count(*)::int from activities x where x.tenant_id = a.tenant_id and x.account_id = a.id) as n
      from accounts a join users u on u.tenant_id = a.tenant_id and u.id = a.owner_id where a.tenant_id = $1 and u.login not like '__pool__%' order by a.name, a.created_at`, [tenantId]);
    const mine = await customers(demo.tenantId);
    expect(mine.length).toBeGreaterThan(30);
    expect(await customers(again.tenantId)).toEqual(mine);
    expect(await customers(copied.tenantId)).toEqual(mine);
  });

  it('builds the bench company: 40 port-city branches and 2,000 users', async () => {
    const bench = await generateCompany(database, { profile: 'bench', seed: 'alpha', now, accounts: 200, mode: 'copy' });
    const snap = await snapshot(database.db, bench.tenantId);
    expect(snap.units.filter((u) => u.kind === 'branch')).toHaveLength(40);
    expect(snap.users).toHaveLength(2000);
    expect(new Set(snap.users.map((u) => u.login)).size).toBe(2000);
    const managers = snap.users.filter((u) => u.role === 'branch_manager');
    expect(managers.length).toBeGreaterThanOrEqual(40);
    for (const branch of snap.units.filter((u) => u.kind === 'branch')) {
      const inBranch = snap.users.filter((u) => u.unit === branch.path || u.unit.startsWith(`${branch.path}/`));
      expect(inBranch.length).toBeGreaterThanOrEqual(4);
      expect(inBranch.some((u) => u.role === 'sales_rep')).toBe(true);
    }
    // Sales at the bench size: a few deals per account the company holds, over many reps, each won deal an order.
    const [sales] = await database.query<{ deals: number; owners: number; won: number; lost_reasons: number; stays: number; orders: number; from_deals: number; lines: number; leads: number }>(`
      select (select count(*)::int from opportunities where tenant_id = $1) as deals,
             (select count(distinct owner_id)::int from opportunities where tenant_id = $1) as owners,
             (select count(*)::int from opportunities where tenant_id = $1 and status = 'won') as won,
             (select count(*)::int from opportunities where tenant_id = $1 and status = 'lost' and close_reason is not null) as lost_reasons,
             (select count(*)::int from opportunity_stage_history where tenant_id = $1) as stays,
             (select count(*)::int from orders where tenant_id = $1) as orders,
             (select count(distinct opportunity_id)::int from orders where tenant_id = $1) as from_deals,
             (select count(*)::int from order_lines where tenant_id = $1) as lines,
             (select count(*)::int from leads where tenant_id = $1) as leads`, [bench.tenantId]);
    const held = 200 * 0.88;
    expect(sales.deals).toBeGreaterThan(2.5 * held);
    expect(sales.deals).toBeLessThan(4.5 * held);
    expect(sales.owners).toBeGreaterThan(50);
    expect(sales.lost_reasons).toBeGreaterThan(0);
    expect(sales.stays).toBeGreaterThan(2 * sales.deals);
    expect(sales.orders).toBe(sales.won);
    expect(sales.from_deals).toBe(sales.won);
    expect(sales.lines / sales.orders).toBeGreaterThan(3);
    expect(sales.lines / sales.orders).toBeLessThan(7);
    expect(sales.leads).toBe(40);
    // Receivables to age: open instalments in at least three of the five buckets, and some milestones overdue.
    const buckets = await database.query<{ bucket: string }>(`
      select distinct case when $2::date - due_on < 0 then 'not due' when $2::date - due_on <= 30 then '0-30'
        when $2::date - due_on <= 60 then '31-60' when $2::date - due_on <= 90 then '61-90' else '90+' end as bucket
      from payment_instalments where tenant_id = $1 and paid < amount`, [bench.tenantId, now.toISOString().slice(0, 10)]);
    expect(buckets.length).toBeGreaterThanOrEqual(3);
    const [late] = await database.query<{ n: number }>('select count(*)::int as n from order_milestones where tenant_id = $1 and done_at is null and due_on < $2', [bench.tenantId, now.toISOString().slice(0, 10)]);
    expect(late.n).toBeGreaterThan(0);
    // 2,000 people and every part at the bench size (deals, leads, targets for every rep, orders) take a while on a busy machine
  }, 240_000);

  it('runs parts in order: each gets the org, its own stream, the size, and what earlier parts provide', async () => {
    expect(demoParts[0]).toBe(orgPart);
    const seen: Record<string, unknown> = {};
    const repsKey = demoKey<string[]>('reps');
    const provider: DemoPart = {
      name: 'provider',
      async generate(ctx) {
        ctx.provide(repsKey, ctx.org.byRole.sales_rep.map((u) => u.id));
        seen.accounts = ctx.size.accounts;
        seen.draw = ctx.rng.next();
      },
    };
    const consumer: DemoPart = {
      name: 'consumer',
      async generate(ctx) {
        seen.reps = ctx.need(repsKey).length;
        seen.branches = ctx.org.branches.length;
      },
    };
    const made = await generateCompany(database, { profile: 'demo', now, accounts: 1234, parts: [orgPart, provider, consumer], tenant: { slug: 'demo-parts', name: 'P' } });
    expect(seen).toMatchObject({ accounts: 1234, reps: made.org.byRole.sales_rep.length, branches: 6 });
    expect(seen.reps).toBeGreaterThan(0);
    await expect(generateCompany(database, { profile: 'demo', parts: [consumer, orgPart], tenant: { slug: 'x', name: 'X' } })).rejects.toThrow(/org part must run first/);
    await expect(generateCompany(database, { profile: 'demo', parts: [orgPart, consumer], tenant: { slug: 'demo-needs', name: 'N' } })).rejects.toThrow(/needs reps/);
    // the failed run left nothing behind: the demo company is written in one transaction
    expect(await database.db.select().from(tenants).where(eq(tenants.slug, 'demo-needs'))).toEqual([]);
    expect((await database.db.select().from(tenants).where(eq(tenants.slug, 'demo-parts'))).length).toBe(1);
  });
});

describe('demo generator: customers', () => {
  let made: Awaited<ReturnType<typeof generateCompany>>;
  let provided: DemoCustomers | undefined;
  /** accounts a later part saw through eachAccountPage (it reads inside the generation's transaction) */
  let paged = 0;
  const rows = async <T,>(text: string, params: unknown[]) => database.query<T>(text, params);
  beforeAll(async () => {
    // the real parts, and one more at the end that reads what the customers part provides
    const reader: DemoPart = {
      name: 'reader',
      async generate(ctx) {
        provided = ctx.need(customersKey);
        for await (const page of provided.eachAccountPage(150)) paged += page.length;
      },
    };
    made = await generateCompany(database, { profile: 'demo', seed: 'cust', now, parts: [...demoParts, reader], tenant: { slug: 'demo-cust', name: 'Cust' } });
  }, 300_000);

  it('writes accounts with contacts and activities, derived columns as the write path fills them', async () => {
    const t = made.tenantId;
    const [{ accounts, contacts, activities, pool, keyed }] = await rows<Record<string, number>>(`
      select (select count(*)::int from accounts where tenant_id = $1) as accounts,
             (select count(*)::int from contacts where tenant_id = $1) as contacts,
             (select count(*)::int from activities where tenant_id = $1) as activities,
             (select count(*)::int from accounts a join pool_holders h on h.tenant_id = a.tenant_id and h.user_id = a.owner_id where a.tenant_id = $1) as pool,
             (select count(distinct account_id)::int from dedup_keys where tenant_id = $1) as keyed`, [t]);
    // later parts may add accounts (deliberate duplicates)
    expect(accounts).toBeGreaterThanOrEqual(made.size.accounts);
    expect(provided!.accounts).toBe(made.size.accounts);
    expect(contacts / accounts).toBeGreaterThan(1.2);
    expect(contacts / accounts).toBeLessThan(2);
    expect(activities / accounts).toBeGreaterThan(6);
    expect(activities / accounts).toBeLessThan(14);
    expect(pool / accounts).toBeGreaterThan(0.04);
    expect(pool / accounts).toBeLessThan(0.25);
    expect(keyed).toBe(accounts);
    expect(provided!.contacts).toBeLessThanOrEqual(contacts);
    expect(provided!.sample.length).toBe(made.size.accounts);
    expect((await database.db.select().from(poolHolders).where(eq(poolHolders.tenantId, t)))[0].userId).toBe(provided!.poolHolderId);
    expect(paged).toBeGreaterThanOrEqual(made.size.accounts);

    // last follow-up = the latest activity that counts as contact (follow-up.ts), never in the future
    const [{ wrong }] = await rows<{ wrong: number }>(`
      select count(*)::int as wrong from accounts a where a.tenant_id = $1 and a.last_activity_at is distinct from (
        select max(case when x.kind = 'task' then x.completed_at else least(x.at, $2::timestamptz) end)
        from activities x where x.tenant_id = a.tenant_id and x.account_id = a.id)`, [t, now.toISOString()]);
    expect(wrong).toBe(0);
    const codes = await rows<{ credit_code: string }>('select credit_code from accounts where tenant_id = $1 and credit_code is not null', [t]);
    expect(codes.length / accounts).toBeGreaterThan(0.6);
    for (const { credit_code } of codes) expect(creditCodeProblem(credit_code)).toBeNull();
    const [{ empty }] = await rows<{ empty: number }>("select count(*)::int as empty from accounts where tenant_id = $1 and (search_grams = '{}' or search_keys = '{}' or name_sort = '')", [t]);
    expect(empty).toBe(0);
  });

  it('search finds a generated account by a 2-character keyword and by pinyin initials', async () => {
    const [account] = await rows<{ id: string; name: string; search_latin: string }>(
      "select id, name, search_latin from accounts where tenant_id = $1 and kind = 'company' and name ~ '^[^()]+有限公司$' order by name_sort limit 1", [made.tenantId]);
    expect(account).toBeDefined();
    const app = await createApp(database, { secureCookies: false, logLevel: 'error' }, { web: false });
    try {
      const admin = await signIn(app, 'admin', 'demo-cust', made.password);
      // two characters from the middle of the name: the brand, wherever a region prefix ends
      const keyword = [...account.name].slice(2, 4).join('');
      const byKeyword = await admin.get(`/api/v1/search?types=account&limit=50&q=${encodeURIComponent(keyword)}`);
      expect(byKeyword.status).toBe(200);
      expect(byKeyword.body.items.map((i: { id: string }) => i.id)).toContain(account.id);
      const initials = account.search_latin.split(' ')[1];
      expect(initials).toMatch(/^[a-z]{4,}$/);
      const byInitials = await admin.get(`/api/v1/search?types=account&limit=50&q=${initials}`);
      expect(byInitials.body.items.map((i: { id: string }) => i.id)).toContain(account.id);
    } finally {
      await app.close();
    }
  });

  it.skipIf(!demoParts.some((p) => p.name === 'duplicates'))('the duplicate report finds the deliberate name variants', async () => {
    const app = await createApp(database, { secureCookies: false, logLevel: 'error' }, { web: false });
    try {
      const admin = await signIn(app, 'admin', 'demo-cust', made.password);
      const report = await admin.get('/api/v1/duplicates/report');
      expect(report.status).toBe(200);
      expect(report.body.groups.length).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
