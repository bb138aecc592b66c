import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../factories.ts';
import '../../src/platform/http/route-permission.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(() => t.close());

const fakeId = '00000000-0000-7000-8000-000000000000';
const concrete = (url: string) => url.replace(/:(\w+)/g, (_, name: string) => (name.endsWith('Type') || name === 'type' ? 'user' : fakeId));

describe('route permissions', () => {
  it('every API route declares a permission; the table is reviewed as a security change', async () => {
    const table = [...t.app.apiRoutes]
      .sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method))
      .map((r) => `${r.method.padEnd(6)} ${r.url.padEnd(50)} ${r.permission}`)
      .join('\n');
    expect(t.app.apiRoutes.length).toBeGreaterThan(20);
    await expect(`${table}\n`).toMatchFileSnapshot('./route-permissions.snap.txt');
  });

  it('a route without a declared permission cannot even be registered', async () => {
    const { buildApp } = await import('../../src/platform/http/app.ts');
    const building = buildApp({
      database: t.database,
      config: { secureCookies: false, logLevel: 'error' },
      loadPrincipal: async () => null,
      modules: [{ name: 'careless', routes: async (a) => void a.get('/oops', async () => 'open') }],
    });
    await expect(building).rejects.toThrow(/GET \/api\/v1\/oops declares no permission/);
  });

  it('every non-public route answers 401 without a session', async () => {
    const checked: string[] = [];
    for (const route of t.app.apiRoutes) {
      if (route.permission === 'public') continue;
      const res = await t.app.inject({ method: route.method as 'GET', url: concrete(route.url), payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {} });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      checked.push(route.url);
    }
    expect(checked.length).toBeGreaterThan(20);
  });

  it('a rep gets 403 on every admin-capability route', async () => {
    const rep = await t.as('repA');
    const capRoutes = t.app.apiRoutes.filter((r) => r.permission.startsWith('capability:'));
    expect(capRoutes.length).toBeGreaterThan(3);
    for (const route of capRoutes) {
      const url = concrete(route.url);
      const res = route.method === 'GET' ? await rep.get(url) : route.method === 'DELETE' ? await rep.delete(url) : route.method === 'PATCH' ? await rep.patch(url, {}) : await rep.post(url, {});
      expect(res.status, `${route.method} ${route.url}`).toBe(403);
    }
  });
});
