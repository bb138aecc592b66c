import { filledCount, headerKey, isEmptyRow, parseNumber } from './cells.ts';
import type { TextEncoding } from './encoding.ts';
import { detectCsvLayout, readRows, readSample, sniffFormat, type FileFormat, type OpenFile } from './read-rows.ts';

/** How a file is read: found by analyseFile, adjustable by the user, stored with the import. */
export interface TableLayout {
  format: FileFormat;
  encoding: TextEncoding | null;
  delimiter: string | null;
  /** 1-based row of the header; 0 when the file has none (columns are then named 列1, 列2, …) */
  headerRow: number;
  /** first data row, 1-based */
  firstDataRow: number;
  headers: string[];
}

export interface DataRow {
  /** the row's number in the file (1-based record number; a quoted line break does not count) */
  rowNo: number;
  cells: string[];
}

const HEADER_SEARCH_ROWS = 50;
/** single-cell rows after the data are held back this far to tell notes under a table from data */
const FOOTER_HOLD = 20;

/** A note or total under a table: one cell in a wide table, or a row led by 合计/总计/Total. */
const isFooterLike = (cells: string[], width: number) =>
  (width >= 3 && filledCount(cells) === 1) || /^(\S{0,6}(合计|总计|小计)|(total|sum)\b)/i.test(cells.find((c) => c !== '') ?? '');
const looksLikeValue = (c: string) => parseNumber(c) !== null || /^\d{1,4}[-/.年]\d{1,2}[-/.月]\d{1,4}/.test(c);
const isGeneratedHeader = (cells: string[]) => filledCount(cells) >= 2 && cells.every((c) => c === '' || /^column\s*\d+$/i.test(c));

/**
 * The header row among the first rows: the first one filled at least 80% as wide as the widest
 * row, skipping preamble lines (a bank's title, "账号: …", an export date) and Excel's generated
 * "Column1, Column2…" row. A first wide row made mostly of numbers and dates is data: the file has
 * no header.
 */
export function findHeader(rows: string[][]): { headerRow: number; firstDataRow: number; headers: string[] } {
  const widest = Math.max(0, ...rows.map(filledCount));
  // Key-value preamble rows (账号 | 6200… | 账户类型 | 借记卡) can be half as wide as the table.
  const needed = widest <= 1 ? 1 : Math.max(2, Math.ceil(widest * 0.8));
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const filled = filledCount(row);
    if (filled < needed) continue;
    // Excel's generated "Column1, Column2…" above a preamble is skipped; as a real header over data it stays.
    if (isGeneratedHeader(row) && filledCount(rows[i + 1] ?? []) < needed) continue;
    const values = row.filter((c) => c !== '' && looksLikeValue(c)).length;
    if (values * 2 > filled) {
      const width = Math.max(...rows.slice(i).map((r) => lastFilled(r) + 1));
      return { headerRow: 0, firstDataRow: i + 1, headers: Array.from({ length: width }, (_, k) => `列${k + 1}`) };
    }
    return { headerRow: i + 1, firstDataRow: i + 2, headers: nameHeaders(row) };
  }
  return { headerRow: 0, firstDataRow: 1, headers: [] };
}

function lastFilled(cells: string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== '') return i;
  return -1;
}

/** Header texts with trailing empty columns dropped; blank or repeated names made unique. */
function nameHeaders(row: string[]): string[] {
  const headers = row.slice(0, lastFilled(row) + 1);
  const seen = new Map<string, number>();
  return headers.map((h, i) => {
    const name = h || `列${i + 1}`;
    const key = headerKey(name);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n > 1 ? `${name} (${n})` : name;
  });
}

export interface AnalyseOptions {
  encoding?: TextEncoding;
  headerRow?: number;
}

/** Format, encoding, separator and header of a file, from its first bytes and rows. */
export async function analyseFile(open: OpenFile, opts: AnalyseOptions = {}): Promise<TableLayout> {
  const { sample, complete } = await readSample(open);
  const format = sniffFormat(sample);
  let encoding: TextEncoding | null = null;
  let delimiter: string | null = null;
  if (format === 'csv') {
    const detected = detectCsvLayout(sample, complete);
    encoding = opts.encoding ?? detected.encoding;
    delimiter = opts.encoding && opts.encoding !== detected.encoding ? detectCsvLayout(sample, complete).delimiter : detected.delimiter;
  }
  const first: string[][] = [];
  for await (const cells of readRows(open, { format, encoding: encoding ?? undefined, delimiter: delimiter ?? undefined })) {
    first.push(cells);
    if (first.length >= HEADER_SEARCH_ROWS) break;
  }
  let found = findHeader(first);
  if (opts.headerRow !== undefined) {
    const row = first[opts.headerRow - 1];
    found = opts.headerRow === 0 || !row
      ? { headerRow: 0, firstDataRow: 1, headers: found.headers.length ? found.headers.map((_, k) => `列${k + 1}`) : [] }
      : { headerRow: opts.headerRow, firstDataRow: opts.headerRow + 1, headers: nameHeaders(row) };
  }
  return { format, encoding, delimiter, ...found };
}

/**
 * The data rows after the header, trimmed to the header's width, empty rows skipped, from `afterRowNo`
 * on (a resumed import). Footer-like rows (see isFooterLike) after the last full row are notes under the table
 * (a bank's "以上数据仅供参考", a 合计 line) and are dropped when nothing but such rows follows; up to
 * FOOTER_HOLD of them are held back to decide, so memory stays bounded.
 */
export async function* dataRows(open: OpenFile, layout: TableLayout, afterRowNo = 0): AsyncGenerator<DataRow> {
  const width = layout.headers.length;
  let rowNo = 0;
  let held: DataRow[] = [];
  for await (const raw of readRows(open, { format: layout.format, encoding: layout.encoding ?? undefined, delimiter: layout.delimiter ?? undefined })) {
    rowNo++;
    if (rowNo < layout.firstDataRow || isEmptyRow(raw)) continue;
    const cells = raw.length > width ? raw.slice(0, width) : raw;
    if (isEmptyRow(cells)) continue;
    const row = { rowNo, cells };
    const single = isFooterLike(cells, width);
    if (single) {
      held.push(row);
      if (held.length <= FOOTER_HOLD) continue;
    }
    for (const h of held) if (h.rowNo > afterRowNo) yield h;
    held = [];
    if (!single && row.rowNo > afterRowNo) yield row;
  }
}
