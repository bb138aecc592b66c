import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';
import { pdfText } from './pdf-text.test-support.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
let repA: Client;
let managerA: Client;
let managerB: Client;
let accountId: string;
let productId: string;

beforeAll(async () => {
  t = await setupTestApp();
  [admin, repA, managerA, managerB] = await Promise.all([t.as('admin'), t.as('repA'), t.as('managerA'), t.as('managerB')]);
  productId = (await admin.post('/api/v1/products', { code: 'GEAR-220', name: '重负荷齿轮油 220', englishName: 'Heavy-duty gear oil 220', unit: '桶', listPrice: '800' })).body.id;
  accountId = (await repA.post('/api/v1/accounts', { name: '汉堡远东贸易有限公司', englishName: 'Hamburg Far East Trading GmbH' })).body.id;
});
afterAll(() => t.close());

describe('quotes', () => {
  let quote: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response body

  it('drafts a quote priced for the account, with exact totals', async () => {
    const res = await repA.post('/api/v1/quotes', { accountId, note: '价格含包装，不含运费', lines: [{ productId, quantity: '12', discountPct: '5' }, { description: '技术服务', quantity: '1', unitPrice: '1000', taxRate: '6' }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    quote = res.body;
    expect(quote.number).toMatch(/^QT-\d{4}-\d{6}$/);
    expect(quote).toMatchObject({ status: 'draft', revision: 1, subtotal: '10120.00', taxAmount: '1245.60', total: '11365.60', maxDiscountPct: '5.00', needsApproval: false });
  });

  it('approves at once within the discount limit; above it a manager must decide', async () => {
    const ok = await repA.post(`/api/v1/quotes/${quote.id}/submit`, { version: quote.version });
    expect(ok.body.status).toBe('approved');
    const big = await repA.post('/api/v1/quotes', { accountId, lines: [{ productId, quantity: '100', discountPct: '25' }] });
    expect(big.body.needsApproval).toBe(true);
    const held = await repA.post(`/api/v1/quotes/${big.body.id}/submit`, { version: big.body.version });
    expect(held.body).toMatchObject({ status: 'pending_approval', permissions: { approve: false } });
    expect((await repA.post(`/api/v1/quotes/${big.body.id}/send`, { version: held.body.version })).status).toBe(409);
    expect((await repA.post(`/api/v1/quotes/${big.body.id}/approve`, { version: held.body.version })).status).toBe(403);
    expect((await managerB.post(`/api/v1/quotes/${big.body.id}/approve`, { version: held.body.version })).status).toBe(404);
    const rejected = await managerA.post(`/api/v1/quotes/${big.body.id}/reject`, { version: held.body.version, note: '折扣过高，最多 15%' });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: '折扣过高，最多 15%', decidedByName: 'manager.a' });
    const edited = await repA.patch(`/api/v1/quotes/${big.body.id}`, { version: rejected.body.version, lines: [{ productId, quantity: '100', discountPct: '15' }] });
    expect(edited.body.status).toBe('draft');
    const again = await repA.post(`/api/v1/quotes/${big.body.id}/submit`, { version: edited.body.version });
    expect(again.body.status).toBe('pending_approval');
    const approved = await managerA.post(`/api/v1/quotes/${big.body.id}/approve`, { version: again.body.version });
    expect(approved.body.status).toBe('approved');
  });

  it('makes a new version under the same number and supersedes the old one', async () => {
    const current = (await repA.get(`/api/v1/quotes/${quote.id}`)).body;
    const next = await repA.post(`/api/v1/quotes/${quote.id}/revise`, { version: current.version });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ number: quote.number, revision: 2, status: 'draft', total: '11365.60' });
    expect((await repA.get(`/api/v1/quotes/${quote.id}`)).body.status).toBe('superseded');
    const list = await repA.get('/api/v1/quotes');
    expect(list.body.items.map((q: { id: string }) => q.id)).not.toContain(quote.id);
    expect(list.body.items.map((q: { id: string }) => q.id)).toContain(next.body.id);
    quote = next.body;
  });

  it('prints a PDF whose Chinese and English text can be read back', async () => {
    const zh = await t.app.inject({ method: 'GET', url: `/api/v1/quotes/${quote.id}/pdf?lang=zh-CN`, headers: { cookie: repA.cookie } });
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toBe('application/pdf');
    const zhText = pdfText(zh.rawPayload);
    expect(zhText).toContain('报价单');
    expect(zhText).toContain('汉堡远东贸易有限公司');
    expect(zhText).toContain('重负荷齿轮油 220');
    expect(zhText).toContain('价格含包装，不含运费');
    expect(zhText).toContain('11365.60');
    const en = await t.app.inject({ method: 'GET', url: `/api/v1/quotes/${quote.id}/pdf?lang=en-US`, headers: { cookie: repA.cookie } });
    const enText = pdfText(en.rawPayload);
    expect(enText).toContain('QUOTATION');
    expect(enText).toContain('Hamburg Far East Trading GmbH');
    expect(enText).toContain('Heavy-duty gear oil 220');
  });

  it('becomes an order once approved, with its lines', async () => {
    const q = (await repA.get(`/api/v1/quotes/${quote.id}`)).body;
    expect((await repA.post('/api/v1/orders', { accountId, quoteId: q.id })).status).toBe(400);
    const submitted = await repA.post(`/api/v1/quotes/${q.id}/submit`, { version: q.version });
    const order = await repA.post('/api/v1/orders', { accountId, quoteId: q.id });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect(order.body).toMatchObject({ quoteId: q.id, total: '11365.60' });
    expect(order.body.lines).toHaveLength(2);
    expect((await repA.get(`/api/v1/quotes/${q.id}`)).body.status).toBe('accepted');
    expect(submitted.body.status).toBe('approved');
  });
});
