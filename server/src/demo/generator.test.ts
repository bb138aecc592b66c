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
    demo = await generateCompany(database, { profile: 'demo', seed: 'alpha', now, tenant: { slug: 'demo-a', name: 'A' } });
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
    const other = await generateCompany(database, { profile: 'demo', seed: 'alpha', now, tenant: { slug: 'demo-pw', name: 'PW' } });
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
    const again = await generateCompany(database, { profile: 'demo', seed: 'alpha', now, tenant: { slug: 'demo-b', name: 'B' } });
    const copied = await generateCompany(database, { profile: 'demo', seed: 'alpha', now, mode: 'copy', tenant: { slug: 'demo-c', name: 'C' } });
    const other = await generateCompany(database, { profile: 'demo', seed: 'beta', now, tenant: { slug: 'demo-d', name: 'D' } });
    const strip = (s: Awaited<ReturnType<typeof snapshot>>) => ({ units: s.units, users: s.users });
    expect(strip(await snapshot(database.db, again.tenantId))).toEqual(strip(demoSnapshot));
    expect(strip(await snapshot(database.db, copied.tenantId))).toEqual(strip(demoSnapshot));
    const otherUsers = (await snapshot(database.db, other.tenantId)).users;
    expect(otherUsers).toHaveLength(30);
    expect(otherUsers.map((u) => u.name)).not.toEqual(demoSnapshot.users.map((u) => u.name));
    expect(copied.tables.map((t) => t.table)).toEqual(['org_units', 'users', 'user_roles']);
    expect(copied.tables.find((t) => t.table === 'users')?.rows).toBe(30);
  });

  it('builds the bench company: 40 port-city branches and 2,000 users', async () => {
    const bench = await generateCompany(database, { profile: 'bench', seed: 'alpha', now, mode: 'copy' });
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
  });

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
