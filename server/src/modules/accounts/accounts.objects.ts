import { actions, registerCapability, registerObjectType, type ObjectTypeDefinition } from '../../platform/access/permissions.ts';
import { registerCustomFieldTarget } from '../custom-fields/index.ts';
import { accounts } from './accounts.schema.ts';

/**
 * Who may do what with customer records by default. Contacts share these grants: whoever may work
 * with an account may work with the people at it.
 */
export const customerGrants: ObjectTypeDefinition['defaultGrants'] = {
  admin: { actions: [...actions], scope: 'all' },
  head_office: { actions: ['read', 'export'], scope: 'all' },
  branch_manager: { actions: [...actions], scope: 'subtree' },
  sales_rep: { actions: ['read', 'create', 'update'], scope: 'own' },
  order_execution: { actions: ['read'], scope: 'all' },
  service: { actions: ['read'], scope: 'all' },
};

export const accountObject = registerObjectType({
  type: 'account',
  label: { 'zh-CN': '客户', 'en-US': 'Account' },
  actions,
  sensitiveFields: ['phones', 'emails', 'creditLimit'],
  defaultGrants: customerGrants,
});

// Administrators may add custom fields to accounts (POST /custom-fields with objectType 'account').
registerCustomFieldTarget({ objectType: 'account', table: accounts });

export const accountCaps = {
  lookupsManage: registerCapability('lookups.manage', { 'zh-CN': '管理客户类型等选项列表', 'en-US': 'Manage pick lists such as account types' }),
};
