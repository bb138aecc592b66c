import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.ts';
import { setupTestApp, type Client } from '../../../test/factories.ts';
import { salesTargets } from '../forecast/sales-targets.schema.ts';
import { addDays } from '../orders/execution-plan.ts';
import { today } from '../orders/orders.queries.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let hq: Client;
let managerA: Client;
let managerB: Client;
let admin: Client;
const numbers: Record<string, string> = {};

async function order(who: Client, name: string, unitPrice: string, signedOn: string) {
  const accountId = (await who.post('/api/v1/accounts', { name })).body.id;
  const res = await who.post('/api/v1/orders', { accountId, signedOn, lines: [{ description: '集装箱运输', quantity: '1', unitPrice, taxRate: '0' }] });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  numbers[name] = res.body.number;
  return res.body;
}

beforeAll(async () => {
  t = await setupTestApp();
  [hq, managerA, managerB, admin] = await Promise.all([t.as('hq'), t.as('managerA'), t.as('managerB'), t.as('admin')]);
  const day = today();
  await order(managerA, '上海大额客户', '250000', addDays(day, -2));
  await order(managerA, '上海小额客户', '99999.99', day);
  await order(managerB, '北京大额客户', '120000', addDays(day, -9));
  await order(managerB, '北京旧大额客户', '500000', addDays(day, -40));
  await t.db.insert(salesTargets).values({
    tenantId: t.company.tenantId, id: newId(), unitId: t.company.branchA.id, period: 'month', periodStart: `${day.slice(0, 7)}-01`, amount: '1000000',
  });
});
afterAll(() => t.close());

const largeNumbers = (res: { body: { largeOrders: { number: string }[] } }) => res.body.largeOrders.map((o) => o.number).sort();

describe('management home', () => {
  it('shows head office every branch\'s large orders of the last 10 days', async () => {
    const res = await hq.get('/api/v1/home');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.largeOrderAmount).toBe('100000.00');
    expect(largeNumbers(res)).toEqual([numbers['上海大额客户'], numbers['北京大额客户']].sort());
    expect(res.body.largeOrders[0]).toMatchObject({ total: '250000.00', accountName: '上海大额客户' });
    expect(res.body.pipeline).toEqual(expect.any(Array));
  });

  it('shows a branch manager only their subtree, with bookings against their target', async () => {
    const res = await managerA.get('/api/v1/home');
    expect(largeNumbers(res)).toEqual([numbers['上海大额客户']]);
    const b = await managerB.get('/api/v1/home');
    expect(largeNumbers(b)).toEqual([numbers['北京大额客户']]);
    const thisMonth = today().slice(0, 7);
    const signedThisMonth = [addDays(today(), -2), today()].filter((d) => d.startsWith(thisMonth)).length;
    expect(res.body.month.bookingsCount).toBe(signedThisMonth);
    expect(res.body.month.target).toBe('1000000.00');
    expect(res.body.bookingsByMonth).toHaveLength(6);
    expect(res.body.bookingsByMonth[5].month).toBe(thisMonth);
  });

  it('takes the large-order amount from the sales settings', async () => {
    const settings = await admin.get('/api/v1/sales-settings');
    const changed = await admin.patch('/api/v1/sales-settings', { version: settings.body.version, largeOrderAmount: '99999.99' });
    expect(changed.status).toBe(200);
    const res = await managerA.get('/api/v1/home');
    expect(largeNumbers(res)).toEqual([numbers['上海大额客户'], numbers['上海小额客户']].sort());
    expect((await managerA.patch('/api/v1/sales-settings', { version: changed.body.version, largeOrderAmount: '1' })).status).toBe(403);
  });
});
