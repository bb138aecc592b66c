import { desc } from 'drizzle-orm';
import { registerRecordType } from '../../platform/access/records.ts';
import { restoreOpportunity } from './opportunities.commands.ts';
import { findOpportunity, opportunityScope } from './opportunities.queries.ts';
import { opportunities } from './opportunities.schema.ts';

registerRecordType({
  type: 'opportunity',
  findVisible: async (ctx, id, opts) => {
    const o = await findOpportunity(ctx.readDb, ctx.principal, id, opts);
    return o && { id: o.id, label: o.name };
  },
  listDeleted: (ctx, limit) =>
    ctx.readDb
      .select({ id: opportunities.id, label: opportunities.name, deletedAt: opportunities.deletedAt, deletedBy: opportunities.deletedBy })
      .from(opportunities)
      .where(opportunityScope(ctx.principal, { onlyDeleted: true }))
      .orderBy(desc(opportunities.deletedAt))
      .limit(limit) as Promise<{ id: string; label: string; deletedAt: Date; deletedBy: string | null }[]>,
  restore: restoreOpportunity,
});
