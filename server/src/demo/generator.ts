import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { BuiltinRoleKey } from '../platform/access/permissions.ts';
import { audit } from '../platform/audit/audit.ts';
import { generatePassword, hashPassword } from '../platform/auth/passwords.ts';
import type { Database, Executor } from '../platform/db/engine.ts';
import { createTenant } from '../modules/org/bootstrap.ts';
import { runReportNow } from '../modules/dedup/report/compute-report.ts';
// Modules register their object types and tenant set-up steps when imported; the generated
// company's built-in roles must carry every module's grants, as a company created by the server does.
import '../modules/index.ts';
import { orgUnits, roles, userRoles, users, type UnitKind } from '../modules/org/org.schema.ts';
import { tenants } from '../platform/tenancy/tenant.table.ts';
import { copyWriter, insertWriter, type BulkWriter } from './bulk.ts';
import { demoParts } from './parts/index.ts';
import { customersKey, loadCustomers } from './parts/customers.ts';
import { demoCities, portCities, type BranchCity } from './places.ts';
import { createRng, type Rng } from './random.ts';

/**
 * One generator writes the demo company of `kehu demo` and the large company of the benchmarks.
 * It is made of parts, one per capability (org now; accounts, opportunities… later), run in order.
 * Each part gets the tenant, what earlier parts made (units, users by role), its own PRNG stream
 * and the requested size, and writes its rows through ctx.write.
 */
export interface DemoPart {
  /** also the label of the part's PRNG stream: renaming a part changes its data */
  name: string;
  generate(ctx: DemoContext): Promise<void>;
}

export interface DemoProfile {
  key: 'demo' | 'bench';
  tenant: { slug: string; name: string };
  headOfficeName: string;
  /** mail domain of the generated users; reserved .example names only */
  mailDomain: string;
  branches: readonly BranchCity[];
  users: number;
  /** default for --accounts */
  accounts: number;
}

export const profiles: Record<DemoProfile['key'], DemoProfile> = {
  demo: {
    key: 'demo',
    tenant: { slug: 'demo', name: '瀚海船务代理有限公司' },
    headOfficeName: '总部',
    mailDomain: 'hanhai.example.com',
    branches: demoCities,
    users: 30,
    accounts: 400,
  },
  bench: {
    key: 'bench',
    tenant: { slug: 'bench', name: '远通船务代理有限公司（基准）' },
    headOfficeName: '总部',
    mailDomain: 'yuantong.example.com',
    branches: portCities,
    users: 2_000,
    accounts: 100_000,
  },
};

/** What the parts are asked to produce. Parts that do not exist yet simply ignore their number. */
export interface DemoSize {
  users: number;
  branches: number;
  accounts: number;
}

export interface DemoUnit {
  id: string;
  parentId: string | null;
  kind: UnitKind;
  name: string;
  code: string;
  path: string;
  depth: number;
  /** the branch this unit is or lies in; null at head office */
  branchId: string | null;
  /** the city of its branch, null at head office */
  city: string | null;
}

export interface DemoUser {
  id: string;
  login: string;
  name: string;
  title: string;
  unitId: string;
  branchId: string | null;
  role: BuiltinRoleKey;
}

export interface DemoOrg {
  headOffice: DemoUnit;
  /** every unit, head office first, each parent before its children */
  units: DemoUnit[];
  branches: DemoUnit[];
  users: DemoUser[];
  byRole: Record<BuiltinRoleKey, DemoUser[]>;
  roleIds: Record<BuiltinRoleKey, string>;
}

/** A value one part provides and a later part needs (accounts → opportunities), typed by its key. */
export interface DemoKey<T> {
  name: string;
  /** phantom: carries T */
  _type?: T;
}
export const demoKey = <T>(name: string): DemoKey<T> => ({ name });

export interface DemoContext {
  /** the executor parts may query or insert odd rows with; inside the demo transaction if any */
  db: Executor;
  engine: Database['engine'];
  /** how rows are written: insert (one transaction, the demo) or copy (autocommitted COPYs, the bench) */
  mode: BulkWriter['mode'];
  profile: DemoProfile;
  size: DemoSize;
  tenantId: string;
  /** this part's own stream */
  rng: Rng;
  /** the generation's reference time: dates in the data are relative to it */
  now: Date;
  /** the org tree and the people; filled by the org part, which runs first */
  org: DemoOrg;
  /** the one password every generated user signs in with, hashed once */
  passwordHash: string;
  write: BulkWriter['write'];
  provide<T>(key: DemoKey<T>, value: T): void;
  need<T>(key: DemoKey<T>): T;
  log(line: string): void;
}

