/**
 * The baseline Kehu is measured against: a minimal Fastify server that answers the two benchmarked
 * endpoints with the same SQL Kehu issues (captured from drizzle's query log of users.queries.ts and
 * sessions.ts; one column alias added, as rows come back as objects here), through the same driver,
 * with the same 5-second session cache, and none of Kehu's layers: no zod, no hooks, no principal,
 * no presenter, no request log.
 *
 * It implements only the "all" data scope (an administrator), which is what the benchmark signs in as.
 *
 *   DATABASE_URL=postgres://… PORT=4000 node --import tsx bench/baseline-server.ts
 *   KEHU_DATA_DIR=bench/.data PORT=4000 node --import tsx bench/baseline-server.ts
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import postgres from 'postgres';

type Row = Record<string, unknown>;
type Query = (text: string, params: unknown[]) => Promise<Row[]>;

async function connect(): Promise<{ query: Query; close: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const sql = postgres(process.env.DATABASE_URL, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });
    return {
      // unsafe() with the connection's default prepare: true: every statement is a named prepared
      // statement, parsed once per connection and sent in one round trip. Kehu's ordinary drizzle
      // queries pass prepare: false (two round trips: parse+describe, then bind+execute, and a parse
      // and plan each time); its hot reads are prepared (server/src/platform/db/prepared.ts). The
      // baseline keeps the cheaper path: it is the limit Kehu could reach.
      query: async (text, params) => (await sql.unsafe(text, params as never[])) as unknown as Row[],
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const dir = path.resolve(process.env.KEHU_DATA_DIR ?? 'data');
  // Same engine configuration as Kehu's (engine.ts): the pg_trgm bundle is loaded there too.
  const client = await PGlite.create(path.join(dir, 'pg'), { extensions: { pg_trgm } });
  return { query: async (text, params) => (await client.query<Row>(text, params)).rows, close: () => client.close() };
}

const SESSION = 'select "id", "tenant_id", "user_id", "csrf_token", "expires_at" from "sessions" where ("sessions"."token_hash" = $1 and "sessions"."expires_at" > $2)';
const GRANTS = 'select r.grants from user_roles ur join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id where ur.tenant_id = $1 and ur.user_id = $2 and r.deleted_at is null';
const USER_COLUMNS = '"users"."tenant_id", "users"."id", "users"."version", "users"."created_at", "users"."updated_at", "users"."created_by", "users"."updated_by", "users"."deleted_at", "users"."deleted_by", "users"."login", "users"."name", "users"."email", "users"."phone", "users"."title", "users"."unit_id", "users"."locale", "users"."password_hash", "users"."active", "users"."must_change_password", "users"."failed_logins", "users"."locked_until", "users"."last_login_at", "org_units"."name" as unit_name';
const USER_FROM = 'from "users" left join "org_units" on ("org_units"."tenant_id" = "users"."tenant_id" and "org_units"."id" = "users"."unit_id")';
const GET_USER = `select ${USER_COLUMNS} ${USER_FROM} where (("users"."tenant_id" = $1 and "users"."deleted_at" is null) and "users"."id" = $2)`;
const LIST_USERS = `select ${USER_COLUMNS} ${USER_FROM} where ("users"."tenant_id" = $1 and "users"."deleted_at" is null) order by "users"."name" asc nulls last, "users"."id" asc limit $2`;
// Kehu sends a page's user ids as one uuid[] parameter (users.queries.ts, prepared statements).
const ROLES = 'select "tenant_id", "user_id", "role_id" from "user_roles" where ("user_roles"."tenant_id" = $1 and "user_roles"."user_id" = any($2::uuid[]))';
const MANAGED = 'select "tenant_id", "user_id", "unit_id" from "user_managed_units" where ("user_managed_units"."tenant_id" = $1 and "user_managed_units"."user_id" = any($2::uuid[]))';

const { query, close } = await connect();
const sessions = new Map<string, { at: number; session: { tenantId: string; userId: string } | null }>();

async function principal(cookie: string | undefined) {
  const token = cookie?.match(/(?:^|;\s*)kehu_session=([^;]+)/)?.[1];
  if (!token) return null;
  const hash = createHash('sha256').update(token).digest('hex');
  const hit = sessions.get(hash);
  if (hit && Date.now() - hit.at < 5_000) return hit.session;
  const [row] = await query(SESSION, [hash, new Date().toISOString()]);
  let session: { tenantId: string; userId: string } | null = null;
  if (row) {
    const grants = await query(GRANTS, [row.tenant_id, row.user_id]);
    const all = grants.some((g) => (g.grants as Record<string, { scope?: string }>).user?.scope === 'all');
    session = all ? { tenantId: String(row.tenant_id), userId: String(row.user_id) } : null;
  }
  sessions.set(hash, { at: Date.now(), session });
  return session;
}

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

async function present(tenantId: string, rows: Row[]) {
  if (!rows.length) return [];
  const ids = `{${rows.map((r) => r.id).join(',')}}`;
  const [roles, managed] = await Promise.all([query(ROLES, [tenantId, ids]), query(MANAGED, [tenantId, ids])]);
  return rows.map((u) => ({
    id: u.id, login: u.login, name: u.name, email: u.email, phone: u.phone, title: u.title,
    unitId: u.unit_id, unitName: u.unit_name, locale: u.locale ?? null, active: u.active,
    locked: !!u.locked_until && new Date(u.locked_until as string) > new Date(),
    mustChangePassword: u.must_change_password, lastLoginAt: iso(u.last_login_at),
    roleIds: roles.filter((r) => r.user_id === u.id).map((r) => r.role_id),
    managedUnitIds: managed.filter((m) => m.user_id === u.id).map((m) => m.unit_id),
    version: u.version, createdAt: iso(u.created_at), updatedAt: iso(u.updated_at),
    permissions: { update: true, delete: true, resetPassword: true },
  }));
}

const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ ok: true }));
app.get<{ Params: { id: string } }>('/api/v1/users/:id', async (req, reply) => {
  const who = await principal(req.headers.cookie);
  if (!who) return reply.status(401).send({ error: 'unauthenticated' });
  const [user] = await present(who.tenantId, await query(GET_USER, [who.tenantId, req.params.id]));
  return user ?? reply.status(404).send({ error: 'not_found' });
});
app.get<{ Querystring: { limit?: string } }>('/api/v1/users', async (req, reply) => {
  const who = await principal(req.headers.cookie);
  if (!who) return reply.status(401).send({ error: 'unauthenticated' });
  const limit = Math.min(Number(req.query.limit ?? 50), 500);
  const rows = await query(LIST_USERS, [who.tenantId, limit + 1]);
  const items = await present(who.tenantId, rows.slice(0, limit));
  const last = rows.length > limit ? rows[limit - 1] : null;
  return { items, nextCursor: last ? Buffer.from(JSON.stringify({ v: last.name, id: last.id })).toString('base64url') : null };
});

// Replayed endpoints (bench/capture.ts): for each URL, the statements Kehu sent for it, run in the
// same order through the same driver; the answer is their rows (a count for very large results).
if (process.env.BENCH_REPLAY) {
  const routes = JSON.parse(fs.readFileSync(process.env.BENCH_REPLAY, 'utf8')) as Record<string, { sql: string; params: unknown[] }[]>;
  app.get('/api/v1/*', async (req, reply) => {
    const statements = routes[req.url];
    if (!statements) return reply.status(404).send({ error: 'not_found' });
    const who = await principal(req.headers.cookie);
    if (!who) return reply.status(401).send({ error: 'unauthenticated' });
    const results: unknown[] = [];
    for (const s of statements) {
      const rows = await query(s.sql, s.params);
      results.push(rows.length > 1000 ? { rows: rows.length } : rows);
    }
    return { results };
  });
}

await app.listen({ port: Number(process.env.PORT ?? 4000), host: process.env.HOST ?? '127.0.0.1' });
// Close the database on SIGTERM, as Kehu does: PGlite flushes its folder, --cpu-prof writes its profile.
process.once('SIGTERM', () => void app.close().then(close).then(() => process.exit(0)));
