import type { Locale } from '../../platform/access/principal.ts';

/**
 * Why a row was refused or skipped, as codes stored with the row and put into words in the reader's
 * language when the report is made. The compiler checks both languages exist for every code.
 */
export const issueReasons = {
  required: { 'zh-CN': '必填', 'en-US': 'required' },
  too_long: { 'zh-CN': '内容过长', 'en-US': 'too long' },
  invalid_phone: { 'zh-CN': '不是有效的电话号码', 'en-US': 'not a phone number' },
  invalid_email: { 'zh-CN': '不是有效的电子邮箱', 'en-US': 'not an e-mail address' },
  invalid_credit_code: { 'zh-CN': '统一社会信用代码无效（{detail}）', 'en-US': 'not a valid unified social credit code ({detail})' },
  invalid_number: { 'zh-CN': '不是数字', 'en-US': 'not a number' },
  invalid_money: { 'zh-CN': '金额须为非负数，最多两位小数', 'en-US': 'a non-negative amount with at most 2 decimals' },
  invalid_date: { 'zh-CN': '无法识别的日期', 'en-US': 'not a date' },
  invalid_boolean: { 'zh-CN': '请填写 是/否', 'en-US': 'use yes or no' },
  unknown_option: { 'zh-CN': '不是可选值之一', 'en-US': 'not one of the options' },
  unknown_region: { 'zh-CN': '无法识别的省市区', 'en-US': 'unknown province, city or district' },
  unknown_user: { 'zh-CN': '找不到该用户', 'en-US': 'no such user' },
  unknown_account_type: { 'zh-CN': '不是有效的客户类型', 'en-US': 'not an active account type' },
  unknown_tier: { 'zh-CN': '客户等级须为 A、B 或 C', 'en-US': 'tier must be A, B or C' },
  unknown_gender: { 'zh-CN': '性别须为 男/女', 'en-US': 'gender must be male or female' },
  unknown_account: { 'zh-CN': '找不到该客户', 'en-US': 'no such account' },
  out_of_scope: { 'zh-CN': '超出您的数据权限范围', 'en-US': 'outside your data scope' },
  duplicate_in_system: { 'zh-CN': '与已有记录重复：{detail}', 'en-US': 'duplicate of an existing record: {detail}' },
  duplicate_in_file: { 'zh-CN': '与文件第 {detail} 行重复', 'en-US': 'duplicate of row {detail} of the file' },
  duplicate_out_of_scope: { 'zh-CN': '与您无权修改的已有记录重复：{detail}', 'en-US': 'duplicate of a record you may not change: {detail}' },
  credit_code_taken: { 'zh-CN': '该统一社会信用代码已登记', 'en-US': 'this credit code is already registered' },
  conflict: { 'zh-CN': '与已有数据冲突（{detail}）', 'en-US': 'conflicts with existing data ({detail})' },
  invalid_value: { 'zh-CN': '值无效（{detail}）', 'en-US': 'not a valid value ({detail})' },
} as const satisfies Record<string, Record<Locale, string>>;

export type IssueReason = keyof typeof issueReasons;

/** Stored form: the code, optionally followed by ":" and a detail (a name, a row number). */
export const reason = (code: IssueReason, detail?: string | number) => (detail === undefined ? code : `${code}:${detail}`);

export function describeReason(stored: string, locale: Locale): string {
  const at = stored.indexOf(':');
  const code = (at < 0 ? stored : stored.slice(0, at)) as IssueReason;
  const detail = at < 0 ? '' : stored.slice(at + 1);
  const text = issueReasons[code]?.[locale];
  return text ? text.replace('{detail}', detail) : stored;
}
