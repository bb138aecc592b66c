import { desc } from 'drizzle-orm';
import { registerRecordType } from '../../platform/access/records.ts';
import { restoreOrder } from './orders.commands.ts';
import { findOrder, orderScope } from './orders.queries.ts';
import { orders } from './orders.schema.ts';

registerRecordType({
  type: 'order',
  findVisible: async (ctx, id, opts) => {
    const o = await findOrder(ctx.readDb, ctx.principal, id, opts);
    return o && { id: o.id, label: o.number };
  },
  listDeleted: (ctx, limit) =>
    ctx.readDb
      .select({ id: orders.id, label: orders.number, deletedAt: orders.deletedAt, deletedBy: orders.deletedBy })
      .from(orders)
      .where(orderScope(ctx.principal, { onlyDeleted: true }))
      .orderBy(desc(orders.deletedAt))
      .limit(limit) as Promise<{ id: string; label: string; deletedAt: Date; deletedBy: string | null }[]>,
  restore: restoreOrder,
});
