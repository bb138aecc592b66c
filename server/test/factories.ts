import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import type { Database, Executor } from '../src/platform/db/engine.ts';
import { newId } from '../src/platform/db/ids.ts';
import { createTenant, roleIdByKey } from '../src/modules/org/bootstrap.ts';
import { orgUnits, userRoles, users } from '../src/modules/org/org.schema.ts';
import type { BuiltinRoleKey } from '../src/platform/access/permissions.ts';
import { createApp } from '../src/server.ts';
import { createTestDatabase } from './database.ts';

export const PASSWORD = 'correct-horse-42';
let passwordHash: Promise<string> | undefined;

export async function makeUnit(db: Executor, tenantId: string, parent: { id: string; path: string; depth: number }, name: string, kind: 'branch' | 'department' = 'branch') {
  const id = newId();
  const unit = { tenantId, id, parentId: parent.id, kind, name, path: `${parent.path}${id}/`, depth: parent.depth + 1 } as const;
  await db.insert(orgUnits).values(unit);
  return unit;
}

export async function makeUser(db: Executor, tenantId: string, unitId: string, login: string, role: BuiltinRoleKey, extra: Partial<typeof users.$inferInsert> = {}) {
  passwordHash ??= hashPassword(PASSWORD);
  const id = newId();
  await db.insert(users).values({ tenantId, id, login, name: login, unitId, passwordHash: await passwordHash, ...extra });
  await db.insert(userRoles).values({ tenantId, userId: id, roleId: await roleIdByKey(db, tenantId, role) });
  return { id, login, unitId };
}

/** A company with a head office, two branches (A with a sales department) and people in each role. */
export async function makeCompany(db: Executor, slug = `t${Math.random().toString(36).slice(2, 8)}`) {
  const { tenantId, headOfficeId } = await createTenant(db, { slug, name: `Company ${slug}` });
  const hq = { id: headOfficeId, path: `/${headOfficeId}/`, depth: 0 };
  const branchA = await makeUnit(db, tenantId, hq, '上海分公司');
  const salesA = await makeUnit(db, tenantId, branchA, '销售一部', 'department');
  const branchB = await makeUnit(db, tenantId, hq, '北京分公司');
  const people = {
    admin: await makeUser(db, tenantId, headOfficeId, 'admin', 'admin'),
    hq: await makeUser(db, tenantId, headOfficeId, 'hq', 'head_office'),
    managerA: await makeUser(db, tenantId, branchA.id, 'manager.a', 'branch_manager'),
    repA: await makeUser(db, tenantId, salesA.id, 'rep.a', 'sales_rep', { phone: '13800138000', email: 'rep.a@example.com' }),
    repA2: await makeUser(db, tenantId, salesA.id, 'rep.a2', 'sales_rep'),
    managerB: await makeUser(db, tenantId, branchB.id, 'manager.b', 'branch_manager'),
    repB: await makeUser(db, tenantId, branchB.id, 'rep.b', 'sales_rep'),
  };
  return { tenantId, slug, headOfficeId, branchA, salesA, branchB, people };
}

export interface Client {
  get(url: string): Promise<Res>;
  post(url: string, body?: unknown): Promise<Res>;
  patch(url: string, body?: unknown): Promise<Res>;
  delete(url: string): Promise<Res>;
  csrf: string;
  cookie: string;
}
export interface Res {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  headers: Record<string, unknown>;
}

/** Signs in through the real login endpoint and returns a client that sends the cookie and CSRF token. */
export async function signIn(app: FastifyInstance, login: string, tenant?: string, password = PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password, tenant } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${login} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'kehu_session')!;
  const csrf = res.json().csrfToken as string;
  return clientWith(app, { cookie: `kehu_session=${cookie.value}`, 'x-csrf-token': csrf }, csrf);
}

export function clientWith(app: FastifyInstance, headers: Record<string, string>, csrf = ''): Client {
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
    const res = await app.inject({ method, url, headers, payload: payload as never });
    return { status: res.statusCode, body: res.body ? safeJson(res.body) : null, headers: res.headers };
  };
  return {
    get: (url) => call('GET', url),
    post: (url, body) => call('POST', url, body ?? {}),
    patch: (url, body) => call('PATCH', url, body ?? {}),
    delete: (url) => call('DELETE', url),
    csrf,
    cookie: headers.cookie ?? '',
  };
}

function safeJson(body: string) {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** Database + app + one company, torn down after the file's tests. */
export async function setupTestApp() {
  const database: Database = await createTestDatabase();
  const app = await createApp(database, { secureCookies: false, logLevel: 'error' }, { web: false });
  await app.ready();
  const company = await makeCompany(database.db);
  return {
    app,
    database,
    db: database.db,
    company,
    as: (who: keyof typeof company.people) => signIn(app, company.people[who].login, company.slug),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
