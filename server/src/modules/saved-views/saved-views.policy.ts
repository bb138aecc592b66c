import { hasCapability, type Principal } from '../../platform/access/principal.ts';
import type { savedViews } from './saved-views.schema.ts';

export const MANAGE_SHARED_VIEWS = 'views.manage_shared';

type View = Pick<typeof savedViews.$inferSelect, 'ownerId' | 'sharing'>;

/**
 * Who may change a saved view, as rules. Who may see one is a query condition (visibleWhere in
 * saved-views.queries.ts): a view shared with a unit is seen by everyone at or below that unit.
 */
export const viewRules = {
  edit: (p: Principal, v: View) => v.ownerId === p.userId || (v.sharing !== 'personal' && hasCapability(p, MANAGE_SHARED_VIEWS)),
  /** a view for the whole company is curated, not something any rep publishes */
  shareWithAll: (p: Principal) => hasCapability(p, MANAGE_SHARED_VIEWS),
};
