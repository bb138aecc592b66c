import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, setupTestApp, signIn, type Client } from '../../../test/factories.ts';
import { addDays, dueDates } from './execution-plan.ts';
import { lineAmounts, totals } from './money.ts';
import { today } from './orders.queries.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
let managerA: Client;
let repA: Client;
let repA2: Client;
let exec: Client;
let accountId: string;
const productIds: string[] = [];

beforeAll(async () => {
  t = await setupTestApp();
  await makeUser(t.db, t.company.tenantId, t.company.headOfficeId, 'exec', 'order_execution');
  [admin, managerA, repA, repA2] = await Promise.all([t.as('admin'), t.as('managerA'), t.as('repA'), t.as('repA2')]);
  exec = await signIn(t.app, 'exec', t.company.slug);
  for (const [code, price] of [['LUB-001', '100.00'], ['LUB-002', '33.33']]) {
    const res = await admin.post('/api/v1/products', { code, name: `润滑油 ${code}`, unit: '桶', listPrice: price, taxRate: '13' });
    expect(res.status).toBe(201);
    productIds.push(res.body.id);
  }
  // The account belongs to repA2; the order to repA: both must hear of the execution.
  const account = await managerA.post('/api/v1/accounts', { name: '宁波远洋进出口有限公司', ownerId: t.company.people.repA2.id });
  expect(account.status, JSON.stringify(account.body)).toBe(201);
  accountId = account.body.id;
});
afterAll(() => t.close());

describe('money', () => {
  it('computes lines exactly, rounding half up to cents', () => {
    expect(lineAmounts({ quantity: '3', unitPrice: '33.33', discountPct: '0', taxRate: '13' })).toEqual({ amount: '99.99', taxAmount: '13.00' });
    expect(lineAmounts({ quantity: '1.5', unitPrice: '0.05', discountPct: '10', taxRate: '0' })).toEqual({ amount: '0.07', taxAmount: '0.00' });
    expect(totals([{ amount: '0.10', taxAmount: '0.01' }, { amount: '0.20', taxAmount: '0.03' }])).toEqual({ subtotal: '0.30', taxAmount: '0.04', total: '0.34' });
  });

  it('computes due dates from dependencies, taking the latest prerequisite', () => {
    const due = dueDates([
      { key: 'a', durationDays: 3, dependsOn: [] },
      { key: 'b', durationDays: 10, dependsOn: ['a'] },
      { key: 'c', durationDays: 2, dependsOn: [] },
      { key: 'd', durationDays: 1, dependsOn: ['b', 'c'] },
    ], '2026-01-30');
    expect(Object.fromEntries(due)).toEqual({ a: '2026-02-02', b: '2026-02-12', c: '2026-02-01', d: '2026-02-13' });
    expect(() => dueDates([{ key: 'a', durationDays: 1, dependsOn: ['b'] }, { key: 'b', durationDays: 1, dependsOn: ['a'] }], '2026-01-01')).toThrow();
  });
});

