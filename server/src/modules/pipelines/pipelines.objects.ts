import { registerCapability } from '../../platform/access/permissions.ts';

/** Configuring pipelines and their stages is an administrator's task; everyone who sees deals reads them. */
export const pipelineCaps = {
  manage: registerCapability('pipelines.manage', { 'zh-CN': '管理销售流程与阶段', 'en-US': 'Manage sales pipelines and stages' }, ['admin']),
};
