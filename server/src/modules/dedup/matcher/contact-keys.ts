/**
 * Identifiers that are compared by equality once normalised: unified social credit codes, phone
 * numbers, e-mail addresses.
 */

const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Upper case, half width, without spaces and dashes; undefined when nothing is left. */
export function normalizeCreditCode(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  const normalized = code.normalize('NFKC').toUpperCase().replace(/[\s\-_.]/g, '');
  return normalized.length > 0 ? normalized : undefined;
}

/** 统一社会信用代码 check (GB 32100-2015): 18 characters from its alphabet with a valid check character. */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(code[i]) * CREDIT_CODE_WEIGHTS[i];
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET[check] === code[17];
}

/**
 * A phone number as digits in national form: +86 138-0013-8000 → 13800138000,
 * +86 (21) 6888 8888 → 02168888888, 021-68888888 转 123 → 02168888888. Extensions are dropped
 * because a switchboard identifies the company. Numbers shorter than five digits are not numbers.
 */
export function normalizePhone(phone: string | null | undefined): string | undefined {
  if (!phone) return undefined;
  const withoutExtension = phone
    .normalize('NFKC')
    .replace(/(转|分机|ext\.?|x|#).*$/i, '');
  let digits = withoutExtension.replace(/\D/g, '');
  const international = /^\s*(\+|00)/.test(withoutExtension);
  if (international || /^86\d{10,11}$/.test(digits)) {
    digits = digits.replace(/^(00)?86/, '');
    if (!/^1\d{10}$/.test(digits) && !digits.startsWith('0')) digits = `0${digits}`;
  }
  return digits.length >= 5 ? digits : undefined;
}

/** Lower case, trimmed, with the `mailto:` some exports keep; undefined for anything without an @. */
export function normalizeEmail(email: string | null | undefined): string | undefined {
  if (!email) return undefined;
  const normalized = email.normalize('NFKC').trim().toLowerCase().replace(/^mailto:/, '');
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalized) ? normalized : undefined;
}

/** Public mailbox providers: sharing the domain says nothing about being the same company. */
const PUBLIC_MAIL_DOMAINS = new Set([
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com', 'aliyun.com',
  '139.com', '189.cn', '21cn.com', 'tom.com', '263.net', 'gmail.com', 'hotmail.com', 'outlook.com', 'live.com',
  'msn.com', 'yahoo.com', 'icloud.com', 'me.com',
]);

/** The company domain of an e-mail address, or undefined for public mailbox providers. */
export function companyMailDomain(email: string): string | undefined {
  const domain = email.slice(email.indexOf('@') + 1);
  return PUBLIC_MAIL_DOMAINS.has(domain) ? undefined : domain;
}
