import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../factories.ts';

/**
 * A user of branch B must not learn that branch A's records exist: 404 on get/update/delete (or 403
 * where their role lacks the action altogether, decided before any record is loaded), and absent
 * from every list. Each record type adds a case here as it is built.
 */
let t: Awaited<ReturnType<typeof setupTestApp>>;
let managerB: Client;
let admin: Client;
beforeAll(async () => {
  t = await setupTestApp();
  managerB = await t.as('managerB');
  admin = await t.as('admin');
});
afterAll(() => t.close());

// Orders, quotes and their plans share one branch-A session: sign-ins are rate limited.
let managerASession: Client | undefined;
const managerAOnce = async () => (managerASession ??= await t.as('managerA'));

interface LeakCase {
  type: string;
  /** creates a record in branch A as its admin/manager and returns its id */
  create(): Promise<string>;
  url: (id: string) => string;
  patch: (id: string) => Promise<Record<string, unknown>>;
  listUrl: string;
}

const cases: LeakCase[] = [
  {
    type: 'user',
    create: async () => t.company.people.repA.id,
    url: (id) => `/api/v1/users/${id}`,
    patch: async (id) => ({ version: (await admin.get(`/api/v1/users/${id}`)).body.version, title: 'leaked' }),
    listUrl: '/api/v1/users?limit=500',
  },
  {
    type: 'org_unit',
    create: async () => t.company.salesA.id,
    url: (id) => `/api/v1/org-units/${id}`,
    patch: async (id) => ({ version: (await admin.get(`/api/v1/org-units/${id}`)).body.version, name: 'leaked' }),
    listUrl: '/api/v1/org-units',
  },
  {
    type: 'account',
    // Branch B gets an account of its own first, so that B's list is not empty by accident.
    create: async () => {
      await managerB.post('/api/v1/accounts', { name: '北京本地客户' });
      return (await (await t.as('managerA')).post('/api/v1/accounts', { name: '上海泄漏测试客户', phones: ['13800138001'] })).body.id;
    },
    url: (id) => `/api/v1/accounts/${id}`,
    patch: async (id) => ({ version: (await admin.get(`/api/v1/accounts/${id}`)).body.version, name: 'leaked' }),
    listUrl: '/api/v1/accounts?limit=500',
  },
  {
    type: 'contact',
    create: async () => {
      await managerB.post('/api/v1/contacts', { name: '北京本地联系人' });
      return (await (await t.as('managerA')).post('/api/v1/contacts', { name: '上海泄漏测试联系人', phones: ['13900139001'] })).body.id;
    },
    url: (id) => `/api/v1/contacts/${id}`,
    patch: async (id) => ({ version: (await admin.get(`/api/v1/contacts/${id}`)).body.version, name: 'leaked' }),
    listUrl: '/api/v1/contacts?limit=500',
  },
  {
    type: 'activity',
    create: async () => {
      await managerB.post('/api/v1/activities', { kind: 'note', subject: '北京本地跟进' });
      const managerA = await t.as('managerA');
      const task = { kind: 'task', subject: '上海泄漏测试任务', dueAt: new Date().toISOString(), assigneeId: t.company.people.repA.id };
      return (await managerA.post('/api/v1/activities', task)).body.id;
    },
    url: (id) => `/api/v1/activities/${id}`,
    patch: async (id) => ({ version: (await admin.get(`/api/v1/activities/${id}`)).body.version, subject: 'leaked' }),
    listUrl: '/api/v1/activities?limit=500',
  },
  {
    type: 'opportunity',
    create: async () => {
      const accountB = (await managerB.post('/api/v1/accounts', { name: '北京商机客户' })).body.id;
      await managerB.post('/api/v1/opportunities', { name: '北京本地商机', accountId: accountB });
      const managerA = await t.as('managerA');
      const accountA = (await managerA.post('/api/v1/accounts', { name: '上海商机泄漏测试客户' })).body.id;
      return (await managerA.post('/api/v1/opportunities', { name: '上海泄漏测试商机', accountId: accountA, amount: 1000 })).body.id;
    },
    url: (id) => `/api/v1/opportunities/${id}`,
    patch: async (id) => ({ version: (await admin.get(`/api/v1/opportunities/${id}`)).body.version, name: 'leaked' }),
    listUrl: '/api/v1/opportunities?limit=500',
  },
  {
    type: 'lead',
    create: async () => {
      await managerB.post('/api/v1/leads', { name: '北京本地线索' });
      return (await (await t.as('managerA')).post('/api/v1/leads', { name: '上海泄漏测试线索', phones: ['13700137001'] })).body.id;
    },
    url: (id) => `/api/v1/leads/${id}`,
    patch: async (id) => ({ version: (await admin.get(`/api/v1/leads/${id}`)).body.version, name: 'leaked' }),
    listUrl: '/api/v1/leads?limit=500',
  },
  {
    type: 'sales_target',
    create: async () => {
      await managerB.post('/api/v1/sales-targets', { userId: t.company.people.repB.id, period: 'month', periodStart: '2027-01-01', amount: 1 });
      const managerA = await t.as('managerA');
      return (await managerA.post('/api/v1/sales-targets', { userId: t.company.people.repA.id, period: 'month', periodStart: '2027-01-01', amount: 1000 })).body.id;
    },
    url: (id) => `/api/v1/sales-targets/${id}`,
    patch: async (id) => ({ version: (await admin.get(`/api/v1/sales-targets/${id}`)).body.version, note: 'leaked' }),
    listUrl: '/api/v1/sales-targets',
  },
  {
    type: 'order',
    create: async () => {
      const accountB = (await managerB.post('/api/v1/accounts', { name: '北京订单客户' })).body.id;
      await managerB.post('/api/v1/orders', { accountId: accountB, lines: [{ description: '北京本地订单', quantity: '1', unitPrice: '10' }] });
      const managerA = await managerAOnce();
      const accountA = (await managerA.post('/api/v1/accounts', { name: '上海订单泄漏测试客户' })).body.id;
      return (await managerA.post('/api/v1/orders', { accountId: accountA, lines: [{ description: '上海泄漏测试订单', quantity: '2', unitPrice: '500' }] })).body.id;
    },
    url: (id) => `/api/v1/orders/${id}`,
    patch: async (id) => ({ version: (await admin.get(`/api/v1/orders/${id}`)).body.version, title: 'leaked' }),
    listUrl: '/api/v1/orders?limit=500',
  },
  {
    type: 'quote',
    create: async () => {
      const accountB = (await managerB.post('/api/v1/accounts', { name: '北京报价客户' })).body.id;
      await managerB.post('/api/v1/quotes', { accountId: accountB, lines: [{ description: '北京本地报价', quantity: '1', unitPrice: '10' }] });
      const managerA = await managerAOnce();
      const accountA = (await managerA.post('/api/v1/accounts', { name: '上海报价泄漏测试客户' })).body.id;
      return (await managerA.post('/api/v1/quotes', { accountId: accountA, lines: [{ description: '上海泄漏测试报价', quantity: '1', unitPrice: '99' }] })).body.id;
    },
    url: (id) => `/api/v1/quotes/${id}`,
    patch: async (id) => ({ version: (await admin.get(`/api/v1/quotes/${id}`)).body.version, title: 'leaked' }),
    listUrl: '/api/v1/quotes?limit=500',
  },
];

