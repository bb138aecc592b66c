import { registerCapability } from '../../platform/access/permissions.ts';

/**
 * Raising a flag is account:update on an account the caller sees: it changes how the whole tenant
 * treats the customer, so it is an edit, not a read — and every rep has update on their own
 * customers, every manager on their branch's. Clearing belongs to the flagging unit's manager or to
 * holders of this capability (administrators), so one branch cannot silence another's warning.
 */
export const riskFlagCaps = {
  manage: registerCapability('risk_flags.manage', { 'zh-CN': '管理风险标记（任意清除）', 'en-US': 'Manage risk flags (clear any)' }),
};
