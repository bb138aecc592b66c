import { and, eq, ne } from 'drizzle-orm';
import { can } from '../../platform/access/principal.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Executor } from '../../platform/db/engine.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import { findAccount, getAccount } from '../accounts/accounts.queries.ts';
import { contactScope } from './contacts.queries.ts';
import { accountContacts, contacts } from './contacts.schema.ts';

export interface LinkInput {
  contactId: string;
  role?: string | null;
  isPrimary: boolean;
}

async function visibleContact(tx: Executor, ctx: Ctx, contactId: string) {
  const [contact] = await tx.select({ id: contacts.id, name: contacts.name }).from(contacts).where(and(contactScope(ctx.principal), eq(contacts.id, contactId)));
  return contact ?? null;
}

/**
 * Links a contact to an account, or changes the role of an existing link. Both records must be in
 * the caller's scope. `field` names the input that pointed at the account when it is not found
 * (creating a contact with accountId answers 400 on that field, the link route 404).
 */
export async function linkContact(ctx: Ctx, tx: Executor, accountId: string, input: LinkInput, opts: { field?: string } = {}) {
  const p = ctx.principal;
  if (!can(p, 'account', 'update')) throw forbidden();
  const account = opts.field ? await findAccount(tx, p, accountId) : await getAccount(tx, p, accountId);
  if (!account) throw invalid(opts.field!, 'no such account in your scope');
  const contact = await visibleContact(tx, ctx, input.contactId);
  if (!contact) throw invalid('contactId', 'no such contact in your scope');
  if (input.isPrimary) {
    // One primary contact per account: the new one takes over.
    await tx
      .update(accountContacts)
      .set({ isPrimary: false })
      .where(and(eq(accountContacts.tenantId, p.tenantId), eq(accountContacts.accountId, accountId), ne(accountContacts.contactId, input.contactId)));
  }
  await tx
    .insert(accountContacts)
    .values({ tenantId: p.tenantId, accountId, contactId: input.contactId, role: input.role ?? null, isPrimary: input.isPrimary, createdBy: p.userId })
    .onConflictDoUpdate({
      target: [accountContacts.tenantId, accountContacts.accountId, accountContacts.contactId],
      set: { role: input.role ?? null, isPrimary: input.isPrimary },
    });
  const context = { accountId, contactId: input.contactId, role: input.role ?? null, isPrimary: input.isPrimary };
  await audit(tx, ctx.actor, [
    { action: 'link_contact', objectType: 'account', objectId: accountId, objectLabel: account.name, context: { ...context, contactName: contact.name } },
    { action: 'link_account', objectType: 'contact', objectId: input.contactId, objectLabel: contact.name, context: { ...context, accountName: account.name } },
  ]);
}

export async function linkContactToAccount(ctx: Ctx, accountId: string, input: LinkInput) {
  await ctx.db.transaction((tx) => linkContact(ctx, tx, accountId, input));
}

export async function unlinkContact(ctx: Ctx, accountId: string, contactId: string) {
  const p = ctx.principal;
  await ctx.db.transaction(async (tx) => {
    const account = await getAccount(tx, p, accountId);
    const contact = await visibleContact(tx, ctx, contactId);
    if (!contact) throw notFound();
    const removed = await tx
      .delete(accountContacts)
      .where(and(eq(accountContacts.tenantId, p.tenantId), eq(accountContacts.accountId, accountId), eq(accountContacts.contactId, contactId)))
      .returning({ contactId: accountContacts.contactId });
    if (!removed.length) throw notFound();
    const context = { accountId, contactId };
    await audit(tx, ctx.actor, [
      { action: 'unlink_contact', objectType: 'account', objectId: accountId, objectLabel: account.name, context: { ...context, contactName: contact.name } },
      { action: 'unlink_account', objectType: 'contact', objectId: contactId, objectLabel: contact.name, context: { ...context, accountName: account.name } },
    ]);
  });
}