describe.each(cases)('$type of branch A seen from branch B', (c) => {
  let id: string;
  beforeAll(async () => {
    id = await c.create();
  });

  it('is 404 on get, update and delete', async () => {
    expect((await admin.get(c.url(id))).status).toBe(200);
    expect((await managerB.get(c.url(id))).status).toBe(404);
    expect([403, 404]).toContain((await managerB.patch(c.url(id), await c.patch(id))).status);
    expect([403, 404]).toContain((await managerB.delete(c.url(id))).status);
    const unchanged = await admin.get(c.url(id));
    expect(JSON.stringify(unchanged.body)).not.toContain('leaked');
  });

  it('is absent from lists, and from its history', async () => {
    const list = await managerB.get(c.listUrl);
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await managerB.get(`/api/v1/history/${c.type}/${id}`)).status).toBe(404);
  });
});

describe('execution plan and receivables of a branch-A order seen from branch B', () => {
  it('reveal nothing and change nothing', async () => {
    const managerA = await managerAOnce();
    const accountA = (await managerA.post('/api/v1/accounts', { name: '上海执行泄漏测试客户' })).body.id;
    const order = (await managerA.post('/api/v1/orders', { accountId: accountA, lines: [{ description: '执行泄漏测试', quantity: '1', unitPrice: '888' }] })).body;
    const m = order.milestones[0];
    expect((await managerB.patch(`/api/v1/orders/${order.id}/milestones/${m.id}`, { version: m.version, done: true })).status).toBe(404);
    expect((await managerB.get(`/api/v1/orders/${order.id}/receivables`)).status).toBe(404);
    expect([403, 404]).toContain((await managerB.post(`/api/v1/orders/${order.id}/payments`, { amount: '1' })).status);
    const queue = await managerB.get('/api/v1/order-work-queue?scope=all&dueWithinDays=365');
    expect(JSON.stringify(queue.body)).not.toContain(order.id);
    const overdue = await managerB.get('/api/v1/order-milestones/overdue');
    expect(JSON.stringify(overdue.body)).not.toContain(order.id);
    const ageing = await managerB.get('/api/v1/receivables?groupBy=order');
    expect(JSON.stringify(ageing.body)).not.toContain(order.id);
    const home = await managerB.get('/api/v1/home?largeOrderAmount=1');
    expect(JSON.stringify(home.body)).not.toContain(order.id);
    expect((await managerB.get(`/api/v1/search?q=${order.number}`)).body.items.map((h: { id: string }) => h.id)).not.toContain(order.id);
    expect((await admin.get(`/api/v1/orders/${order.id}`)).body.milestones[0].doneAt).toBeNull();
  });
});

