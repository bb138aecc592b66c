import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { AppError, notFound, type FieldIssue } from '../../platform/http/errors.ts';
import { findAccount } from '../accounts/accounts.queries.ts';
import { contactScope } from '../contacts/contacts.queries.ts';
import { contacts } from '../contacts/contacts.schema.ts';
import { opportunityScope } from '../opportunities/opportunities.queries.ts';
import { opportunities } from '../opportunities/opportunities.schema.ts';
import { users } from '../org/org.schema.ts';

export interface Links {
  accountId: string | null;
  contactId: string | null;
  opportunityId?: string | null;
  participantUserIds: string[];
  participantContactIds: string[];
}

const added = (next: string[], before: string[] = []) => next.filter((id) => !before.includes(id));

/**
 * The records an activity points at must be ones the writer may see. An account or contact outside
 * the writer's scope is a 404, exactly like opening it — the answer does not tell whether it exists.
 * Participants are checked when added, so ones that have since left the writer's scope stay put.
 */
export async function assertLinks(tx: Executor, p: Principal, next: Links, before?: Links): Promise<void> {
  if (next.accountId && next.accountId !== before?.accountId && !(await findAccount(tx, p, next.accountId))) throw notFound();
  if (next.contactId && next.contactId !== before?.contactId) {
    const [contact] = await tx.select({ id: contacts.id }).from(contacts).where(and(contactScope(p), eq(contacts.id, next.contactId)));
    if (!contact) throw notFound();
  }
  if (next.opportunityId && next.opportunityId !== before?.opportunityId) {
    const [opp] = await tx.select({ id: opportunities.id }).from(opportunities).where(and(opportunityScope(p), eq(opportunities.id, next.opportunityId)));
    if (!opp) throw notFound();
  }
  const issues: FieldIssue[] = [];
  const newUsers = added(next.participantUserIds, before?.participantUserIds);
  if (newUsers.length) {
    const found = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, p.tenantId), inArray(users.id, newUsers), isNull(users.deletedAt)));
    if (found.length !== newUsers.length) issues.push({ field: 'participantUserIds', reason: 'no such user' });
  }
  const newContacts = added(next.participantContactIds, before?.participantContactIds);
  if (newContacts.length) {
    const found = await tx.select({ id: contacts.id }).from(contacts).where(and(contactScope(p), inArray(contacts.id, newContacts)));
    if (found.length !== newContacts.length) issues.push({ field: 'participantContactIds', reason: 'no such contact in your scope' });
  }
  if (issues.length) throw new AppError('validation_failed', {}, issues);
}
