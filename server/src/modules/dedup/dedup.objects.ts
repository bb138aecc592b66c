import { registerCapability } from '../../platform/access/permissions.ts';

/** The tenant-wide duplicate report lists every account: administrators only. */
export const dedupCaps = {
  manage: registerCapability('duplicates.manage', { 'zh-CN': '客户查重报告', 'en-US': 'Duplicate report across the tenant' }),
};
