import { listDeletedRows, registerRecordType } from '../../platform/access/records.ts';
import { restoreLead } from './leads.commands.ts';
import { findLead, leadScope } from './leads.queries.ts';
import { leads } from './leads.schema.ts';

registerRecordType({
  type: 'lead',
  findVisible: async (ctx, id, opts) => {
    const l = await findLead(ctx.readDb, ctx.principal, id, opts);
    return l && { id: l.id, label: l.name };
  },
  listDeleted: (ctx, limit) => listDeletedRows(ctx, leads, leads.name, leadScope(ctx.principal, { onlyDeleted: true }), limit),
  restore: restoreLead,
});
