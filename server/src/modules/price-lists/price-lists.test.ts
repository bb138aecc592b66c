import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
let repA: Client;
let productId: string;
let tierA: string;
let plain: string;

beforeAll(async () => {
  t = await setupTestApp();
  [admin, repA] = await Promise.all([t.as('admin'), t.as('repA')]);
  productId = (await admin.post('/api/v1/products', { code: 'HYD-46', name: '抗磨液压油 46#', unit: '桶', listPrice: '500' })).body.id;
  tierA = (await repA.post('/api/v1/accounts', { name: '上海A级客户', tier: 'A', provinceCode: '310000' })).body.id;
  plain = (await repA.post('/api/v1/accounts', { name: '普通客户', provinceCode: '110000' })).body.id;
  const lists = [
    { name: '华东区价 2026', provinceCode: '310000', validFrom: '2026-01-01', validTo: '2026-12-31', items: [{ productId, price: '460' }] },
    { name: 'A级客户价', tier: 'A', validFrom: '2026-01-01', items: [{ productId, price: '450' }] },
    { name: 'A级华东价', tier: 'A', provinceCode: '310000', validFrom: '2026-03-01', validTo: '2026-03-31', items: [{ productId, price: '430' }] },
    { name: '旧价', validFrom: '2025-01-01', validTo: '2025-12-31', items: [{ productId, price: '400' }] },
  ];
  for (const l of lists) expect((await admin.post('/api/v1/price-lists', l)).status).toBe(201);
});
afterAll(() => t.close());

const resolve = (who: Client, accountId: string, onDay: string) =>
  who.get(`/api/v1/prices/resolve?accountId=${accountId}&productId=${productId}&onDay=${onDay}`);

describe('price resolution', () => {
  it('prefers the most specific list valid on the day, else the list price', async () => {
    expect((await resolve(repA, tierA, '2026-03-15')).body).toMatchObject({ price: '430.00', priceListName: 'A级华东价' });
    expect((await resolve(repA, tierA, '2026-04-01')).body).toMatchObject({ price: '460.00' });
    expect((await resolve(repA, plain, '2026-04-01')).body).toMatchObject({ price: '500.00', priceListId: null });
    expect((await resolve(repA, plain, '2025-06-01')).body).toMatchObject({ price: '400.00', priceListName: '旧价' });
  });

  it('prices order lines that carry no price', async () => {
    const res = await repA.post('/api/v1/orders', { accountId: tierA, signedOn: '2026-03-10', lines: [{ productId, quantity: '2' }] });
    expect(res.status).toBe(201);
    expect(res.body.lines[0]).toMatchObject({ unitPrice: '430.00', amount: '860.00' });
  });

  it('is kept by administrators only', async () => {
    expect((await repA.post('/api/v1/price-lists', { name: 'x', validFrom: '2026-01-01' })).status).toBe(403);
    expect((await repA.get('/api/v1/price-lists')).body.items).toHaveLength(4);
    expect((await admin.post('/api/v1/price-lists', { name: 'bad', validFrom: '2026-02-01', validTo: '2026-01-01' })).status).toBe(400);
  });
});
