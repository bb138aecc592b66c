import { registerCapability } from '../../platform/access/permissions.ts';

/**
 * Merging is a right of its own: it rewrites several customers at once and is reserved to those
 * who clean up the customer base. Which accounts a holder may merge is their data scope on accounts.
 */
export const mergeCapability = registerCapability(
  'accounts.merge',
  { 'zh-CN': '合并重复客户（及撤销合并）', 'en-US': 'Merge duplicate accounts (and undo merges)' },
  ['admin', 'head_office', 'branch_manager'],
);
