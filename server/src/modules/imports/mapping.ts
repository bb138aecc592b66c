import type { ColumnMapping } from './imports.schema.ts';
import { headerKey } from './reader/cells.ts';
import type { ImportField, MappedValues } from './targets/import-target.ts';

/** Fields several columns may feed at once (手机 and 固定电话 both into phones). */
const LIST_FIELDS = new Set(['phones', 'emails', 'tags']);

/**
 * A mapping suggested from the header names: an exact alias first (客户名称, Account Name, 手机),
 * then a header ending in an alias (联系人手机 → phones; 销售收入 is not a 销售 person). Single-valued fields take one column.
 */
export function suggestMapping(headers: string[], fields: ImportField[]): ColumnMapping[] {
  const keyed = fields.map((f) => ({ field: f, keys: new Set(f.aliases.map(headerKey).filter(Boolean)) }));
  const taken = new Set<string>();
  const mapping: ColumnMapping[] = [];
  const assign = (column: number, field: ImportField) => {
    if (taken.has(field.key) && !LIST_FIELDS.has(field.key)) return false;
    taken.add(field.key);
    mapping.push({ column, field: field.key });
    return true;
  };
  const pending: number[] = [];
  headers.forEach((h, column) => {
    const key = headerKey(h);
    const exact = keyed.find((k) => k.keys.has(key));
    if (!exact || !assign(column, exact.field)) pending.push(column);
  });
  for (const column of pending) {
    const key = headerKey(headers[column]);
    if (key.length < 2) continue;
    const partial = keyed
      .map((k) => ({ field: k.field, length: Math.max(0, ...[...k.keys].filter((a) => a.length >= 2 && key.endsWith(a)).map((a) => a.length)) }))
      .filter((c) => c.length > 0)
      .sort((a, b) => b.length - a.length)[0];
    if (partial) assign(column, partial.field);
  }
  return mapping.sort((a, b) => a.column - b.column);
}

/** A row's cells by field; columns mapped to the same field are joined by a line break. */
export function mapValues(cells: string[], mapping: ColumnMapping[]): MappedValues {
  const values: MappedValues = {};
  for (const { column, field } of mapping) {
    const v = cells[column] ?? '';
    if (!v) continue;
    values[field] = values[field] ? `${values[field]}\n${v}` : v;
  }
  return values;
}
