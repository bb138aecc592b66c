import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let admin: Client;
let repA: Client;
let repA2: Client;
let repB: Client;
let managerA: Client;
let managerB: Client;
let hq: Client;
beforeAll(async () => {
  t = await setupTestApp();
  [admin, repA, repA2, repB, managerA, managerB, hq] = await Promise.all(
    (['admin', 'repA', 'repA2', 'repB', 'managerA', 'managerB', 'hq'] as const).map((w) => t.as(w)),
  );
});
afterAll(() => t.close());

const code = '91310000132200821H';
let accountId: string;
let flagId: string;

describe('risk flags', () => {
  it('a rep flags their customer; reps without update on it cannot', async () => {
    const created = await repA.post('/api/v1/accounts', { name: '上海恶意拖欠贸易有限公司', creditCode: code, phones: ['13911112222'] });
    expect(created.status).toBe(201);
    accountId = created.body.id;
    expect((await repB.post(`/api/v1/accounts/${accountId}/risk-flags`, { kind: 'fraud', reason: '试图' })).status).toBe(404);
    expect((await hq.post(`/api/v1/accounts/${accountId}/risk-flags`, { kind: 'fraud', reason: '只读角色' })).status).toBe(403);
    const res = await repA.post(`/api/v1/accounts/${accountId}/risk-flags`, { kind: 'bad_debt', reason: '拖欠货款 30 万元超过一年' });
    expect(res.status).toBe(201);
    flagId = res.body.id;
    const list = await repA.get(`/api/v1/accounts/${accountId}/risk-flags`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ kind: 'bad_debt', flaggedBy: t.company.people.repA.id, unitName: '销售一部', canClear: false });
  });

  it('another branch searching the name or the credit code sees the warning, not the account', async () => {
    expect((await repB.get(`/api/v1/accounts/${accountId}`)).status).toBe(404);
    for (const q of ['恶意拖欠', code, 'shanghai']) {
      const res = await repB.get(`/api/v1/risk-flags/lookup?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(res.body.items, q).toEqual([{
        flagId, name: '上海恶意拖欠贸易有限公司', creditCode: code, kind: 'bad_debt', reason: '拖欠货款 30 万元超过一年',
        flaggedAt: expect.any(String), flaggingUnitName: '销售一部',
      }]);
      expect(JSON.stringify(res.body)).not.toContain(accountId);
    }
    const search = await repB.get(`/api/v1/search?q=${encodeURIComponent('恶意拖欠')}`);
    expect(search.status).toBe(200);
    expect(search.body.items).toEqual([expect.objectContaining({ type: 'risk_flag', id: flagId, title: '上海恶意拖欠贸易有限公司', rank: 0 })]);
    expect(search.body.items[0].subtitle).toContain('拖欠货款');
    expect(JSON.stringify(search.body)).not.toContain(accountId);
  });

  it('a phone number does not find a flagged account outside one\'s scope', async () => {
    expect((await repB.get('/api/v1/risk-flags/lookup?q=13911112222')).body.items).toEqual([]);
  });

  it('only the flagging unit\'s manager or an admin clears it', async () => {
    expect((await repA2.post(`/api/v1/risk-flags/${flagId}/clear`)).status).toBe(403);
    expect((await managerB.post(`/api/v1/risk-flags/${flagId}/clear`)).status).toBe(403);
    expect((await hq.post(`/api/v1/risk-flags/${flagId}/clear`)).status).toBe(403);
    expect((await managerA.get(`/api/v1/accounts/${accountId}/risk-flags`)).body.items[0].canClear).toBe(true);
    expect((await managerA.post(`/api/v1/risk-flags/${flagId}/clear`)).status).toBe(204);
    expect((await managerA.post(`/api/v1/risk-flags/${flagId}/clear`)).status).toBe(409);
    expect((await repB.get(`/api/v1/risk-flags/lookup?q=${code}`)).body.items).toEqual([]);
    const again = await repA.post(`/api/v1/accounts/${accountId}/risk-flags`, { kind: 'malicious', reason: '恶意投诉' });
    expect((await admin.post(`/api/v1/risk-flags/${again.body.id}/clear`)).status).toBe(204);
    const events = await admin.get(`/api/v1/audit-events?objectId=${accountId}`);
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['risk_flag', 'risk_flag_clear']));
  });
});
