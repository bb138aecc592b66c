import { listDeletedRows, registerRecordType } from '../../platform/access/records.ts';
import { restoreOpportunity } from './opportunities.commands.ts';
import { findOpportunity, opportunityScope } from './opportunities.queries.ts';
import { opportunities } from './opportunities.schema.ts';

registerRecordType({
  type: 'opportunity',
  findVisible: async (ctx, id, opts) => {
    const o = await findOpportunity(ctx.readDb, ctx.principal, id, opts);
    return o && { id: o.id, label: o.name };
  },
  listDeleted: (ctx, limit) => listDeletedRows(ctx, opportunities, opportunities.name, opportunityScope(ctx.principal, { onlyDeleted: true }), limit),
  restore: restoreOpportunity,
});
