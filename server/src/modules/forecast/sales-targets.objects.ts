import { registerObjectType } from '../../platform/access/permissions.ts';

const targetActions = ['read', 'create', 'update', 'delete'] as const;

/**
 * Sales targets: head office sets them for every branch, a branch manager for their own reps and
 * units, a rep reads their own. A target's owner is its rep (none for a unit's target), its unit the
 * one it counts for.
 */
export const salesTargetObject = registerObjectType({
  type: 'sales_target',
  label: { 'zh-CN': '销售目标', 'en-US': 'Sales target' },
  actions: targetActions,
  defaultGrants: {
    admin: { actions: [...targetActions], scope: 'all' },
    head_office: { actions: [...targetActions], scope: 'all' },
    branch_manager: { actions: [...targetActions], scope: 'subtree' },
    sales_rep: { actions: ['read'], scope: 'own' },
  },
});
