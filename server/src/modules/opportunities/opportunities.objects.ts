import { registerObjectType } from '../../platform/access/permissions.ts';
import { registerCustomFieldTarget } from '../custom-fields/index.ts';
import { opportunities } from './opportunities.schema.ts';

const opportunityActions = ['read', 'create', 'update', 'delete', 'export', 'assign'] as const;

/**
 * Deals belong to their rep and branch like accounts do. Head office sees every important deal in
 * every branch (seed 000); order execution reads them to turn won deals into orders.
 */
export const opportunityObject = registerObjectType({
  type: 'opportunity',
  label: { 'zh-CN': '商机', 'en-US': 'Opportunity' },
  actions: opportunityActions,
  sensitiveFields: ['amount', 'currentProblems'],
  defaultGrants: {
    admin: { actions: [...opportunityActions], scope: 'all' },
    head_office: { actions: ['read', 'export'], scope: 'all' },
    branch_manager: { actions: [...opportunityActions], scope: 'subtree' },
    sales_rep: { actions: ['read', 'create', 'update'], scope: 'own' },
    order_execution: { actions: ['read'], scope: 'all' },
  },
});

registerCustomFieldTarget({ objectType: 'opportunity', table: opportunities });
