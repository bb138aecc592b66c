import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';
import { dedupKeys } from './keys/dedup-keys.schema.ts';
import { backfillDedupKeys } from './keys/dedup-keys.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let repA: Client;
let repA2: Client;
let repB: Client;
let managerB: Client;
beforeAll(async () => {
  t = await setupTestApp();
  [repA, repA2, repB, managerB] = await Promise.all((['repA', 'repA2', 'repB', 'managerB'] as const).map((w) => t.as(w)));
});
afterAll(() => t.close());

const torchCode = '91310000132200821H';
let torchId: string;
const keysOf = async (id: string) =>
  (await t.db.select({ key: dedupKeys.key }).from(dedupKeys).where(and(eq(dedupKeys.tenantId, t.company.tenantId), eq(dedupKeys.accountId, id)))).map((k) => k.key);

describe('duplicate check', () => {
  it('keeps blocking keys in step with the account', async () => {
    const res = await repA.post('/api/v1/accounts', { name: '上海火炬润滑油有限公司', creditCode: torchCode, phones: ['021-6888 8888'] });
    expect(res.status).toBe(201);
    torchId = res.body.id;
    const keys = await keysOf(torchId);
    expect(keys).toEqual(expect.arrayContaining([`cc:${torchCode}`, 't:02168888888']));
    expect(keys.some((k) => k.startsWith('c:'))).toBe(true);
    const edited = await repA.patch(`/api/v1/accounts/${torchId}`, { version: res.body.version, phones: ['13800138000'] });
    expect(edited.status).toBe(200);
    const after = await keysOf(torchId);
    expect(after).toContain('t:13800138000');
    expect(after).not.toContain('t:02168888888');
  });

  it('finds a name variant across branches with owner and unit but no id outside scope', async () => {
    const res = await repB.post('/api/v1/accounts/duplicate-check', { name: '火炬润滑油(上海)有限责任公司' });
    expect(res.status).toBe(200);
    expect(res.body.candidates).toHaveLength(1);
    expect(res.body.candidates[0]).toMatchObject({
      id: null, name: '上海火炬润滑油有限公司', ownerName: 'rep.a', unitName: '销售一部', inPool: false, likelyDuplicate: true,
    });
    expect(res.body.candidates[0].score).toBeGreaterThanOrEqual(0.8);
    expect(res.body.candidates[0].reasons.length).toBeGreaterThan(0);
    expect(JSON.stringify(res.body)).not.toContain(torchId);
    const own = await repA.post('/api/v1/accounts/duplicate-check', { name: '火炬润滑油', phones: ['+86 138-0013-8000'] });
    expect(own.body.candidates[0]).toMatchObject({ id: torchId });
    expect(own.body.candidates[0].reasons.map((r: { kind: string }) => r.kind)).toContain('phone');
    const self = await repA.post('/api/v1/accounts/duplicate-check', { name: '上海火炬润滑油有限公司', excludeId: torchId });
    expect(self.body.candidates).toEqual([]);
    expect((await repB.post('/api/v1/accounts/duplicate-check', { name: '北京完全不同科技有限公司' })).body.candidates).toEqual([]);
  });

  it('first to register owns it: a second rep cannot create the same customer and learns who holds it', async () => {
    const res = await repB.post('/api/v1/accounts', { name: '火炬润滑油（上海）有限公司' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('duplicate_account');
    expect(res.body.error.message).toContain('rep.a');
    expect(res.body.error.details.candidates[0]).toMatchObject({ id: null, ownerName: 'rep.a', unitName: '销售一部' });
    expect(JSON.stringify(res.body)).not.toContain(torchId);
    // a colleague in the same unit is refused too; a manager may judge and create
    expect((await repA2.post('/api/v1/accounts', { name: '上海火炬润滑油有限责任公司' })).status).toBe(409);
    expect((await managerB.post('/api/v1/accounts', { name: '火炬润滑油(上海)有限公司' })).status).toBe(201);
  });

  it('shows a risk flag on the duplicate warning', async () => {
    expect((await repA.post(`/api/v1/accounts/${torchId}/risk-flags`, { kind: 'fraud', reason: '伪造付款凭证' })).status).toBe(201);
    const res = await repB.post('/api/v1/accounts/duplicate-check', { name: '上海火炬润滑油有限公司' });
    const torch = res.body.candidates.find((c: { name: string }) => c.name === '上海火炬润滑油有限公司');
    expect(torch.riskWarnings).toEqual([expect.objectContaining({ kind: 'fraud', reason: '伪造付款凭证', flaggingUnitName: '销售一部' })]);
  });

  it('backfills keys for accounts written without the hook', async () => {
    await t.db.delete(dedupKeys).where(and(eq(dedupKeys.tenantId, t.company.tenantId), eq(dedupKeys.accountId, torchId)));
    expect(await keysOf(torchId)).toEqual([]);
    expect(await backfillDedupKeys(t.db, t.company.tenantId)).toBe(1);
    expect(await keysOf(torchId)).toContain(`cc:${torchCode}`);
  });
});
