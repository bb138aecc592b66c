import { registerCapability } from '../../platform/access/permissions.ts';

/**
 * Pool actions reuse the account grants: reading the pool is account:read, claiming and releasing
 * are account:update (a rep edits their own customers), assigning and transferring are
 * account:assign (managers). Only the rules are an admin capability: they bind the whole tenant.
 */
export const poolCaps = {
  rulesManage: registerCapability('pool.rules.manage', { 'zh-CN': '设置公海规则', 'en-US': 'Set public-pool rules' }),
};
