import { and, desc, eq, inArray } from 'drizzle-orm';
import { maskChanges } from '../../platform/access/fields.ts';
import { auditEvents } from '../../platform/audit/audit.table.ts';
import { utcMicros } from '../../platform/db/time-key.ts';
import { users } from '../org/org.schema.ts';
import { timelineChangeSchema } from '../timeline/changes.source.ts';
import { beforePosition, registerTimelineSource } from '../timeline/timeline.sources.ts';
import { orderScope } from './orders.queries.ts';
import { orders } from './orders.schema.ts';

// Where a request came from is for the audit log's readers, not for everyone who sees the account.
const privateContext = new Set(['requestId', 'ip']);

/**
 * What happened to the account's orders that the caller may see: signed, changed, each milestone
 * done or reopened, each payment received. They are the orders' audit events, shown as changes.
 */
registerTimelineSource({
  name: 'orders',
  key: 'change',
  types: ['change'],
  schema: timelineChangeSchema,
  async page(ctx, accountId, { before, limit }) {
    const p = ctx.principal;
    const visible = ctx.readDb.select({ id: orders.id }).from(orders).where(and(orderScope(p), eq(orders.accountId, accountId)));
    const rows = await ctx.readDb
      .select({ e: auditEvents, actorName: users.name, sortAt: utcMicros(auditEvents.occurredAt).as('sort_at') })
      .from(auditEvents)
      .leftJoin(users, and(eq(users.tenantId, auditEvents.tenantId), eq(users.id, auditEvents.actorUserId)))
      .where(and(
        eq(auditEvents.tenantId, p.tenantId),
        eq(auditEvents.objectType, 'order'),
        inArray(auditEvents.objectId, visible),
        beforePosition(auditEvents.occurredAt, auditEvents.id, before),
      ))
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(limit);
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
