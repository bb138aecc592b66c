import { registerObjectType } from '../../platform/access/permissions.ts';

const actions = ['read', 'create', 'update', 'delete'] as const;

/** Price lists are tenant-wide like the catalogue: reps read them when quoting, administrators keep them. */
export const priceListObject = registerObjectType({
  type: 'price_list',
  label: { 'zh-CN': '价格表', 'en-US': 'Price list' },
  actions,
  defaultGrants: {
    admin: { actions: [...actions], scope: 'all' },
    head_office: { actions: ['read'], scope: 'all' },
    branch_manager: { actions: ['read'], scope: 'all' },
    sales_rep: { actions: ['read'], scope: 'all' },
    order_execution: { actions: ['read'], scope: 'all' },
  },
});
