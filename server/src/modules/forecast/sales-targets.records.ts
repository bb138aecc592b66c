import { registerRecordType } from '../../platform/access/records.ts';
import { getSalesTarget } from './sales-targets.queries.ts';

// A target's history (who changed the amount when) is read like any record's.
registerRecordType({
  type: 'sales_target',
  findVisible: async (ctx, id) => {
    const t = await getSalesTarget(ctx.readDb, ctx.principal, id).catch(() => null);
    return t && { id: t.id, label: `${t.userName ?? t.unitName ?? ''} ${t.period} ${t.periodStart}` };
  },
});
