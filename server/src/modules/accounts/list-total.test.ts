import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/factories.ts';
import { accounts } from './accounts.schema.ts';
import { listTotal } from './list-total.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
beforeAll(async () => {
  t = await setupTestApp();
  const admin = await t.as('admin');
  for (let i = 0; i < 6; i++) expect((await admin.post('/api/v1/accounts', { name: `计数客户${i}`, tier: i < 4 ? 'A' : 'B' })).status).toBe(201);
});
afterAll(() => t.close());

describe('listTotal', () => {
  const inTenant = () => eq(accounts.tenantId, t.company.tenantId);

  it('is exact up to the cap', async () => {
    expect(await listTotal(t.db, accounts, inTenant())).toEqual({ value: 6, exact: true });
    expect(await listTotal(t.db, accounts, and(inTenant(), eq(accounts.tier, 'A')), 4)).toEqual({ value: 4, exact: true });
  });

  it("beyond the cap it is the planner's estimate, never below cap + 1", async () => {
    const total = await listTotal(t.db, accounts, inTenant(), 3);
    expect(total.exact).toBe(false);
    expect(total.value).toBeGreaterThanOrEqual(4);
  });
});
