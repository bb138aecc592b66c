import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWith, PASSWORD, setupTestApp, signIn } from '../../../test/factories.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t.close());

const login = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });

describe('sign-in', () => {
  it('sets an httpOnly SameSite session cookie and returns the CSRF token', async () => {
    const res = await login({ login: 'rep.a', password: PASSWORD, tenant: t.company.slug });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'kehu_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(res.json().user.login).toBe('rep.a');
  });

  it('rejects a wrong password and locks the login after five failures', async () => {
    for (let i = 0; i < 4; i++) {
      const res = await login({ login: 'rep.a2', password: 'wrong-password-1', tenant: t.company.slug });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('invalid_credentials');
    }
    const fifth = await login({ login: 'rep.a2', password: 'wrong-password-1', tenant: t.company.slug });
    expect(fifth.statusCode).toBe(423);
    // Locked: even the right password is refused until the lock expires or an admin resets it.
    const right = await login({ login: 'rep.a2', password: PASSWORD, tenant: t.company.slug });
    expect(right.statusCode).toBe(423);
    const admin = await t.as('admin');
    const reset = await admin.post(`/api/v1/users/${t.company.people.repA2.id}/reset-password`);
    expect(reset.status).toBe(200);
    const again = await login({ login: 'rep.a2', password: reset.body.oneTimePassword, tenant: t.company.slug });
    expect(again.statusCode).toBe(200);
    expect(again.json().user.mustChangePassword).toBe(true);
  });

  it('answers in the language of the browser', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': 'en-US,en;q=0.9' }, payload: { login: 'nobody', password: 'x', tenant: t.company.slug } });
    expect(res.json().error.message).toBe('Wrong login or password');
    const zh = await login({ login: 'nobody', password: 'x', tenant: t.company.slug });
    expect(zh.json().error.message).toBe('用户名或密码错误');
  });

  it('rate-limits repeated attempts on one login from one address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await login({ login: 'ghost', password: 'x', tenant: t.company.slug })).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
  });
});

describe('session cookie', () => {
  it('requires the CSRF header on writes made with the cookie', async () => {
    const c = await t.as('repB');
    const noCsrf = clientWith(t.app, { cookie: c.cookie });
    const res = await noCsrf.patch('/api/v1/auth/me', { locale: 'en-US' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
    expect((await c.patch('/api/v1/auth/me', { locale: 'en-US' })).status).toBe(200);
    // GETs need no token
    expect((await noCsrf.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('logout ends this session; logout-all ends every session', async () => {
    const a = await t.as('managerB');
    const b = await t.as('managerB');
    expect((await a.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await a.get('/api/v1/auth/me')).status).toBe(401);
    expect((await b.get('/api/v1/auth/me')).status).toBe(200);
    const c = await t.as('managerB');
    const res = await c.post('/api/v1/auth/logout-all');
    expect(res.body.sessionsEnded).toBe(2);
    expect((await b.get('/api/v1/auth/me')).status).toBe(401);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('changing the password keeps this session and ends the others', async () => {
    const here = await t.as('hq');
    const elsewhere = await t.as('hq');
    const weak = await here.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    const wrong = await here.post('/api/v1/auth/password', { currentPassword: 'not-it-123', newPassword: 'new-password-2024' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.issues[0].field).toBe('currentPassword');
    expect((await here.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'new-password-2024' })).status).toBe(204);
    expect((await here.get('/api/v1/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/v1/auth/me')).status).toBe(401);
    await expect(signIn(t.app, 'hq', t.company.slug)).rejects.toThrow();
    expect((await signIn(t.app, 'hq', t.company.slug, 'new-password-2024')).csrf).toBeTruthy();
  });
});

describe('API keys', () => {
  it('are shown once, act with one role, need no CSRF token and stop at once when revoked', async () => {
    const admin = await t.as('admin');
    const roles = (await admin.get('/api/v1/roles')).body.items as { id: string; key: string }[];
    const adminRole = roles.find((r) => r.key === 'admin')!;
    const notMine = roles.find((r) => r.key === 'sales_rep')!;
    expect((await admin.post('/api/v1/api-keys', { name: 'ERP', roleId: notMine.id })).status).toBe(400);
    const created = await admin.post('/api/v1/api-keys', { name: 'ERP', roleId: adminRole.id });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    expect(key).toMatch(/^kehu_\w{8}_/);
    const listed = await admin.get('/api/v1/api-keys');
    expect(JSON.stringify(listed.body)).not.toContain(key);
    const erp = clientWith(t.app, { authorization: `Bearer ${key}` });
    expect((await erp.get('/api/v1/users?limit=1')).status).toBe(200);
    const unit = await erp.post('/api/v1/org-units', { parentId: t.company.headOfficeId, kind: 'branch', name: '宁波分公司' });
    expect(unit.status).toBe(201);
    const history = await admin.get(`/api/v1/history/org_unit/${unit.body.id}`);
    expect(history.body.items[0].actorApiKeyId).toBe(created.body.id);
    expect((await admin.delete(`/api/v1/api-keys/${created.body.id}`)).status).toBe(204);
    expect((await erp.get('/api/v1/users?limit=1')).status).toBe(401);
  });
});
