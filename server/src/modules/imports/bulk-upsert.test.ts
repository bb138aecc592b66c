import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/factories.ts';
import { accounts } from '../accounts/accounts.schema.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
beforeAll(async () => {
  t = await setupTestApp();
});
afterAll(async () => t?.close());

describe('bulk upsert by external id', () => {
  it('creates unknown ids, updates known ones, and keeps ids per source', async () => {
    const admin = await t.as('admin');
    const first = await admin.post('/api/v1/accounts/bulk-upsert', {
      source: 'sap', rows: [
        { externalId: 'C-1', name: 'ERP同步一号有限公司', phones: ['13800000001'] },
        { externalId: 'C-2', name: 'ERP同步二号有限公司', tier: 'A' },
        { externalId: 'C-3', name: 'ERP同步三号有限公司', creditCode: '91310000MA1FL8XQ3X' },
      ],
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 2, updated: 0 });
    expect(first.body.items[2]).toMatchObject({ outcome: 'error' });

    const second = await admin.post('/api/v1/accounts/bulk-upsert', {
      source: 'sap', rows: [{ externalId: 'C-1', name: 'ERP同步一号（改名）有限公司', industry: '化工' }, { externalId: 'C-4', name: 'ERP同步四号有限公司' }],
    });
    expect(second.body).toMatchObject({ created: 1, updated: 1 });
    expect(second.body.items[0].id).toBe(first.body.items[0].id);
    const [one] = await t.db.select().from(accounts).where(and(eq(accounts.tenantId, t.company.tenantId), eq(accounts.id, first.body.items[0].id)));
    expect(one).toMatchObject({ name: 'ERP同步一号（改名）有限公司', industry: '化工', phones: ['13800000001'], version: 2, externalSource: 'sap', externalId: 'C-1' });

    const other = await admin.post('/api/v1/accounts/bulk-upsert', { source: 'oracle', rows: [{ externalId: 'C-1', name: 'ERP同步其他系统有限公司' }] });
    expect(other.body).toMatchObject({ created: 1, updated: 0 });
  });

  it('needs the import right, and does not touch records outside the caller scope', async () => {
    const rep = await t.as('repA');
    expect((await rep.post('/api/v1/accounts/bulk-upsert', { rows: [{ externalId: 'x', name: 'x' }] })).status).toBe(403);
    const managerB = await t.as('managerB');
    const res = await managerB.post('/api/v1/accounts/bulk-upsert', { source: 'sap', rows: [{ externalId: 'C-2', name: '越权修改' }] });
    expect(res.body.items[0]).toMatchObject({ outcome: 'error', reason: 'not found' });
  });
});
