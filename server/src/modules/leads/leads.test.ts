import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';
import { auditEvents } from '../../platform/audit/audit.table.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let repA: Client;
let repB: Client;
let managerA: Client;
beforeAll(async () => {
  t = await setupTestApp();
  [repA, repB, managerA] = await Promise.all([t.as('repA'), t.as('repB'), t.as('managerA')]);
});
afterAll(() => t.close());

const newLead = (c: Client, body: object) => c.post('/api/v1/leads', body);

describe('leads', () => {
  it('a rep records a lead from an exhibition; it is theirs and found by search, not by another branch', async () => {
    const res = await newLead(repA, { name: '王建国', companyName: '宁波明远国际货运代理有限公司', phones: ['138-1234-5678'], source: 'exhibition', sourceDetail: '2026 中国国际物流展', rating: 'hot' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'new', source: 'exhibition', phones: ['13812345678'], ownerId: t.company.people.repA.id, permissions: { convert: true } });
    const found = await repA.get(`/api/v1/search?q=${encodeURIComponent('明远国际')}`);
    expect(JSON.stringify(found.body)).toContain(res.body.id);
    expect(JSON.stringify((await repB.get(`/api/v1/search?q=${encodeURIComponent('明远国际')}`)).body)).not.toContain(res.body.id);
    expect((await repB.get(`/api/v1/leads/${res.body.id}`)).status).toBe(404);
    const list = await repA.get('/api/v1/leads?status=new&source=exhibition');
    expect(list.body.items.map((l: { id: string }) => l.id)).toEqual([res.body.id]);
  });

  it('converting makes an account, a contact and an opportunity in one step and keeps the lead, marked converted', async () => {
    const lead = (await newLead(repA, { name: '李娜', companyName: '青岛海丰国际物流有限公司', title: '采购经理', phones: ['13900001111'], source: 'website', estimatedAmount: 200000, qualification: '明年需要20条航线' })).body;
    const res = await repA.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version, expectedCloseDate: '2027-06-30' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.accountCreated).toBe(true);
    expect(res.body.lead).toMatchObject({
      status: 'converted', convertedAccount: { id: res.body.accountId, name: '青岛海丰国际物流有限公司' },
      convertedContact: { id: res.body.contactId, name: '李娜' }, convertedOpportunity: { id: res.body.opportunityId }, permissions: { update: false, convert: false },
    });
    const opp = (await repA.get(`/api/v1/opportunities/${res.body.opportunityId}`)).body;
    expect(opp).toMatchObject({ accountId: res.body.accountId, amount: '200000.00', source: 'website', leadId: lead.id, latestFollowUp: '明年需要20条航线', contacts: [{ id: res.body.contactId, role: '采购经理' }] });
    const contact = (await repA.get(`/api/v1/contacts/${res.body.contactId}`)).body;
    expect(contact.accounts.map((a: { accountId?: string; id?: string }) => a.accountId ?? a.id)).toContain(res.body.accountId);
    const again = await repA.post(`/api/v1/leads/${lead.id}/convert`, { version: res.body.lead.version });
    expect(again.status).toBe(409);
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, t.company.tenantId), eq(auditEvents.objectId, lead.id), eq(auditEvents.action, 'convert')));
    expect(events).toHaveLength(1);
  });

  it('a lead that is an existing customer is stopped by the duplicate check; the rep picks the existing account instead', async () => {
    const account = (await repA.post('/api/v1/accounts', { name: '上海火炬润滑油有限公司' })).body;
    const lead = (await newLead(repA, { name: '张伟', companyName: '火炬润滑油(上海)有限责任公司', source: 'referral' })).body;
    const check = await repA.post(`/api/v1/leads/${lead.id}/duplicate-check`, {});
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    expect(check.body.candidates[0]).toMatchObject({ id: account.id, likelyDuplicate: true });
    const blocked = await repA.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version });
    expect(blocked.status, JSON.stringify(blocked.body)).toBe(409);
    expect(blocked.body.error.code).toBe('possible_duplicate_account');
    expect(blocked.body.error.details.candidates[0].id).toBe(account.id);
    // Nothing was created by the refused attempt: the lead is unchanged.
    expect((await repA.get(`/api/v1/leads/${lead.id}`)).body).toMatchObject({ status: 'new', version: lead.version });
    const res = await repA.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version, accountId: account.id, createOpportunity: false });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ accountId: account.id, accountCreated: false, opportunityId: null });
    expect(res.body.contactId).not.toBeNull();
  });

  it("an account in another branch cannot be picked; another branch's lead cannot be converted", async () => {
    const other = (await repB.post('/api/v1/accounts', { name: '北京远洋运输' })).body;
    const lead = (await newLead(repA, { name: '赵六', companyName: '天津某公司', source: 'campaign' })).body;
    expect((await repA.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version, accountId: other.id })).status).toBe(404);
    expect((await repB.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version })).status).toBe(404);
  });

  it('a manager reassigns a lead within the branch; a rep may not', async () => {
    const lead = (await newLead(repA, { name: '钱七', source: 'other' })).body;
    expect((await repA.patch(`/api/v1/leads/${lead.id}`, { version: lead.version, ownerId: t.company.people.repA2.id })).status).toBe(403);
    const res = await managerA.patch(`/api/v1/leads/${lead.id}`, { version: lead.version, ownerId: t.company.people.repA2.id, status: 'contacted' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ ownerId: t.company.people.repA2.id, status: 'contacted' });
  });
});
