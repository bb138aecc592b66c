import { desc } from 'drizzle-orm';
import { registerRecordType } from '../../platform/access/records.ts';
import { restoreActivity } from './activities.commands.ts';
import { activityScope, findActivity } from './activities.queries.ts';
import { activities } from './activities.schema.ts';

registerRecordType({
  type: 'activity',
  findVisible: async (ctx, id, opts) => {
    const a = await findActivity(ctx.readDb, ctx.principal, id, opts);
    return a && { id: a.id, label: a.subject };
  },
  listDeleted: (ctx, limit) =>
    ctx.readDb
      .select({ id: activities.id, label: activities.subject, deletedAt: activities.deletedAt, deletedBy: activities.deletedBy })
      .from(activities)
      .where(activityScope(ctx.principal, { onlyDeleted: true }))
      .orderBy(desc(activities.deletedAt))
      .limit(limit) as Promise<{ id: string; label: string; deletedAt: Date; deletedBy: string | null }[]>,
  restore: restoreActivity,
});