describe('orders', () => {
  let orderId: string;
  let order: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response body

  it('creates an order with a readable number, exact totals, the export plan and a payment plan', async () => {
    const res = await managerA.post('/api/v1/orders', {
      accountId,
      ownerId: t.company.people.repA.id,
      signedOn: '2026-03-01',
      currency: 'CNY',
      paymentTerms: '30% T/T in advance, 70% against B/L copy',
      lines: [
        { productId: productIds[0], quantity: '10', discountPct: '5' },
        { productId: productIds[1], quantity: '3' },
      ],
    });
    expect(res.status).toBe(201);
    order = res.body;
    orderId = order.id;
    expect(order.number).toMatch(/^SO-2026-\d{6}$/);
    expect(order.lines.map((l: { amount: string }) => l.amount)).toEqual(['950.00', '99.99']);
    expect(order).toMatchObject({ subtotal: '1049.99', taxAmount: '136.50', total: '1186.49', ownerId: t.company.people.repA.id, accountName: '宁波远洋进出口有限公司' });
    const due = Object.fromEntries(order.milestones.map((m: { key: string; dueOn: string }) => [m.key, m.dueOn]));
    expect(order.milestones).toHaveLength(8);
    expect(due).toMatchObject({
      payment_confirmed: '2026-03-04',
      purchase_contract_reviewed: '2026-03-09',
      packing_list_made: '2026-03-19',
      space_booked: '2026-03-22',
      bill_of_lading_issued: '2026-03-29',
      goods_arrived: '2026-04-28',
      payment_collected: '2026-04-13',
      tax_rebate_confirmed: '2026-06-12',
    });
    const second = await managerA.post('/api/v1/orders', { accountId, signedOn: '2026-03-02', lines: [{ description: '运费', quantity: '1', unitPrice: '500' }] });
    expect(second.status).toBe(201);
    expect(Number(second.body.number.slice(-6))).toBe(Number(order.number.slice(-6)) + 1);
  });

  it('keeps orders in the data scope: the owner and their manager see it, another rep does not', async () => {
    expect((await repA.get(`/api/v1/orders/${orderId}`)).status).toBe(200);
    expect((await repA2.get(`/api/v1/orders/${orderId}`)).status).toBe(404);
    const list = await repA.get('/api/v1/orders');
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([orderId]);
  });

  it('finds the order by its number in the search box', async () => {
    const res = await managerA.get(`/api/v1/search?q=${order.number.slice(-6)}`);
    expect(res.status).toBe(200);
    expect(res.body.items.some((h: { type: string; id: string }) => h.type === 'order' && h.id === orderId)).toBe(true);
  });

  it('lets execution staff complete a milestone; both owners are notified and the account timeline shows it', async () => {
    const m = order.milestones[0];
    const res = await exec.patch(`/api/v1/orders/${orderId}/milestones/${m.id}`, { version: m.version, done: true, doneOn: '2026-03-10', note: '收到 30% 预付款' });
    expect(res.status).toBe(200);
    const after = Object.fromEntries(res.body.milestones.map((x: { key: string }) => [x.key, x]));
    expect(after.payment_confirmed).toMatchObject({ doneOn: '2026-03-10', note: '收到 30% 预付款', doneByName: 'exec' });
    // Done a week late: what follows moves with it.
    expect(after.purchase_contract_reviewed.dueOn).toBe('2026-03-15');
    expect(after.tax_rebate_confirmed.dueOn).toBe('2026-06-18');
    for (const who of [repA, repA2]) {
      const n = await who.get('/api/v1/notifications');
      expect(n.body.items.find((x: { kind: string }) => x.kind === 'order_milestone')).toMatchObject({ link: { type: 'order', id: orderId } });
      expect(n.body.items[0].title).toContain(order.number);
    }
    expect((await managerA.get('/api/v1/notifications')).body.items.some((x: { kind: string }) => x.kind === 'order_milestone')).toBe(false);
    // The account's owner hears of it; the timeline shows it to those who see the order (its owner's manager here).
    const timeline = await managerA.get(`/api/v1/accounts/${accountId}/timeline`);
    expect(timeline.status).toBe(200);
    const entry = timeline.body.items.find((e: { change?: { action: string } }) => e.change?.action === 'milestone_done');
    expect(entry.change).toMatchObject({ objectType: 'order', objectId: orderId, actorName: 'exec' });
    expect(timeline.body.items.some((e: { change?: { action: string; objectId: string } }) => e.change?.action === 'create' && e.change.objectId === orderId)).toBe(true);
  });

  it('refuses milestone updates to a sales rep and on a stale version', async () => {
    const m = order.milestones[1];
    expect((await repA.patch(`/api/v1/orders/${orderId}/milestones/${m.id}`, { version: m.version, done: true })).status).toBe(403);
    expect((await exec.patch(`/api/v1/orders/${orderId}/milestones/${m.id}`, { version: m.version + 5, done: true })).status).toBe(409);
  });

  it('lists due and overdue milestones in the work queue, by due date', async () => {
    const old = await managerA.post('/api/v1/orders', { accountId, signedOn: addDays(today(), -20), lines: [{ productId: productIds[0], quantity: '1' }] });
    expect(old.status).toBe(201);
    // With nothing done yet, the whole plan moves by the ten days.
    const fresh = await managerA.post('/api/v1/orders', { accountId, lines: [{ productId: productIds[0], quantity: '2' }] });
    const queue = await exec.get('/api/v1/order-work-queue?dueWithinDays=7');
    expect(queue.status).toBe(200);
    const keys = queue.body.items.map((i: { orderNumber: string; key: string }) => `${i.orderNumber}:${i.key}`);
    expect(keys).toContain(`${old.body.number}:payment_confirmed`);
    expect(keys).toContain(`${fresh.body.number}:payment_confirmed`);
    expect(keys).not.toContain(`${fresh.body.number}:space_booked`);
    const dues = queue.body.items.map((i: { dueOn: string }) => i.dueOn);
    expect(dues).toEqual([...dues].sort());
    expect(queue.body.items[0]).toMatchObject({ overdue: true, accountName: '宁波远洋进出口有限公司' });
    const overdue = await managerA.get('/api/v1/order-milestones/overdue');
    expect(overdue.body.items.length).toBeGreaterThan(0);
    expect(overdue.body.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const flagged = await managerA.get('/api/v1/orders?overdue=true');
    expect(flagged.body.items.map((o: { id: string }) => o.id)).toContain(old.body.id);
    expect(flagged.body.items.map((o: { id: string }) => o.id)).not.toContain(fresh.body.id);
    // A sales rep's queue is empty: no milestone is theirs to do.
    expect((await repA.get('/api/v1/order-work-queue')).body.items).toHaveLength(0);
  });

  it('audits changes and lets an administrator reshape the plan template', async () => {
    const res = await repA.patch(`/api/v1/orders/${orderId}`, { version: (await repA.get(`/api/v1/orders/${orderId}`)).body.version, deliveryTo: '2026-05-30' });
    expect(res.status).toBe(200);
    const history = await admin.get(`/api/v1/history/order/${orderId}`);
    expect(history.status).toBe(200);
    const types = await admin.get('/api/v1/order-types');
    expect(types.status, JSON.stringify(types.body)).toBe(200);
    expect(types.body.items[0]).toMatchObject({ code: 'export', isDefault: true });
    expect(types.body.items[0].milestones).toHaveLength(8);
    const cyclic = [
      { key: 'a', name: '甲', durationDays: 1, dependsOn: ['b'] },
      { key: 'b', name: '乙', durationDays: 1, dependsOn: ['a'] },
    ];
    expect((await admin.post('/api/v1/order-types', { code: 'domestic', name: '内贸订单', milestones: cyclic })).status).toBe(400);
    expect((await managerA.post('/api/v1/order-types', { code: 'domestic', name: '内贸订单', milestones: cyclic })).status).toBe(403);
    const saved = await admin.post('/api/v1/order-types', {
      code: 'domestic', name: '内贸订单', milestones: [
        { key: 'signed', name: '合同签订', durationDays: 0 },
        { key: 'shipped', name: '发货', durationDays: 5, dependsOn: ['signed'], responsibleRole: 'order_execution' },
      ],
    });
    expect(saved.status).toBe(200);
    const domestic = await managerA.post('/api/v1/orders', { accountId, orderTypeId: saved.body.id, signedOn: '2026-05-01', lines: [{ productId: productIds[0], quantity: '1' }] });
    expect(domestic.body.milestones.map((m: { key: string; dueOn: string }) => `${m.key}:${m.dueOn}`)).toEqual(['signed:2026-05-01', 'shipped:2026-05-06']);
  });

  it('edits the header: status, delivery, terms and note by the owner; reassigning needs the assign right; all audited', async () => {
    const before = (await repA.get(`/api/v1/orders/${orderId}`)).body;
    const edited = await repA.patch(`/api/v1/orders/${orderId}`, {
      version: before.version, paymentTerms: '30% T/T 预付，70% 见提单复印件付款', deliveryFrom: '2026-03-01', deliveryTo: '2026-06-30', note: '客户要求分批发货', title: '2026 第一批',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ paymentTerms: '30% T/T 预付，70% 见提单复印件付款', deliveryFrom: '2026-03-01', deliveryTo: '2026-06-30', title: '2026 第一批', version: before.version + 1 });
    // A rep may not hand the order to someone else; their manager may, and the instalments follow.
    expect((await repA.patch(`/api/v1/orders/${orderId}`, { version: edited.body.version, ownerId: t.company.people.repA2.id })).status).toBe(403);
    const moved = await managerA.patch(`/api/v1/orders/${orderId}`, { version: edited.body.version, ownerId: t.company.people.repA2.id, status: 'completed' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ ownerId: t.company.people.repA2.id, status: 'completed' });
    expect((await repA2.get(`/api/v1/orders/${orderId}`)).status).toBe(200);
    const byRep = await admin.get('/api/v1/receivables?groupBy=owner');
    expect(byRep.body.items.map((r: { id: string }) => r.id)).toContain(t.company.people.repA2.id);
    const events = await admin.get(`/api/v1/audit-events?objectId=${orderId}`);
    const update = events.body.items.find((e: { action: string; changes: Record<string, unknown> | null }) => e.action === 'update' && e.changes?.ownerId);
    expect(update.changes).toMatchObject({ ownerId: [t.company.people.repA.id, t.company.people.repA2.id], status: ['active', 'completed'] });
    // A stale version changes nothing.
    expect((await managerA.patch(`/api/v1/orders/${orderId}`, { version: edited.body.version, note: 'x' })).status).toBe(409);
  });

  it('turns a won deal quoted as one sum into an order of one line; a lost deal cannot become one', async () => {
    const deal = await repA2.post('/api/v1/opportunities', { name: '宁波远洋 年度包干', accountId, amount: '50000.00' });
    expect(deal.status, JSON.stringify(deal.body)).toBe(201);
    const pipeline = (await repA2.get('/api/v1/pipelines')).body.items.find((x: { id: string }) => x.id === deal.body.pipelineId);
    const won = pipeline.stages.find((st: { kind: string }) => st.kind === 'won');
    expect((await repA2.post(`/api/v1/opportunities/${deal.body.id}/move`, { version: deal.body.version, stageId: won.id, closeReason: '价格' })).status).toBe(200);
    const order = await repA2.post('/api/v1/orders', { accountId, opportunityId: deal.body.id });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect(order.body).toMatchObject({ opportunityId: deal.body.id, total: '50000.00' });
    expect(order.body.lines).toEqual([expect.objectContaining({ description: '宁波远洋 年度包干', unitPrice: '50000.00', amount: '50000.00' })]);
    expect(Number(order.body.lines[0].quantity)).toBe(1);
    const lostDeal = (await repA2.post('/api/v1/opportunities', { name: '宁波远洋 备选', accountId, amount: '9000.00' })).body;
    const lost = pipeline.stages.find((st: { kind: string }) => st.kind === 'lost');
    expect((await repA2.post(`/api/v1/opportunities/${lostDeal.id}/move`, { version: lostDeal.version, stageId: lost.id, closeReason: '价格高' })).status).toBe(200);
    expect((await repA2.post('/api/v1/orders', { accountId, opportunityId: lostDeal.id })).status).toBe(400);
  });

  it('a corrected signing day moves the open milestones with it; done ones keep their dates', async () => {
    const created = await managerA.post('/api/v1/orders', { accountId, signedOn: '2026-05-01', lines: [{ productId: productIds[0], quantity: '2' }] });
    expect(created.status).toBe(201);
    const first = created.body.milestones[0];
    const done = await exec.patch(`/api/v1/orders/${created.body.id}/milestones/${first.id}`, { version: first.version, done: true, doneOn: '2026-05-03' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const before = done.body;
    const moved = await managerA.patch(`/api/v1/orders/${created.body.id}`, { version: before.version, signedOn: '2026-04-21' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.signedOn).toBe('2026-04-21');
    const due = (o: { milestones: { key: string; dueOn: string }[] }) => Object.fromEntries(o.milestones.map((m) => [m.key, m.dueOn]));
    // The done first step keeps its date and the steps after it still count from when it was done.
    expect(due(moved.body).payment_confirmed).toBe(due(before).payment_confirmed);
    expect(due(moved.body).purchase_contract_reviewed).toBe(due(before).purchase_contract_reviewed);
    const events = await admin.get(`/api/v1/audit-events?objectId=${created.body.id}`);
    expect(events.body.items.find((e: { action: string }) => e.action === 'update').changes.signedOn).toEqual(['2026-05-01', '2026-04-21']);
    // With nothing done yet, the whole plan moves ten days earlier.
    const fresh = await managerA.post('/api/v1/orders', { accountId, signedOn: '2026-05-01', lines: [{ productId: productIds[0], quantity: '1' }] });
    const shifted = await managerA.patch(`/api/v1/orders/${fresh.body.id}`, { version: fresh.body.version, signedOn: '2026-04-21' });
    expect(Object.values(due(shifted.body))).toEqual(Object.values(due(fresh.body)).map((d) => addDays(d, -10)));
  });
});
