import { registerCapability, registerObjectType } from '../../platform/access/permissions.ts';

const all = ['read', 'create', 'update', 'delete'] as const;

export const orgUnitObject = registerObjectType({
  type: 'org_unit',
  label: { 'zh-CN': '组织单元', 'en-US': 'Organisation unit' },
  actions: all,
  defaultGrants: {
    admin: { actions: [...all], scope: 'all' },
    head_office: { actions: ['read'], scope: 'all' },
    branch_manager: { actions: ['read', 'create', 'update'], scope: 'subtree' },
    sales_rep: { actions: ['read'], scope: 'subtree' },
    order_execution: { actions: ['read'], scope: 'all' },
    service: { actions: ['read'], scope: 'subtree' },
  },
});

export const userObject = registerObjectType({
  type: 'user',
  label: { 'zh-CN': '用户', 'en-US': 'User' },
  actions: all,
  sensitiveFields: ['phone', 'email'],
  defaultGrants: {
    admin: { actions: [...all], scope: 'all' },
    head_office: { actions: ['read'], scope: 'all' },
    branch_manager: { actions: ['read', 'create', 'update', 'delete'], scope: 'subtree' },
    sales_rep: { actions: ['read'], scope: 'unit' },
    order_execution: { actions: ['read'], scope: 'all' },
    service: { actions: ['read'], scope: 'unit' },
  },
});

export const caps = {
  rolesManage: registerCapability('roles.manage', { 'zh-CN': '管理角色与权限', 'en-US': 'Manage roles and permissions' }),
  auditRead: registerCapability('audit.read', { 'zh-CN': '查看审计日志', 'en-US': 'Read the audit log' }, ['admin', 'head_office']),
  apiKeysManage: registerCapability('api_keys.manage', { 'zh-CN': '管理 API 密钥', 'en-US': 'Manage API keys' }),
  recycleBin: registerCapability('recycle_bin.manage', { 'zh-CN': '回收站：查看与恢复', 'en-US': 'Recycle bin: view and restore' }, ['admin', 'branch_manager']),
};
