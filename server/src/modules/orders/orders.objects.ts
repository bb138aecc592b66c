import { registerCapability, registerObjectType } from '../../platform/access/permissions.ts';

const orderActions = ['read', 'create', 'update', 'delete', 'export', 'assign'] as const;

/**
 * Orders are scoped like accounts: reps keep their own, managers their branch, head office reads
 * everything. Order execution works on every order's plan and reads the orders themselves.
 */
export const orderObject = registerObjectType({
  type: 'order',
  label: { 'zh-CN': '订单', 'en-US': 'Order' },
  actions: orderActions,
  defaultGrants: {
    admin: { actions: [...orderActions], scope: 'all' },
    head_office: { actions: ['read', 'export'], scope: 'all' },
    branch_manager: { actions: [...orderActions], scope: 'subtree' },
    sales_rep: { actions: ['read', 'create', 'update'], scope: 'own' },
    order_execution: { actions: ['read', 'export'], scope: 'all' },
    service: { actions: ['read'], scope: 'unit' },
  },
});

/**
 * A milestone of an order's execution plan, seen through its order's owner and unit. Updating one
 * (done, date, note) is the execution staff's work; the sales side reads it.
 */
export const orderMilestoneObject = registerObjectType({
  type: 'order_milestone',
  label: { 'zh-CN': '订单执行节点', 'en-US': 'Order milestone' },
  actions: ['read', 'update'],
  defaultGrants: {
    admin: { actions: ['read', 'update'], scope: 'all' },
    head_office: { actions: ['read'], scope: 'all' },
    branch_manager: { actions: ['read', 'update'], scope: 'subtree' },
    sales_rep: { actions: ['read'], scope: 'own' },
    order_execution: { actions: ['read', 'update'], scope: 'all' },
    service: { actions: ['read'], scope: 'unit' },
  },
});

export const orderCaps = {
  manageTypes: registerCapability('order_types.manage', { 'zh-CN': '管理订单类型与执行模板', 'en-US': 'Manage order types and execution templates' }),
  salesSettings: registerCapability('sales_settings.manage', { 'zh-CN': '管理销售设置（折扣审批线、大额订单）', 'en-US': 'Manage sales settings (discount approval limit, large orders)' }),
};
