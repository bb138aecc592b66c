import { registerObjectType } from '../../platform/access/permissions.ts';

const productActions = ['read', 'create', 'update', 'delete', 'export', 'import'] as const;

/**
 * The catalogue is tenant-wide: everyone who sells or executes reads it (scope "all"; products have
 * no owner), administrators maintain it. Categories go with products.
 */
export const productObject = registerObjectType({
  type: 'product',
  label: { 'zh-CN': '产品', 'en-US': 'Product' },
  actions: productActions,
  defaultGrants: {
    admin: { actions: [...productActions], scope: 'all' },
    head_office: { actions: ['read', 'export'], scope: 'all' },
    branch_manager: { actions: ['read'], scope: 'all' },
    sales_rep: { actions: ['read'], scope: 'all' },
    order_execution: { actions: ['read'], scope: 'all' },
    service: { actions: ['read'], scope: 'all' },
  },
});
