import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
let repA: Client;
beforeAll(async () => {
  t = await setupTestApp();
  [admin, repA] = await Promise.all([t.as('admin'), t.as('repA')]);
});
afterAll(() => t.close());

describe('products', () => {
  it('lets an administrator maintain the catalogue by category, and everyone read it', async () => {
    const cat = await admin.post('/api/v1/product-categories', { code: 'ENG', name: '发动机油', englishName: 'Engine oil' });
    expect(cat.status).toBe(201);
    for (let i = 1; i <= 3; i++) {
      const res = await admin.post('/api/v1/products', { code: `EO-${i}`, name: `柴油机油 CI-4 ${i}L`, unit: '桶', specification: `${i}L`, categoryId: cat.body.id, listPrice: `${i * 10}.5` });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ listPrice: `${i * 10}.50`, taxRate: '13.00', categoryName: '发动机油', active: true });
    }
    expect((await admin.post('/api/v1/products', { code: 'EO-1', name: 'dup', unit: '桶' })).status).toBe(409);
    expect((await repA.post('/api/v1/products', { code: 'X-1', name: 'x', unit: '件' })).status).toBe(403);
    const list = await repA.get('/api/v1/products?q=ci-4&limit=2');
    expect(list.body.items.map((p: { code: string }) => p.code)).toEqual(['EO-1', 'EO-2']);
    const next = await repA.get(`/api/v1/products?q=ci-4&limit=2&cursor=${list.body.nextCursor}`);
    expect(next.body.items.map((p: { code: string }) => p.code)).toEqual(['EO-3']);
    const cats = await repA.get('/api/v1/product-categories');
    expect(cats.body.items[0]).toMatchObject({ code: 'ENG', productCount: 3 });
  });

  it('deactivates a product, hides it from the active list, and audits the change', async () => {
    const [p] = (await admin.get('/api/v1/products?q=EO-2')).body.items;
    const res = await admin.patch(`/api/v1/products/${p.id}`, { version: p.version, active: false });
    expect(res.status).toBe(200);
    expect((await admin.patch(`/api/v1/products/${p.id}`, { version: p.version, active: true })).status).toBe(409);
    expect((await admin.get('/api/v1/products?q=EO')).body.items.map((x: { code: string }) => x.code)).toEqual(['EO-1', 'EO-3']);
    expect((await admin.get('/api/v1/products?q=EO&active=all')).body.items).toHaveLength(3);
    const log = await admin.get(`/api/v1/audit-events?objectType=product&objectId=${p.id}`);
    expect(log.status).toBe(200);
    expect(JSON.stringify(log.body)).toContain('active');
  });
});
