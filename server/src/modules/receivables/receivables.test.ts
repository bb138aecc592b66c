import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
let managerA: Client;
let managerB: Client;
let repA: Client;
let orderId: string;
let accountId: string;

beforeAll(async () => {
  t = await setupTestApp();
  [admin, managerA, managerB, repA] = await Promise.all([t.as('admin'), t.as('managerA'), t.as('managerB'), t.as('repA')]);
  accountId = (await repA.post('/api/v1/accounts', { name: '青岛港航国际贸易有限公司' })).body.id;
  const res = await repA.post('/api/v1/orders', {
    accountId,
    signedOn: '2026-01-01',
    lines: [{ description: '设备出口', quantity: '1', unitPrice: '10000', taxRate: '0' }],
    // As of 2026-04-01: 91, 60, 31, 0 days past due, and one not yet due; as of 2026-05-15: 135, 104, 75, 44, 14.
    instalments: [
      { dueOn: '2025-12-31', amount: '1000' },
      { dueOn: '2026-01-31', amount: '2000' },
      { dueOn: '2026-03-01', amount: '3000' },
      { dueOn: '2026-04-01', amount: '1500' },
      { dueOn: '2026-05-01', amount: '2500' },
    ],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  orderId = res.body.id;
  // Branch B has its own receivable so that its report is not empty by accident.
  const bAccount = (await managerB.post('/api/v1/accounts', { name: '北京应收测试客户' })).body.id;
  expect((await managerB.post('/api/v1/orders', { accountId: bAccount, signedOn: '2026-01-01', lines: [{ description: 'x', quantity: '1', unitPrice: '777', taxRate: '0' }] })).status).toBe(201);
});
afterAll(() => t.close());

describe('receivables', () => {
  it('rejects a plan that does not add up to the total', async () => {
    const res = await managerA.post('/api/v1/orders', { accountId, lines: [{ description: 'y', quantity: '1', unitPrice: '100', taxRate: '0' }], instalments: [{ dueOn: '2026-01-01', amount: '99.99' }] });
    expect(res.status).toBe(400);
  });

  it('allocates a payment to the oldest instalments first', async () => {
    const res = await admin.post(`/api/v1/orders/${orderId}/payments`, { amount: '1500.00', receivedOn: '2026-02-10', method: 'T/T', reference: 'HSBC-001' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.instalments.map((i: { paid: string }) => i.paid)).toEqual(['1000.00', '500.00', '0.00', '0.00', '0.00']);
    expect(res.body).toMatchObject({ total: '10000.00', received: '1500.00', outstanding: '8500.00' });
    expect(res.body.payments[0].allocations).toHaveLength(2);
    expect((await admin.post(`/api/v1/orders/${orderId}/payments`, { amount: '8500.01' })).status).toBe(400);
    // Reps read what their customers owe but do not book money.
    expect((await repA.post(`/api/v1/orders/${orderId}/payments`, { amount: '1' })).status).toBe(403);
    expect((await repA.get(`/api/v1/orders/${orderId}/receivables`)).body.outstanding).toBe('8500.00');
    expect((await managerB.get(`/api/v1/orders/${orderId}/receivables`)).status).toBe(404);
  });

  it('ages what is owed into buckets as of a day', async () => {
    const res = await managerA.get('/api/v1/receivables/ageing?asOf=2026-04-01');
    expect(res.status).toBe(200);
    expect(res.body.rows[0]).toMatchObject({ d90plus: '0.00', d61_90: '0.00', d31_60: '4500.00', d0_30: '1500.00', notDue: '2500.00', outstanding: '8500.00' });
    const byAccount = await managerA.get('/api/v1/receivables/ageing?asOf=2026-04-01&groupBy=account');
    expect(byAccount.body.rows).toHaveLength(1);
    expect(byAccount.body.rows[0]).toMatchObject({ id: accountId, label: '青岛港航国际贸易有限公司', outstanding: '8500.00' });
    const later = await managerA.get('/api/v1/receivables/ageing?asOf=2026-05-15');
    expect(later.body.rows[0]).toMatchObject({ d90plus: '1500.00', d61_90: '3000.00', d31_60: '1500.00', d0_30: '2500.00', notDue: '0.00' });
    // Branch B sees only its own.
    const b = await managerB.get('/api/v1/receivables/ageing?asOf=2026-04-01');
    expect(b.body.rows[0].outstanding).toBe('777.00');
  });

  it('sums outstanding and overdue per rep and unit', async () => {
    const byRep = await admin.get('/api/v1/receivables?groupBy=owner&asOf=2026-04-01');
    expect(byRep.status).toBe(200);
    const rep = byRep.body.items.find((r: { id: string }) => r.id === t.company.people.repA.id);
    expect(rep).toMatchObject({ label: 'rep.a', outstanding: '8500.00', overdue: '4500.00', instalments: 4 });
    const byUnit = await admin.get('/api/v1/receivables?groupBy=unit&asOf=2026-04-01');
    expect(byUnit.body.items.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([t.company.salesA.id, t.company.branchB.id]));
  });

  it('shows the payment on the account timeline', async () => {
    const tl = await repA.get(`/api/v1/accounts/${accountId}/timeline`);
    expect(tl.body.items.some((e: { change?: { action: string } }) => e.change?.action === 'payment_received')).toBe(true);
  });
});