export interface GenerateOptions {
  profile: DemoProfile['key'];
  seed?: string;
  /** overrides the profile's account count */
  accounts?: number;
  /** overrides the profile's head count (tests) */
  users?: number;
  /** another slug/name when several generated companies share a database (tests) */
  tenant?: { slug: string; name: string };
  /** insert: one transaction, all or nothing (demo); copy: COPY per table chunk (bench) */
  mode?: 'insert' | 'copy';
  /** the demo password; default a fresh random one */
  password?: string;
  now?: Date;
  parts?: readonly DemoPart[];
  /**
   * Build on the company of this profile (or `tenant`) already in the database instead of creating
   * one: its org tree, people and customers are read back, then only `parts` run (without org).
   * A large bench company is built in two steps this way (customers, then sales and orders).
   */
  extend?: boolean;
  log?: (line: string) => void;
}

export interface GenerateResult {
  tenantId: string;
  slug: string;
  seed: string;
  password: string;
  org: DemoOrg;
  size: DemoSize;
  /** rows and ms per table, the way the rows were written */
  tables: { table: string; rows: number; ms: number }[];
  ms: number;
}

export const DEFAULT_SEED = 'kehu';

export async function generateCompany(database: Database, opts: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const profile = profiles[opts.profile];
  const seed = opts.seed ?? DEFAULT_SEED;
  const size: DemoSize = {
    users: opts.users ?? profile.users,
    branches: profile.branches.length,
    accounts: opts.accounts ?? profile.accounts,
  };
  const parts = opts.parts ?? demoParts;
  if (!opts.extend && parts[0]?.name !== 'org') throw new Error('the org part must run first: every other part builds on its units and users');
  if (opts.extend && parts.some((p) => p.name === 'org')) throw new Error('extending a company: its org already exists, leave the org part out');
  const password = opts.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const tenant = opts.tenant ?? profile.tenant;
  const rng = createRng(seed);
  const now = opts.now ?? new Date();
  const log = opts.log ?? (() => {});

  const newTenant = { ...tenant, headOfficeName: profile.headOfficeName };

  const run = async (db: Executor, writer: BulkWriter) => {
    const shared = new Map<string, unknown>();
    let tenantId: string;
    let org: DemoOrg;
    if (opts.extend) {
      const [found] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, tenant.slug));
      if (!found) throw new Error(`no company "${tenant.slug}" to extend`);
      tenantId = found.id;
      org = await loadOrg(db, tenantId, profile);
      org.roleIds = await roleIds(db, tenantId);
      shared.set(customersKey.name, await loadCustomers(db, tenantId));
    } else {
      // COPY runs outside any transaction, so there the company's skeleton is committed first.
      const made = writer.mode === 'copy'
        ? await database.db.transaction((tx) => createTenant(tx, newTenant))
        : await createTenant(db, newTenant);
      tenantId = made.tenantId;
      org = emptyOrg({
        id: made.headOfficeId, parentId: null, kind: 'head_office', name: profile.headOfficeName, code: 'HQ',
        path: `/${made.headOfficeId}/`, depth: 0, branchId: null, city: null,
      });
      org.roleIds = await roleIds(db, tenantId);
    }
    for (const part of parts) {
      const partStarted = performance.now();
      await part.generate({
        db, engine: database.engine, mode: writer.mode, profile, size, tenantId, now, org, passwordHash,
        rng: rng.fork(part.name),
        write: (table, rows) => writer.write(table, rows),
        provide: (key, value) => void shared.set(key.name, value),
        need: <T,>(key: DemoKey<T>) => {
          if (!shared.has(key.name)) throw new Error(`demo part ${part.name} needs ${key.name}, which no earlier part provided`);
          return shared.get(key.name) as T;
        },
        log,
      });
      log(`${part.name}: ${Math.round(performance.now() - partStarted)} ms`);
    }
    await writer.analyze();
    await audit(db, { tenantId, context: { source: 'cli' } }, {
      action: 'generate_demo', objectType: 'tenant', objectId: tenantId, objectLabel: tenant.name,
      context: { profile: profile.key, seed, size, parts: parts.map((p) => p.name), extend: !!opts.extend },
    });
    return { tenantId, org };
  };

  let made: { tenantId: string; org: DemoOrg };
  let writer: BulkWriter;
  if ((opts.mode ?? 'insert') === 'copy') {
    writer = copyWriter(database);
    made = await run(database.db, writer);
  } else {
    // All or nothing: a half-written demo company would look complete to the next `kehu demo`.
    [made, writer] = await database.db.transaction(async (tx) => {
      const w = insertWriter(tx);
      return [await run(tx, w), w] as const;
    });
  }
  // The demo company opens with its duplicate report computed (the nightly job would do it only tonight).
  if (profile.key === 'demo' && parts.some((p) => p.name === 'duplicates')) {
    await runReportNow(database, made.tenantId);
  }
  return {
    tenantId: made.tenantId,
    slug: tenant.slug,
    seed,
    password,
    org: made.org,
    size,
    tables: [...writer.stats].map(([table, s]) => ({ table, ...s })),
    ms: performance.now() - started,
  };
}

