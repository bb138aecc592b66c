import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { maskChanges } from '../../platform/access/fields.ts';
import { auditEvents } from '../../platform/audit/audit.table.ts';
import { utcMicros } from '../../platform/db/time-key.ts';
import { users } from '../org/org.schema.ts';
import { timelineChangeSchema } from '../timeline/changes.source.ts';
import { beforePosition, registerTimelineSource } from '../timeline/timeline.sources.ts';

// Where a request came from is for the audit log's readers (as in timeline/changes.source.ts).
const privateContext = new Set(['requestId', 'ip']);

/**
 * The history of accounts merged into this one (and of those merged into them) stays on their own
 * ids in the audit log, which is append-only; the survivor's timeline shows it beside its own.
 * Whoever sees the survivor sees what happened to the customer under its other records.
 */
registerTimelineSource({
  name: 'merged-account-changes',
  key: 'change',
  types: ['change'],
  schema: timelineChangeSchema,
  page: async (ctx, accountId, opts) => {
    const p = ctx.principal;
    const mergedIds = sql`(
      with recursive m(id) as (
        select id from accounts where tenant_id = ${p.tenantId} and merged_into_id = ${accountId}
        union
        select a.id from accounts a join m on a.merged_into_id = m.id where a.tenant_id = ${p.tenantId}
      ) select id from m)`;
    const rows = await ctx.readDb
      .select({ e: auditEvents, actorName: users.name, sortAt: utcMicros(auditEvents.occurredAt).as('sort_at') })
      .from(auditEvents)
      .leftJoin(users, and(eq(users.tenantId, auditEvents.tenantId), eq(users.id, auditEvents.actorUserId)))
      .where(and(
        eq(auditEvents.tenantId, p.tenantId),
        eq(auditEvents.objectType, 'account'),
        inArray(auditEvents.objectId, mergedIds),
        beforePosition(auditEvents.occurredAt, auditEvents.id, opts.before),
      ))
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
        context: e.context && Object.fromEntries(Object.entries(e.context).filter(([k]) => !privateContext.has(k))),
      },
    }));
  },
});
