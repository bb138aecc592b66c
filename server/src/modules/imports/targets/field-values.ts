import type { Locale } from '../../../platform/access/principal.ts';
import { normalizePhone } from '../../../platform/text/phone.ts';
import { creditCodeProblem, normalizeCreditCode } from '../../accounts/credit-code.ts';
import type { FieldDefinition } from '../../custom-fields/index.ts';
import { customFieldsSchema } from '../../custom-fields/index.ts';
import { reason } from '../issue-reasons.ts';
import type { RowIssue } from '../imports.schema.ts';
import { parseDate, parseDateTime, parseNumber } from '../reader/cells.ts';
import type { ImportField, MappedValues } from './import-target.ts';
import { regionFromNames } from './region-names.ts';

/** Several values in one cell, or several columns mapped to one field (joined by a line break). */
export const splitList = (text: string | undefined): string[] =>
  (text ?? '').split(/[\n,;，；、|]+/).map((s) => s.trim()).filter(Boolean);

/** Collects a row's issues against the column headers the values came from. */
export class RowChecker {
  readonly issues: RowIssue[] = [];
  constructor(private readonly values: MappedValues, private readonly columnOf: (field: string) => string) {}

  text(field: string, max: number, required = false): string | null {
    const v = this.values[field]?.replace(/\n/g, ' ').trim() ?? '';
    if (!v) {
      if (required) this.add(field, v, reason('required'));
      return null;
    }
    if (v.length > max) {
      this.add(field, v, reason('too_long'));
      return null;
    }
    return v;
  }

  phones(field: string): string[] {
    const out: string[] = [];
    for (const raw of splitList(this.values[field])) {
      const phone = raw.length <= 40 ? normalizePhone(raw) : null;
      if (phone) out.push(phone);
      else this.add(field, raw, reason('invalid_phone'));
    }
    return [...new Set(out)].slice(0, 20);
  }

  emails(field: string): string[] {
    const out: string[] = [];
    for (const raw of splitList(this.values[field])) {
      const email = raw.normalize('NFKC').toLowerCase();
      if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 200) out.push(email);
      else this.add(field, raw, reason('invalid_email'));
    }
    return [...new Set(out)].slice(0, 20);
  }

  list(field: string, maxEach: number): string[] {
    return [...new Set(splitList(this.values[field]).filter((t) => t.length <= maxEach))].slice(0, 50);
  }

  creditCode(field: string): string | null {
    const raw = this.values[field]?.trim();
    if (!raw) return null;
    const code = normalizeCreditCode(raw);
    const problem = creditCodeProblem(code);
    if (problem) {
      this.add(field, raw, reason('invalid_credit_code', problem));
      return null;
    }
    return code;
  }

  money(field: string): string | null {
    const raw = this.values[field]?.trim();
    if (!raw) return null;
    const n = parseNumber(raw);
    if (n === null || !/^\d{1,16}(\.\d{1,2})?$/.test(n)) {
      this.add(field, raw, reason('invalid_money'));
      return null;
    }
    return n;
  }

  date(field: string): string | null {
    const raw = this.values[field]?.trim();
    if (!raw) return null;
    const d = parseDate(raw);
    if (!d) this.add(field, raw, reason('invalid_date'));
    return d;
  }

  region(fields: string[]): { provinceCode: string | null; cityCode: string | null; districtCode: string | null } {
    const parts = fields.map((f) => this.values[f] ?? '');
    const codes = regionFromNames(parts);
    if (codes === 'unknown') {
      const field = fields.find((f) => this.values[f]) ?? fields[0];
      this.add(field, parts.filter(Boolean).join(' '), reason('unknown_region'));
      return { provinceCode: null, cityCode: null, districtCode: null };
    }
    return codes ?? { provinceCode: null, cityCode: null, districtCode: null };
  }

  has(field: string): boolean {
    return !!this.values[field]?.trim();
  }

  raw(field: string): string {
    return this.values[field]?.trim() ?? '';
  }

  add(field: string, value: string, why: string) {
    this.issues.push({ column: this.columnOf(field), value, reason: why });
  }
}

