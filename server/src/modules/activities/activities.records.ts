import { listDeletedRows, registerRecordType } from '../../platform/access/records.ts';
import { restoreActivity } from './activities.commands.ts';
import { activityScope, findActivity } from './activities.queries.ts';
import { activities } from './activities.schema.ts';

registerRecordType({
  type: 'activity',
  findVisible: async (ctx, id, opts) => {
    const a = await findActivity(ctx.readDb, ctx.principal, id, opts);
    return a && { id: a.id, label: a.subject };
  },
  listDeleted: (ctx, limit) => listDeletedRows(ctx, activities, activities.subject, activityScope(ctx.principal, { onlyDeleted: true }), limit),
  restore: restoreActivity,
});
