import { registerObjectType } from '../../platform/access/permissions.ts';
import { registerCustomFieldTarget } from '../custom-fields/index.ts';
import { activities } from './activities.schema.ts';

const activityActions = ['read', 'create', 'update', 'delete', 'export', 'assign'] as const;

/**
 * Who may do what with follow-ups by default. Reps keep their own; service staff work their unit's
 * (a field engineer logs visits for the colleagues of their team); order execution reads them all.
 * Reassigning an activity (a task to another person) is the assign right.
 */
export const activityObject = registerObjectType({
  type: 'activity',
  label: { 'zh-CN': '跟进记录', 'en-US': 'Activity' },
  actions: activityActions,
  sensitiveFields: ['content', 'result', 'nextStep', 'locationAddress', 'locationLat', 'locationLng'],
  defaultGrants: {
    admin: { actions: [...activityActions], scope: 'all' },
    head_office: { actions: ['read', 'export'], scope: 'all' },
    branch_manager: { actions: [...activityActions], scope: 'subtree' },
    sales_rep: { actions: ['read', 'create', 'update', 'delete'], scope: 'own' },
    order_execution: { actions: ['read'], scope: 'all' },
    service: { actions: ['read', 'create', 'update'], scope: 'unit' },
  },
});

registerCustomFieldTarget({ objectType: 'activity', table: activities });
