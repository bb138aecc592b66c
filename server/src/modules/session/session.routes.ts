import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit, diff } from '../../platform/audit/audit.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { deleteSession, deleteUserSessions, SESSION_COOKIE, SESSION_DAYS } from '../../platform/auth/sessions.ts';
import { contextOf } from '../../platform/http/context.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { users } from '../org/org.schema.ts';
import { clearPrincipalCache, loadPrincipal } from '../org/principal-loader.ts';
import { login } from './login.ts';
import { loadMe } from './me.ts';
import { changePasswordBody, loginBody, meSchema, updateProfileBody } from './session.types.ts';

const tags = ['Session'];

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    maxAge: SESSION_DAYS * 86_400,
  });
}

export async function sessionRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.post('/auth/login', {
    config: {
      permission: { public: true },
      // Per address and login: slows guessing without letting one attacker lock out a whole office.
      rateLimit: { hook: 'preHandler', max: 10, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => `${req.ip}:${(req.body as { login?: string })?.login ?? ''}` },
    },
    schema: { tags, summary: 'Sign in with login and password; sets the session cookie', security: [], body: loginBody, response: { 200: meSchema } },
  }, async (req, reply) => {
    const { token, session } = await login(req.server.database.db, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] });
    setSessionCookie(req, reply, token);
    const principal = await loadPrincipal(req.server.database.db, { tenantId: session.tenantId, userId: session.userId });
    if (!principal) throw new AppError('invalid_credentials');
    return loadMe(req.server.database.db, principal, session.csrfToken);
  });

  app.get('/auth/me', {
    config: { permission: { signedIn: true } },
    schema: { tags, summary: 'The signed-in user, their permissions and the CSRF token', response: { 200: meSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    return loadMe(ctx.db, ctx.principal, req.session?.csrfToken ?? null);
  });

  app.patch('/auth/me', {
    config: { permission: { signedIn: true } },
    schema: { tags, summary: 'Update your own profile and language', body: updateProfileBody, response: { 200: meSchema } },
  }, async (req) => {
    const ctx = contextOf(req);
    const p = ctx.principal;
    await ctx.db.transaction(async (tx) => {
      const [before] = await tx.select().from(users).where(and(eq(users.tenantId, p.tenantId), eq(users.id, p.userId)));
      const [after] = await tx.update(users).set({
        name: req.body.name ?? before.name,
        email: req.body.email === undefined ? before.email : req.body.email,
        phone: req.body.phone === undefined ? before.phone : req.body.phone,
        locale: req.body.locale === undefined ? before.locale : req.body.locale,
        version: before.version + 1,
        updatedAt: new Date(),
        updatedBy: p.userId,
      }).where(and(eq(users.tenantId, p.tenantId), eq(users.id, p.userId))).returning();
      await audit(tx, ctx.actor, { action: 'update', objectType: 'user', objectId: p.userId, objectLabel: after.name, changes: diff(before, after, ['name', 'email', 'phone', 'locale']) });
    });
    clearPrincipalCache();
    const fresh = await loadPrincipal(ctx.db, { tenantId: p.tenantId, userId: p.userId });
    return loadMe(ctx.db, fresh!, req.session?.csrfToken ?? null);
  });

  app.post('/auth/logout', {
    config: { permission: { signedIn: true } },
    schema: { tags, summary: 'Sign out this session', response: { 204: z.null() } },
  }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await deleteSession(req.server.database.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.post('/auth/logout-all', {
    config: { permission: { signedIn: true } },
    schema: { tags, summary: 'Sign out every session of yours, on every device', response: { 200: z.object({ sessionsEnded: z.number().int() }) } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const n = await ctx.db.transaction(async (tx) => {
      const count = await deleteUserSessions(tx, ctx.principal.tenantId, ctx.principal.userId);
      await audit(tx, ctx.actor, { action: 'logout_all', objectType: 'user', objectId: ctx.principal.userId });
      return count;
    });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { sessionsEnded: n };
  });

  app.post('/auth/password', {
    config: { permission: { signedIn: true } },
    schema: { tags, summary: 'Change your password; other sessions are signed out', body: changePasswordBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    const ctx = contextOf(req);
    const p = ctx.principal;
    if (p.apiKeyId) throw new AppError('forbidden');
    checkPasswordStrength(req.body.newPassword, 'newPassword');
    const [user] = await ctx.db.select().from(users).where(and(eq(users.tenantId, p.tenantId), eq(users.id, p.userId)));
    if (!(await verifyPassword(user.passwordHash, req.body.currentPassword))) throw invalid('currentPassword', 'wrong password');
    if (req.body.currentPassword === req.body.newPassword) throw invalid('newPassword', 'same as the current one');
    const hash = await hashPassword(req.body.newPassword);
    await ctx.db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash: hash, mustChangePassword: false, updatedAt: new Date() })
        .where(and(eq(users.tenantId, p.tenantId), eq(users.id, p.userId)));
      await deleteUserSessions(tx, p.tenantId, p.userId, p.sessionId);
      await audit(tx, ctx.actor, { action: 'change_password', objectType: 'user', objectId: p.userId, objectLabel: user.name });
    });
    return reply.status(204).send(null);
  });
}
