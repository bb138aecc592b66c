/**
 * What real spreadsheets put in cells, made plain: padding (also full-width and no-break spaces),
 * Excel's text-forcing `="0123"` and `'0123`, zero-width characters and BOMs left inside cells.
 */
export function cleanCell(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  let s = typeof raw === 'string' ? raw : String(raw);
  s = s.replace(/[\u200b-\u200d\ufeff]/g, '').replace(/[\u3000\u00a0]/g, ' ').trim();
  const formula = /^="(.*)"$/s.exec(s);
  if (formula) s = formula[1].replace(/""/g, '"').trim();
  const apostrophe = /^'([\d][\d\s-]*)'?$/.exec(s);
  if (apostrophe) s = apostrophe[1];
  return s;
}

/** Column names compared loosely: width, case, spaces, punctuation and required-field stars do not matter. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s*_\-.:：/\\()（）[\]【】"'#]/g, '');
}

/**
 * Numbers as people type them: thousands separators, full-width digits, currency signs, a trailing
 * 元, accounting parentheses for negatives. Null when the text is not a number.
 */
export function parseNumber(text: string): string | null {
  let s = text.normalize('NFKC').replace(/[\s,，_]/g, '').replace(/^[¥￥$€]|元$|^(RMB|CNY)/gi, '');
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  if (s.startsWith('+')) s = s.slice(1);
  if (s.startsWith('.')) s = `0${s}`;
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (negative) s = s.startsWith('-') ? s.slice(1) : `-${s}`;
  return s;
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A calendar date from the common Chinese and ISO forms: 2024-01-05, 2024/1/5, 2024.1.5,
 * 2024年1月5日, 20240105, each optionally followed by a time (which is dropped), and ISO datetimes.
 * Day-first or month-first forms (05/01/2024) are ambiguous and refused. Returns YYYY-MM-DD or null.
 */
export function parseDate(text: string): string | null {
  const s = text.normalize('NFKC').trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
}

/** A date and time (ISO, or a Chinese/ISO date with a time read as China time when no offset is given). */
export function parseDateTime(text: string): string | null {
  const s = text.normalize('NFKC').trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s);
  if (!m) {
    const date = parseDate(s);
    return date ? new Date(`${date}T00:00:00+08:00`).toISOString() : null;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!validDate(y, mo, d)) return null;
  const offset = m[7] ? (m[7].toUpperCase() === 'Z' ? 'Z' : m[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : '+08:00';
  const iso = `${y}-${pad(mo)}-${pad(d)}T${pad(Number(m[4] ?? 0))}:${m[5] ?? '00'}:${m[6] ?? '00'}${offset}`;
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? null : t.toISOString();
}

export const isEmptyRow = (cells: string[]) => cells.every((c) => c === '');
export const filledCount = (cells: string[]) => cells.reduce((n, c) => n + (c === '' ? 0 : 1), 0);