const yes = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓', 'on']);
const no = new Set(['否', '无', 'n', 'no', 'false', '0', '×', 'off']);

/** A custom field's cell text to the value validateCustom expects: option labels to values, 是/否 to booleans. */
function customValue(def: FieldDefinition, raw: string, check: RowChecker, field: string): unknown {
  const option = (text: string) =>
    def.options.find((o) => o.value === text || o.label['zh-CN'] === text || o.label['en-US'].toLowerCase() === text.toLowerCase())?.value;
  switch (def.type) {
    case 'number':
    case 'money': {
      const n = parseNumber(raw);
      if (n === null) check.add(field, raw, reason('invalid_number'));
      return n === null ? undefined : def.type === 'number' ? Number(n) : n;
    }
    case 'date': {
      const d = parseDate(raw);
      if (!d) check.add(field, raw, reason('invalid_date'));
      return d ?? undefined;
    }
    case 'datetime': {
      const d = parseDateTime(raw);
      if (!d) check.add(field, raw, reason('invalid_date'));
      return d ?? undefined;
    }
    case 'boolean': {
      const k = raw.toLowerCase();
      if (yes.has(k)) return true;
      if (no.has(k)) return false;
      check.add(field, raw, reason('invalid_boolean'));
      return undefined;
    }
    case 'single_select': {
      const v = option(raw);
      if (v === undefined) check.add(field, raw, reason('unknown_option'));
      return v;
    }
    case 'multi_select': {
      const values = splitList(raw).map((t) => [t, option(t)] as const);
      for (const [t, v] of values) if (v === undefined) check.add(field, t, reason('unknown_option'));
      return values.map(([, v]) => v).filter((v) => v !== undefined);
    }
    case 'region': {
      const codes = regionFromNames([raw]);
      if (codes === 'unknown' || !codes) {
        check.add(field, raw, reason('unknown_region'));
        return undefined;
      }
      return codes.districtCode ?? codes.cityCode ?? codes.provinceCode;
    }
    case 'phone': {
      const p = normalizePhone(raw);
      if (!p) check.add(field, raw, reason('invalid_phone'));
      return p ?? undefined;
    }
    default:
      return raw;
  }
}

/**
 * The `custom` object of a row from its `custom.<key>` values, checked with the same zod schema as
 * the API (types, required fields, options). User fields take a user's name or login (`users`).
 */
// One schema per import session's field list, not one per row (building it cost more than parsing).
const schemas = new WeakMap<FieldDefinition[], ReturnType<typeof customFieldsSchema>>();

export function customValues(defs: FieldDefinition[], check: RowChecker, users: (nameOrLogin: string) => string | undefined): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const def of defs) {
    if (def.archivedAt) continue;
    const field = `custom.${def.key}`;
    const raw = check.raw(field);
    if (!raw) continue;
    if (def.type === 'user') {
      const id = users(raw);
      if (!id) check.add(field, raw, reason('unknown_user'));
      else values[def.key] = id;
      continue;
    }
    const v = customValue(def, raw, check, field);
    if (v !== undefined) values[def.key] = v;
  }
  for (const def of defs) if (!def.archivedAt && def.defaultValue != null && values[def.key] === undefined) values[def.key] = def.defaultValue;
  if (!defs.length) return values;
  let schema = schemas.get(defs);
  if (!schema) schemas.set(defs, (schema = customFieldsSchema(defs, { mode: 'create' })));
  const parsed = schema.safeParse(values);
  if (parsed.success) {
    return Object.fromEntries(Object.entries(parsed.data as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined));
  }
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    check.add(`custom.${key}`, check.raw(`custom.${key}`), issue.message === 'required' ? reason('required') : reason('invalid_value', issue.message));
  }
  return {};
}

/** Import fields for an object's custom fields; the label in both languages is an alias. */
export function customImportFields(defs: FieldDefinition[]): ImportField[] {
  return defs
    .filter((d) => !d.archivedAt)
    .map((d) => ({ key: `custom.${d.key}`, label: d.label as Record<Locale, string>, required: d.required, aliases: [d.label['zh-CN'], d.label['en-US'], d.key] }));
}
