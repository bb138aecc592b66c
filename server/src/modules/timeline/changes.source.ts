import { and, desc, eq, inArray, notInArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { maskChanges } from '../../platform/access/fields.ts';
import { auditEvents } from '../../platform/audit/audit.table.ts';
import { utcMicros } from '../../platform/db/time-key.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { contactScope } from '../contacts/contacts.queries.ts';
import { accountContacts, contacts } from '../contacts/contacts.schema.ts';
import { users } from '../org/org.schema.ts';
import { beforePosition, registerTimelineSource, type TimelineEntry, type TimelinePosition } from './timeline.sources.ts';

export const timelineChangeSchema = z
  .object({
    action: z.string().describe('create, update, delete, restore, assign, link_contact, …'),
    objectType: z.string().describe("'account', or 'contact' for a change of one of its contacts"),
    objectId: z.uuid().nullable(),
    objectLabel: z.string().nullable(),
    actorUserId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable().describe('[before, after] by field, masked like the record'),
    context: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'TimelineChange' });

// Where a request came from is for the audit log's readers, not for everyone who sees the account.
const privateContext = new Set(['requestId', 'ip']);
const publicContext = (context: Record<string, unknown> | null) =>
  context && Object.fromEntries(Object.entries(context).filter(([k]) => !privateContext.has(k)));

/** One page of audit events matching `which`, presented as timeline entries of type 'change'. */
async function changesPage(ctx: Ctx, which: SQL, opts: { before?: TimelinePosition; limit: number }): Promise<TimelineEntry[]> {
  const p = ctx.principal;
  const rows = await ctx.readDb
    .select({ e: auditEvents, actorName: users.name, sortAt: utcMicros(auditEvents.occurredAt).as('sort_at') })
    .from(auditEvents)
    .leftJoin(users, and(eq(users.tenantId, auditEvents.tenantId), eq(users.id, auditEvents.actorUserId)))
    .where(and(eq(auditEvents.tenantId, p.tenantId), which, beforePosition(auditEvents.occurredAt, auditEvents.id, opts.before)))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(opts.limit);
  return rows.map(({ e, actorName, sortAt }) => ({
    sortAt,
    id: e.id,
    type: 'change',
    payload: {
      action: e.action,
      objectType: e.objectType,
      objectId: e.objectId,
      objectLabel: e.objectLabel,
      actorUserId: e.actorUserId,
      actorName,
      changes: maskChanges(p, e.objectType, e.changes),
      context: publicContext(e.context),
    },
  }));
}

registerTimelineSource({
  name: 'account-changes',
  key: 'change',
  types: ['change'],
  schema: timelineChangeSchema,
  page: (ctx, accountId, opts) => changesPage(ctx, and(eq(auditEvents.objectType, 'account'), eq(auditEvents.objectId, accountId))!, opts),
});

// Changes of the account's contacts that the caller may see. Linking and unlinking are recorded on
// both records; the account's own event tells it, so the contact's copy is left out.
registerTimelineSource({
  name: 'contact-changes',
  key: 'change',
  types: ['change'],
  schema: timelineChangeSchema,
  page: (ctx, accountId, opts) => {
    const p = ctx.principal;
    const linked = ctx.readDb
      .select({ id: accountContacts.contactId })
      .from(accountContacts)
      .innerJoin(contacts, and(eq(contacts.tenantId, accountContacts.tenantId), eq(contacts.id, accountContacts.contactId)))
      .where(and(eq(accountContacts.tenantId, p.tenantId), eq(accountContacts.accountId, accountId), contactScope(p)));
    return changesPage(ctx, and(
      eq(auditEvents.objectType, 'contact'),
      inArray(auditEvents.objectId, linked),
      notInArray(auditEvents.action, ['link_account', 'unlink_account']),
    )!, opts);
  },
});
