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

  it('edits the plan after money came in: paid instalments stay, at least as large; new ones are added, unpaid ones dropped', async () => {
    const before = (await managerA.get(`/api/v1/orders/${orderId}/receivables`)).body;
    const [i1, i2, i3, i4, i5] = before.instalments as { id: string; amount: string }[];
    // Dropping the paid first instalment, or cutting the half-paid second below 500, is refused.
    const put = (instalments: unknown[]) => t.app.inject({ method: 'PUT', url: `/api/v1/orders/${orderId}/payment-plan`, headers: { cookie: managerA.cookie, 'x-csrf-token': managerA.csrf }, payload: { instalments } });
    const noFirst = await put([{ id: i2!.id, dueOn: '2026-01-31', amount: '3000' }, { id: i3!.id, dueOn: '2026-03-01', amount: '3000' }, { id: i4!.id, dueOn: '2026-04-01', amount: '1500' }, { id: i5!.id, dueOn: '2026-05-01', amount: '2500' }]);
    expect(noFirst.statusCode).toBe(400);
    const cut = await put([{ id: i1!.id, dueOn: '2025-12-31', amount: '1000' }, { id: i2!.id, dueOn: '2026-01-31', amount: '400' }, { dueOn: '2026-06-30', amount: '8600' }]);
    expect(cut.statusCode).toBe(400);
    expect((await put([{ id: i1!.id, dueOn: '2025-12-31', amount: '1000' }])).statusCode).toBe(400);
    // Another branch does not find the order.
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/orders/${orderId}/payment-plan`, headers: { cookie: managerB.cookie, 'x-csrf-token': managerB.csrf }, payload: { instalments: [{ dueOn: '2026-01-01', amount: '10000' }] } })).statusCode).toBe(404);
    // Keep 1 and 2 (2 moved and reduced to what it got), merge 3-5 into two new instalments.
    const ok = await put([
      { id: i2!.id, dueOn: '2026-02-15', amount: '500', note: '已部分收款' },
      { id: i1!.id, dueOn: '2025-12-31', amount: '1000' },
      { dueOn: '2026-06-30', amount: '4000' },
      { dueOn: '2026-09-30', amount: '4500' },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    const plan = ok.json();
    expect(plan.instalments.map((i: { seq: number; dueOn: string; amount: string; paid: string }) => [i.seq, i.dueOn, i.amount, i.paid])).toEqual([
      [1, '2025-12-31', '1000.00', '1000.00'], [2, '2026-02-15', '500.00', '500.00'], [3, '2026-06-30', '4000.00', '0.00'], [4, '2026-09-30', '4500.00', '0.00'],
    ]);
    expect(plan.instalments.map((i: { id: string }) => i.id).slice(0, 2)).toEqual([i1!.id, i2!.id]);
    expect(plan).toMatchObject({ planned: '10000.00', received: '1500.00', outstanding: '8500.00' });
    const events = await admin.get(`/api/v1/audit-events?objectId=${orderId}`);
    expect(events.body.items.find((e: { action: string }) => e.action === 'payment_plan').changes.instalments[1]).toContain('2026-09-30 4500.00');
  });

  it('reverses a payment: the instalments owe it again, the reason is audited and on the timeline; only those allowed to', async () => {
    const second = await admin.post(`/api/v1/orders/${orderId}/payments`, { amount: '2000.00', receivedOn: '2026-07-01', reference: 'DUP-002' });
    expect(second.status).toBe(201);
    expect(second.body.received).toBe('3500.00');
    const paymentId = second.body.payments.find((x: { reference: string }) => x.reference === 'DUP-002').id as string;
    expect(second.body.permissions.reversePayment).toBe(true);
    expect((await managerA.get(`/api/v1/orders/${orderId}/receivables`)).body.permissions.reversePayment).toBe(false);
    expect((await managerA.post(`/api/v1/orders/${orderId}/payments/${paymentId}/reverse`, { reason: '重复登记' })).status).toBe(403);
    expect((await admin.post(`/api/v1/orders/${orderId}/payments/${paymentId}/reverse`, {})).status).toBe(400);
    const res = await admin.post(`/api/v1/orders/${orderId}/payments/${paymentId}/reverse`, { reason: '重复登记' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ received: '1500.00', outstanding: '8500.00' });
    expect(res.body.payments.map((x: { id: string }) => x.id)).not.toContain(paymentId);
    expect(res.body.instalments.map((i: { paid: string }) => i.paid)).toEqual(['1000.00', '500.00', '0.00', '0.00']);
    expect((await admin.post(`/api/v1/orders/${orderId}/payments/${paymentId}/reverse`, { reason: 'again' })).status).toBe(404);
    const tl = await repA.get(`/api/v1/accounts/${accountId}/timeline`);
    const entry = tl.body.items.find((e: { change?: { action: string } }) => e.change?.action === 'payment_reversed');
    expect(entry.change.context).toMatchObject({ reason: '重复登记', paymentId });
    // The ageing report no longer counts it as received.
    expect((await managerA.get('/api/v1/receivables/ageing?asOf=2026-04-01')).body.rows[0].outstanding).toBe('8500.00');
  });
});
