import { and, eq } from 'drizzle-orm';
import { can } from '../../platform/access/principal.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/engine.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { createAccount } from '../accounts/accounts.commands.ts';
import { findAccount } from '../accounts/accounts.queries.ts';
import { createContact } from '../contacts/contacts.commands.ts';
import { findDuplicates } from '../dedup/check/duplicate-check.ts';
import { createOpportunity } from '../opportunities/opportunities.commands.ts';
import { getLead, readBackLead, type LeadRecord } from './leads.queries.ts';
import { leads } from './leads.schema.ts';
import type { ConvertLeadInput } from './leads.types.ts';

export interface ConvertResult {
  lead: LeadRecord;
  accountId: string;
  accountCreated: boolean;
  contactId: string | null;
  opportunityId: string | null;
}

/** The name a new account gets from a lead: its company, else the person (a private customer). */
export const accountNameOf = (lead: Pick<LeadRecord, 'companyName' | 'name'>, wanted?: string) => wanted ?? lead.companyName ?? lead.name;

/** Possible duplicates of the account a lead would become, across the tenant (see dedup/check). */
export function leadDuplicates(ctx: Ctx, lead: LeadRecord, accountName?: string) {
  return findDuplicates(ctx.db, ctx.principal, { name: accountNameOf(lead, accountName), phones: lead.phones, emails: lead.emails });
}

/**
 * A qualified lead becomes, in one transaction, an account (new, unless the user picked an existing
 * one — the duplicate check offers them), a contact at it and an opportunity. Each is created by its
 * own module's command, so each runs its checks (first-to-register, custom fields) and writes its
 * own audit event; the lead stays, marked converted with links to what it became, and its history
 * stays with it.
 */
export async function convertLead(ctx: Ctx, id: string, input: ConvertLeadInput): Promise<ConvertResult> {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const lead = await getLead(tx, p, id);
    if (lead.version !== input.version) throw new AppError('version_conflict');
    if (lead.status === 'converted') throw new AppError('lead_already_converted');
    // The modules' commands open their own transaction: inside this one that is a savepoint.
    const inner: Ctx = { ...ctx, db: tx as unknown as Db, readDb: tx as unknown as Db };
    const owner = { ownerId: lead.ownerId, unitId: lead.unitId };

    let accountId: string;
    let accountCreated = false;
    if (input.accountId) {
      if (!(await findAccount(tx, p, input.accountId))) throw notFound();
      accountId = input.accountId;
    } else {
      if (!can(p, 'account', 'create')) throw forbidden();
      const name = accountNameOf(lead, input.accountName);
      if (!input.ignoreDuplicates) {
        const likely = (await findDuplicates(tx, p, { name, phones: lead.phones, emails: lead.emails })).filter((c) => c.likelyDuplicate);
        if (likely.length) throw new AppError('possible_duplicate_account', { candidates: likely });
      }
      const account = await createAccount(inner, {
        name, kind: lead.companyName || input.accountName ? 'company' : 'person', phones: lead.phones, emails: lead.emails,
        address: lead.address, source: lead.source, ...owner,
      } as Parameters<typeof createAccount>[1]);
      accountId = account.id;
      accountCreated = true;
    }

    let contactId: string | null = null;
    if (input.createContact) {
      if (!can(p, 'contact', 'create')) throw forbidden();
      const contact = await createContact(inner, {
        name: lead.name, title: lead.title, phones: lead.phones, emails: lead.emails, accountId, ...owner,
      } as Parameters<typeof createContact>[1]);
      contactId = contact.id;
    }

    let opportunityId: string | null = null;
    if (input.createOpportunity) {
      if (!can(p, 'opportunity', 'create')) throw forbidden();
      const opp = await createOpportunity(inner, {
        name: input.opportunityName ?? accountNameOf(lead, input.accountName),
        accountId,
        currency: 'CNY',
        amount: input.amount ?? (lead.estimatedAmount !== null ? String(lead.estimatedAmount) : undefined),
        expectedCloseDate: input.expectedCloseDate,
        pipelineId: input.pipelineId,
        stageId: input.stageId,
        source: lead.source,
        latestFollowUp: lead.qualification,
        contacts: contactId ? [{ contactId, role: lead.title }] : undefined,
        ...owner,
      }, { leadId: lead.id });
      opportunityId = opp.id;
    }

    const now = new Date();
    await tx
      .update(leads)
      .set({
        status: 'converted', convertedAt: now, convertedBy: p.userId, convertedAccountId: accountId, convertedContactId: contactId,
        convertedOpportunityId: opportunityId, version: lead.version + 1, updatedAt: now, updatedBy: p.userId,
      })
      .where(and(eq(leads.tenantId, p.tenantId), eq(leads.id, id)));
    await audit(tx, ctx.actor, {
      action: 'convert', objectType: 'lead', objectId: id, objectLabel: lead.name,
      changes: {
        status: [lead.status, 'converted'],
        convertedAccountId: [null, accountId],
        convertedContactId: [null, contactId],
        convertedOpportunityId: [null, opportunityId],
      },
      context: { accountCreated },
    });
    return { lead: await readBackLead(tx, p, id), accountId, accountCreated, contactId, opportunityId };
  });
}