describe('branch B manager', () => {
  it('is 404 (not 403) on update of a branch-A user, where the role does allow updates', async () => {
    const res = await managerB.patch(`/api/v1/users/${t.company.people.repA.id}`, { version: 1, title: 'x' });
    expect(res.status).toBe(404);
  });
});

describe('public pool, owner history, risk flags and duplicate candidates of branch A seen from branch B', () => {
  it('reveal nothing that identifies or changes the account', async () => {
    const managerA = await t.as('managerA');
    const repB = await t.as('repB');
    const id = (await managerA.post('/api/v1/accounts', { name: '上海公海泄漏测试物流有限公司' })).body.id as string;
    const flag = await managerA.post(`/api/v1/accounts/${id}/risk-flags`, { kind: 'malicious', reason: '泄漏测试原因' });
    expect(flag.status).toBe(201);
    expect((await managerA.post(`/api/v1/accounts/${id}/release`, {})).status).toBe(204);
    expect((await managerA.get('/api/v1/pool')).body.items.map((r: { id: string }) => r.id)).toContain(id);
    for (const who of [managerB, repB]) {
      const pool = await who.get('/api/v1/pool?limit=500');
      expect(pool.status).toBe(200);
      expect(pool.body.items.map((r: { id: string }) => r.id)).not.toContain(id);
      expect((await who.post(`/api/v1/pool/${id}/claim`)).status).toBe(404);
      expect([403, 404]).toContain((await who.post(`/api/v1/pool/${id}/assign`, { userId: t.company.people.repB.id })).status);
      expect((await who.get(`/api/v1/accounts/${id}/owner-history`)).status).toBe(404);
      expect((await who.get(`/api/v1/accounts/${id}/risk-flags`)).status).toBe(404);
      expect([403, 404]).toContain((await who.post(`/api/v1/accounts/${id}/risk-flags`, { kind: 'fraud', reason: '泄漏' })).status);
      expect((await who.post(`/api/v1/risk-flags/${flag.body.id}/clear`)).status).toBe(403);
      const dup = await who.post('/api/v1/accounts/duplicate-check', { name: '公海泄漏测试物流(上海)有限公司' });
      expect(dup.body.candidates.length).toBeGreaterThan(0);
      expect(JSON.stringify(dup.body)).not.toContain(id);
      const warning = await who.get(`/api/v1/risk-flags/lookup?q=${encodeURIComponent('公海泄漏测试')}`);
      expect(warning.body.items).toHaveLength(1);
      expect(JSON.stringify(warning.body)).not.toContain(id);
    }
    expect((await managerB.post('/api/v1/pool/transfer', { fromUserId: t.company.people.managerA.id, toUserId: t.company.people.repB.id })).status).toBe(404);
  });
});

