import { registerObjectType } from '../../platform/access/permissions.ts';

const quoteActions = ['read', 'create', 'update', 'delete', 'export', 'approve'] as const;

/**
 * Quotes are scoped like opportunities. Approving a discount above the tenant's limit is the
 * approve action: managers over their subtree, administrators everywhere.
 */
export const quoteObject = registerObjectType({
  type: 'quote',
  label: { 'zh-CN': '报价单', 'en-US': 'Quote' },
  actions: quoteActions,
  defaultGrants: {
    admin: { actions: [...quoteActions], scope: 'all' },
    head_office: { actions: ['read', 'export', 'approve'], scope: 'all' },
    branch_manager: { actions: [...quoteActions], scope: 'subtree' },
    sales_rep: { actions: ['read', 'create', 'update', 'delete'], scope: 'own' },
    order_execution: { actions: ['read'], scope: 'all' },
  },
});
