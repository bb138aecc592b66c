import { registerCapability } from '../../platform/access/permissions.ts';
import './outbox.ts';

/**
 * Managing webhooks is an administrator's right: a subscription receives every matching change in
 * the whole company, whatever the data scopes, and its URL decides where that data goes.
 */
export const webhooksCapability = registerCapability(
  'webhooks.manage',
  { 'zh-CN': '管理 Webhook 订阅（事件推送到外部系统）', 'en-US': 'Manage webhooks (events pushed to other systems)' },
  ['admin'],
);
