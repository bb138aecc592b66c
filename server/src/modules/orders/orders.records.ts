import { listDeletedRows, registerRecordType } from '../../platform/access/records.ts';
import { restoreOrder } from './orders.commands.ts';
import { findOrder, orderScope } from './orders.queries.ts';
import { orders } from './orders.schema.ts';

registerRecordType({
  type: 'order',
  findVisible: async (ctx, id, opts) => {
    const o = await findOrder(ctx.readDb, ctx.principal, id, opts);
    return o && { id: o.id, label: o.number };
  },
  listDeleted: (ctx, limit) => listDeletedRows(ctx, orders, orders.number, orderScope(ctx.principal, { onlyDeleted: true }), limit),
  restore: restoreOrder,
});
