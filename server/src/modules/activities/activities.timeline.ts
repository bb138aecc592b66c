import { and, desc, eq, inArray } from 'drizzle-orm';
import { utcMicros } from '../../platform/db/time-key.ts';
import { loadCustomFields } from '../custom-fields/index.ts';
import { beforePosition, registerTimelineSource } from '../timeline/timeline.sources.ts';
import { presentActivity } from './activities.presenter.ts';
import { activityScope, selectActivities, withParticipants } from './activities.queries.ts';
import { activities, activityKinds, type ActivityKind } from './activities.schema.ts';
import { activitySchema } from './activities.types.ts';

// The account's activities the caller may see (their own scope decides, as everywhere), at their time.
registerTimelineSource({
  name: 'activities',
  key: 'activity',
  types: activityKinds,
  schema: activitySchema,
  async page(ctx, accountId, { before, limit, types }) {
    const p = ctx.principal;
    const rows = await selectActivities(ctx.readDb, p, { sortAt: utcMicros(activities.at).as('sort_at') })
      .where(and(
        activityScope(p),
        eq(activities.accountId, accountId),
        inArray(activities.kind, types as ActivityKind[]),
        beforePosition(activities.at, activities.id, before),
      ))
      .orderBy(desc(activities.at), desc(activities.id))
      .limit(limit);
    if (!rows.length) return [];
    const [records, defs] = await Promise.all([withParticipants(ctx.readDb, p, rows), loadCustomFields(ctx.readDb, p.tenantId, 'activity')]);
    const now = new Date();
    return records.map(({ sortAt, ...record }) => ({ sortAt, id: record.id, type: record.kind, payload: presentActivity(p, record, defs, now) }));
  },
});