describe('account merges of branch A seen from branch B', () => {
  it('are absent from the list, 404 on get and undo, and the merged account does not say where it went', async () => {
    const managerA = await t.as('managerA');
    const a = (await managerA.post('/api/v1/accounts', { name: '上海合并泄漏测试有限公司' })).body;
    const b = (await managerA.post('/api/v1/accounts', { name: '上海合并泄漏测试' })).body;
    const own = [(await managerB.post('/api/v1/accounts', { name: '北京合并本地客户' })).body, (await managerB.post('/api/v1/accounts', { name: '北京合并本地客户二' })).body];
    const mine = await managerB.post('/api/v1/accounts/merge', { survivor: { id: own[0].id, version: own[0].version }, merged: [{ id: own[1].id, version: own[1].version }] });
    expect(mine.status).toBe(200);
    const merged = await managerA.post('/api/v1/accounts/merge', { survivor: { id: a.id, version: a.version }, merged: [{ id: b.id, version: b.version }] });
    expect(merged.status).toBe(200);
    const list = await managerB.get('/api/v1/account-merges');
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([mine.body.mergeId]);
    expect((await managerB.get(`/api/v1/account-merges/${merged.body.mergeId}`)).status).toBe(404);
    expect((await managerB.post(`/api/v1/account-merges/${merged.body.mergeId}/undo`)).status).toBe(404);
    const gone = await managerB.get(`/api/v1/accounts/${b.id}`);
    expect(gone.body.error.code).toBe('not_found');
    expect(JSON.stringify(gone.body)).not.toContain(a.id);
    expect((await admin.get(`/api/v1/account-merges/${merged.body.mergeId}`)).body.undoneAt).toBeNull();
  });
});

describe('imports and exports of branch A seen from branch B', () => {
  it('an import is 404 to anyone but its importer, and an export holds only the caller’s records', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { useFileStore } = await import('../../src/platform/files/current-file-store.ts');
    const { DiskFileStore } = await import('../../src/platform/files/disk-file-store.ts');
    const dir = await mkdtemp(join(tmpdir(), 'kehu-leak-imports-'));
    useFileStore(new DiskFileStore(dir));
    try {
      const managerA = await managerAOnce();
      const up = await t.app.inject({
        method: 'PUT', url: '/api/v1/imports?target=accounts&fileName=a.csv',
        headers: { cookie: managerA.cookie, 'x-csrf-token': managerA.csrf, 'content-type': 'text/csv' },
        payload: Buffer.from('客户名称\n上海导入泄漏测试有限公司\n'),
      });
      expect(up.statusCode).toBe(201);
      const id = up.json().id as string;
      expect((await managerB.get(`/api/v1/imports/${id}`)).status).toBe(404);
      expect((await managerB.post(`/api/v1/imports/${id}/preview`, {})).status).toBe(404);
      expect((await managerB.post(`/api/v1/imports/${id}/run`, {})).status).toBe(404);
      expect((await managerB.get(`/api/v1/imports/${id}/errors`)).status).toBe(404);
      expect((await managerB.get('/api/v1/imports')).body.items).toEqual([]);

      await managerA.post('/api/v1/accounts', { name: '上海导出泄漏测试有限公司' });
      await managerB.post('/api/v1/accounts', { name: '北京导出本地客户' });
      const exported = await t.app.inject({ method: 'GET', url: '/api/v1/exports/accounts?format=csv&columns=name', headers: { cookie: managerB.cookie } });
      expect(exported.statusCode).toBe(200);
      expect(exported.body).toContain('北京导出本地客户');
      expect(exported.body).not.toContain('上海');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('webhook subscriptions and their deliveries seen from branch B', () => {
  it('are company-wide admin settings: 403 to a branch manager, whatever the branch', async () => {
    const hook = await admin.post('/api/v1/webhooks', { name: '泄漏测试推送', url: 'https://erp.example.com/hooks', events: ['*'], active: false });
    expect(hook.status).toBe(201);
    const id = hook.body.webhook.id as string;
    for (const res of [
      await managerB.get('/api/v1/webhooks'),
      await managerB.get(`/api/v1/webhooks/${id}`),
      await managerB.patch(`/api/v1/webhooks/${id}`, { version: 1, url: 'https://leaked.example.com/' }),
      await managerB.get(`/api/v1/webhooks/${id}/deliveries`),
      await managerB.post(`/api/v1/webhooks/${id}/rotate-secret`, { version: 1 }),
    ]) expect(res.status).toBe(403);
    expect((await admin.get(`/api/v1/webhooks/${id}`)).body.url).toBe('https://erp.example.com/hooks');
  });
});
