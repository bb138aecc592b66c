import { desc } from 'drizzle-orm';
import { registerRecordType } from '../../platform/access/records.ts';
import { restoreLead } from './leads.commands.ts';
import { findLead, leadScope } from './leads.queries.ts';
import { leads } from './leads.schema.ts';

registerRecordType({
  type: 'lead',
  findVisible: async (ctx, id, opts) => {
    const l = await findLead(ctx.readDb, ctx.principal, id, opts);
    return l && { id: l.id, label: l.name };
  },
  listDeleted: (ctx, limit) =>
    ctx.readDb
      .select({ id: leads.id, label: leads.name, deletedAt: leads.deletedAt, deletedBy: leads.deletedBy })
      .from(leads)
      .where(leadScope(ctx.principal, { onlyDeleted: true }))
      .orderBy(desc(leads.deletedAt))
      .limit(limit) as Promise<{ id: string; label: string; deletedAt: Date; deletedBy: string | null }[]>,
  restore: restoreLead,
});
