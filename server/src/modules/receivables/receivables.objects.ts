import { registerObjectType } from '../../platform/access/permissions.ts';

/**
 * Payment plans and payments received, seen through their order's owner and unit. Recording a
 * payment is the finance or execution side's job; reps and managers read what their customers owe.
 */
export const paymentObject = registerObjectType({
  type: 'payment',
  label: { 'zh-CN': '回款', 'en-US': 'Payment' },
  actions: ['read', 'create', 'delete', 'export'],
  defaultGrants: {
    admin: { actions: ['read', 'create', 'delete', 'export'], scope: 'all' },
    head_office: { actions: ['read', 'export'], scope: 'all' },
    branch_manager: { actions: ['read', 'create', 'export'], scope: 'subtree' },
    sales_rep: { actions: ['read'], scope: 'own' },
    order_execution: { actions: ['read', 'create'], scope: 'all' },
  },
});