function emptyOrg(headOffice: DemoUnit): DemoOrg {
  return {
    headOffice,
    units: [headOffice],
    branches: [],
    users: [],
    byRole: { admin: [], head_office: [], branch_manager: [], sales_rep: [], order_execution: [], service: [] },
    roleIds: {} as DemoOrg['roleIds'],
  };
}

/** The org tree and the people of a company already generated, as the org part left them. */
async function loadOrg(db: Executor, tenantId: string, profile: DemoProfile): Promise<DemoOrg> {
  const unitRows = await db.select().from(orgUnits).where(eq(orgUnits.tenantId, tenantId)).orderBy(asc(orgUnits.depth), asc(orgUnits.sortOrder), asc(orgUnits.id));
  const byId = new Map<string, DemoUnit>();
  let headOffice: DemoUnit | undefined;
  const units: DemoUnit[] = [];
  for (const u of unitRows) {
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    const branchId = u.kind === 'branch' ? u.id : parent?.branchId ?? null;
    const branchName = u.kind === 'branch' ? u.name : branchId ? byId.get(branchId)?.name ?? null : null;
    const city = branchName ? profile.branches.find((b) => branchName.startsWith(b.city))?.city ?? null : null;
    const unit: DemoUnit = { id: u.id, parentId: u.parentId, kind: u.kind, name: u.name, code: u.code ?? '', path: u.path, depth: u.depth, branchId, city };
    byId.set(u.id, unit);
    units.push(unit);
    if (!u.parentId) headOffice = unit;
  }
  if (!headOffice) throw new Error('the company to extend has no head office');
  const org = emptyOrg(headOffice);
  org.units = units;
  org.branches = units.filter((u) => u.kind === 'branch');
  const people = await db
    .select({ id: users.id, login: users.login, name: users.name, title: users.title, unitId: users.unitId, role: roles.key })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.tenantId, users.tenantId), eq(userRoles.userId, users.id)))
    .innerJoin(roles, and(eq(roles.tenantId, userRoles.tenantId), eq(roles.id, userRoles.roleId)))
    .where(and(eq(users.tenantId, tenantId), isNotNull(roles.key)))
    .orderBy(asc(users.login));
  for (const p of people) {
    const role = p.role as BuiltinRoleKey;
    const user: DemoUser = { id: p.id, login: p.login, name: p.name, title: p.title ?? '', unitId: p.unitId, branchId: byId.get(p.unitId)?.branchId ?? null, role };
    org.users.push(user);
    org.byRole[role]?.push(user);
  }
  return org;
}

async function roleIds(db: Executor, tenantId: string): Promise<DemoOrg['roleIds']> {
  const rows = await db.select({ key: roles.key, id: roles.id }).from(roles).where(and(eq(roles.tenantId, tenantId), isNotNull(roles.key)));
  return Object.fromEntries(rows.map((r) => [r.key, r.id])) as DemoOrg['roleIds'];
}

/** Does the database hold any company yet? `kehu demo` generates only into an empty one. */
export async function hasTenant(db: Executor): Promise<boolean> {
  const rows = await db.select({ id: tenants.id }).from(tenants).limit(1);
  return rows.length > 0;
}
