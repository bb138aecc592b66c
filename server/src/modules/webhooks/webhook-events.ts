import type { AuditedEvent } from '../../platform/audit/audit.ts';

type Label = { 'zh-CN': string; 'en-US': string };

/**
 * The events a subscription can ask for, named `<object>.<what happened>`, and the audit actions
 * that raise each. Audit events are the single record of change (every command writes them in its
 * transaction), so webhooks are derived from them and never drift from the audit log. An audit
 * action not listed here (a login, a saved view, a role change) raises no webhook.
 */
interface ObjectEvents {
  /** the audit log's objectType */
  auditType: string;
  /** the type the payload names (differs only where a sub-record is reported: a payment of an order) */
  type: string;
  label: Label;
  events: Record<string, string[]>;
}

const verbs: Record<string, Label> = {
  created: { 'zh-CN': '新建', 'en-US': 'created' },
  updated: { 'zh-CN': '修改', 'en-US': 'updated' },
  deleted: { 'zh-CN': '删除', 'en-US': 'deleted' },
  restored: { 'zh-CN': '恢复', 'en-US': 'restored' },
  owner_changed: { 'zh-CN': '负责人变更', 'en-US': 'owner changed' },
  merged: { 'zh-CN': '合并', 'en-US': 'merged' },
  completed: { 'zh-CN': '完成', 'en-US': 'completed' },
  reopened: { 'zh-CN': '重新打开', 'en-US': 'reopened' },
  converted: { 'zh-CN': '转化', 'en-US': 'converted' },
  stage_changed: { 'zh-CN': '阶段变更（含赢单、输单）', 'en-US': 'stage changed (won and lost included)' },
  submitted: { 'zh-CN': '提交审批', 'en-US': 'submitted for approval' },
  approved: { 'zh-CN': '审批通过', 'en-US': 'approved' },
  rejected: { 'zh-CN': '审批驳回', 'en-US': 'rejected' },
  sent: { 'zh-CN': '已发送客户', 'en-US': 'sent' },
  revised: { 'zh-CN': '修订', 'en-US': 'revised' },
  milestone_changed: { 'zh-CN': '执行节点变更', 'en-US': 'milestone changed' },
  payment_plan_changed: { 'zh-CN': '回款计划变更', 'en-US': 'payment plan changed' },
  recorded: { 'zh-CN': '登记', 'en-US': 'recorded' },
  reversed: { 'zh-CN': '冲销', 'en-US': 'reversed' },
};

const crud = { created: ['create'], updated: ['update'], deleted: ['delete'], restored: ['restore'] };

const objects: ObjectEvents[] = [
  {
    auditType: 'account', type: 'account', label: { 'zh-CN': '客户', 'en-US': 'Account' },
    events: {
      ...crud,
      owner_changed: ['assign', 'transfer', 'pool_claim', 'pool_assign', 'pool_release', 'pool_return'],
      merged: ['merge'],
    },
  },
  { auditType: 'contact', type: 'contact', label: { 'zh-CN': '联系人', 'en-US': 'Contact' }, events: crud },
  {
    auditType: 'activity', type: 'activity', label: { 'zh-CN': '跟进记录', 'en-US': 'Activity' },
    events: { ...crud, completed: ['complete'], reopened: ['reopen'], owner_changed: ['transfer'] },
  },
  { auditType: 'lead', type: 'lead', label: { 'zh-CN': '线索', 'en-US': 'Lead' }, events: { ...crud, converted: ['convert'] } },
  {
    auditType: 'opportunity', type: 'opportunity', label: { 'zh-CN': '商机', 'en-US': 'Opportunity' },
    events: { ...crud, stage_changed: ['move', 'win', 'lose'] },
  },
  {
    auditType: 'quote', type: 'quote', label: { 'zh-CN': '报价单', 'en-US': 'Quote' },
    events: { created: ['create'], updated: ['update'], submitted: ['submit'], approved: ['approve'], rejected: ['reject'], sent: ['send'], revised: ['revise'] },
  },
  {
    auditType: 'order', type: 'order', label: { 'zh-CN': '订单', 'en-US': 'Order' },
    events: {
      ...crud,
      milestone_changed: ['milestone_done', 'milestone_reopened', 'milestone_changed'],
      payment_plan_changed: ['payment_plan'],
    },
  },
  // A payment is audited on its order; the webhook reports the payment, with the order as related.
  { auditType: 'order', type: 'payment', label: { 'zh-CN': '回款', 'en-US': 'Payment' }, events: { recorded: ['payment_received'], reversed: ['payment_reversed'] } },
  { auditType: 'product', type: 'product', label: { 'zh-CN': '产品', 'en-US': 'Product' }, events: { created: ['create'], updated: ['update'], deleted: ['delete'] } },
];

export interface WebhookEventDefinition {
  name: string;
  type: string;
  auditType: string;
  label: Label;
}

const byAudit = new Map<string, WebhookEventDefinition>();
export const webhookEvents: WebhookEventDefinition[] = objects.flatMap((o) =>
  Object.entries(o.events).map(([verb, actions]) => {
    const label = verbs[verb];
    const def = {
      name: `${o.type}.${verb}`,
      type: o.type,
      auditType: o.auditType,
      label: { 'zh-CN': `${o.label['zh-CN']}：${label['zh-CN']}`, 'en-US': `${o.label['en-US']} ${label['en-US']}` },
    };
    for (const action of actions) byAudit.set(`${o.auditType}:${action}`, def);
    return def;
  }),
);

/** Sent by "send test event"; never raised by a change, whatever the subscription asks for. */
export const TEST_EVENT = 'webhook.test';
/** A subscription's event list holding this receives every event, including ones added later. */
export const ALL_EVENTS = '*';

export const objectLabels = Object.fromEntries(objects.map((o) => [o.type, o.label]));
const known = new Set(webhookEvents.map((e) => e.name));
export const isWebhookEvent = (name: string) => known.has(name);

/** The webhook event an audit event raises, if any. */
export const webhookEventOf = (e: Pick<AuditedEvent, 'objectType' | 'action'>): WebhookEventDefinition | undefined =>
  byAudit.get(`${e.objectType}:${e.action}`);

export const subscribedTo = (events: readonly string[], name: string) => events.includes(ALL_EVENTS) || events.includes(name);
