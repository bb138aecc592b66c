import type { Locale } from '../access/principal.ts';

type Message = Record<Locale, string>;
interface ErrorDefinition {
  status: number;
  message: Message;
}

/**
 * The one registry of error codes. `satisfies` makes the compiler reject a code without a status or
 * without both translations. Messages may use {placeholders} filled from the error's details.
 */
export const errorCodes = {
  validation_failed: { status: 400, message: { 'zh-CN': '输入有误', 'en-US': 'The input is not valid' } },
  bad_request: { status: 400, message: { 'zh-CN': '请求无效', 'en-US': 'Bad request' } },
  unauthenticated: { status: 401, message: { 'zh-CN': '请先登录', 'en-US': 'Please sign in' } },
  invalid_credentials: { status: 401, message: { 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong login or password' } },
  account_locked: {
    status: 423,
    message: { 'zh-CN': '登录失败次数过多，账户已锁定至 {until}', 'en-US': 'Too many failed sign-ins; locked until {until}' },
  },
  csrf_failed: { status: 403, message: { 'zh-CN': '安全校验失败，请刷新页面', 'en-US': 'Security check failed; reload the page' } },
  forbidden: { status: 403, message: { 'zh-CN': '没有权限执行此操作', 'en-US': 'You are not allowed to do this' } },
  not_found: { status: 404, message: { 'zh-CN': '记录不存在', 'en-US': 'Record not found' } },
  route_not_found: { status: 404, message: { 'zh-CN': '接口不存在', 'en-US': 'No such endpoint' } },
  version_conflict: {
    status: 409,
    message: { 'zh-CN': '记录已被他人修改，请刷新后重试', 'en-US': 'Someone else changed this record; reload and try again' },
  },
  duplicate: { status: 409, message: { 'zh-CN': '{field} 已存在', 'en-US': '{field} already exists' } },
  conflict: { status: 409, message: { 'zh-CN': '操作与当前数据冲突', 'en-US': 'The action conflicts with the current data' } },
  duplicate_account: {
    status: 409,
    message: { 'zh-CN': '该客户已由 {ownerName}（{unitName}）登记', 'en-US': 'This customer is already registered by {ownerName} ({unitName})' },
  },
  duplicate_report_running: {
    status: 409,
    message: { 'zh-CN': '查重报告正在计算中，请等待完成', 'en-US': 'The duplicate report is already being computed; wait for it to finish' },
  },
  pool_cap_reached: {
    status: 409,
    message: { 'zh-CN': '私海客户已达上限（{max} 个），请先释放客户', 'en-US': 'You already hold the maximum of {max} private customers; release one first' },
  },
  pool_already_claimed: { status: 409, message: { 'zh-CN': '该客户已被他人领取', 'en-US': 'Someone else has already claimed this customer' } },
  pool_reclaim_cooldown: {
    status: 409,
    message: { 'zh-CN': '您释放的客户在 {until} 之前不能再次领取', 'en-US': 'You released this customer; you may claim it again after {until}' },
  },
  not_in_pool: { status: 409, message: { 'zh-CN': '该客户不在公海中', 'en-US': 'This customer is not in the public pool' } },
  already_in_pool: { status: 409, message: { 'zh-CN': '该客户已在公海中', 'en-US': 'This customer is already in the public pool' } },
  account_merged: {
    status: 404,
    message: { 'zh-CN': '该客户已合并到“{mergedIntoName}”', 'en-US': 'This account was merged into "{mergedIntoName}"' },
  },
  merge_undo_stale: {
    status: 409,
    message: {
      'zh-CN': '合并之后相关记录已有变动（{what}），无法安全撤销',
      'en-US': 'Records changed after the merge ({what}); it can no longer be undone safely',
    },
  },
  merge_undo_expired: {
    status: 409,
    message: { 'zh-CN': '合并已超过 {days} 天，不能再撤销', 'en-US': 'Merges can be undone within {days} days; this one is older' },
  },
  merge_already_undone: { status: 409, message: { 'zh-CN': '该合并已被撤销', 'en-US': 'This merge has already been undone' } },
  possible_duplicate_account: {
    status: 409,
    message: { 'zh-CN': '可能与已有客户重复：请选择已有客户，或确认仍要新建', 'en-US': 'This may be an existing customer: pick the existing account or confirm a new one' },
  },
  webhook_disabled: {
    status: 409,
    message: { 'zh-CN': '该 Webhook 订阅已停用，请先启用', 'en-US': 'This webhook is disabled; enable it first' },
  },
  lead_already_converted: { status: 409, message: { 'zh-CN': '该线索已转化', 'en-US': 'This lead has already been converted' } },
  payload_too_large: { status: 413, message: { 'zh-CN': '请求内容过大', 'en-US': 'Request body too large' } },
  rate_limited: { status: 429, message: { 'zh-CN': '请求过于频繁，请稍后再试', 'en-US': 'Too many requests; try again later' } },
  data_dir_locked: {
    status: 503,
    message: {
      'zh-CN': '数据目录 {dir} 正被另一个 Kehu 进程使用',
      'en-US': 'The data folder {dir} is in use by another Kehu process',
    },
  },
  internal: { status: 500, message: { 'zh-CN': '服务器内部错误', 'en-US': 'Internal server error' } },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof errorCodes;

export interface FieldIssue {
  field: string;
  reason: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  readonly issues?: FieldIssue[];

  constructor(code: ErrorCode, details: Record<string, unknown> = {}, issues?: FieldIssue[]) {
    super(formatMessage(code, 'en-US', details));
    this.code = code;
    this.details = details;
    this.issues = issues;
  }

  get status(): number {
    return errorCodes[this.code].status;
  }
}

export function formatMessage(code: ErrorCode, locale: Locale, details: Record<string, unknown> = {}): string {
  return errorCodes[code].message[locale].replace(/\{(\w+)\}/g, (_, key: string) => String(details[key] ?? ''));
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
export const invalid = (field: string, reason: string) =>
  new AppError('validation_failed', {}, [{ field, reason }]);
