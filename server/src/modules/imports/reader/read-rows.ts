import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import XLSX from 'xlsx';
import { cleanCell } from './cells.ts';
import './exceljs-utf8.ts';
import { decoderStream, detectEncoding, type TextEncoding } from './encoding.ts';

export type FileFormat = 'csv' | 'xlsx' | 'xls';
export type OpenFile = () => Promise<Readable>;

const SAMPLE_BYTES = 64 * 1024;

/** The first bytes of a file (or all of it when shorter), for sniffing its format and encoding. */
export async function readSample(open: OpenFile, bytes = SAMPLE_BYTES): Promise<{ sample: Buffer; complete: boolean }> {
  const stream = await open();
  const chunks: Buffer[] = [];
  let length = 0;
  let complete = true;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    chunks.push(buf);
    length += buf.length;
    if (length >= bytes) {
      complete = false;
      break;
    }
  }
  stream.destroy();
  return { sample: Buffer.concat(chunks).subarray(0, bytes), complete };
}

/**
 * What the bytes are, whatever the name says: banks' ".xls" downloads are often CSV or HTML.
 * XLSX is a zip (PK), XLS a compound document (D0 CF 11 E0); HTML tables are read by SheetJS too.
 */
export function sniffFormat(sample: Buffer): FileFormat {
  if (sample[0] === 0x50 && sample[1] === 0x4b) return 'xlsx';
  if (sample[0] === 0xd0 && sample[1] === 0xcf && sample[2] === 0x11 && sample[3] === 0xe0) return 'xls';
  const head = sample.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
  if (head.startsWith('<html') || head.startsWith('<table') || head.startsWith('<!doctype html') || head.startsWith('<?xml')) return 'xls';
  return 'csv';
}

/**
 * The separator that splits the first lines into the most rows of one width: comma, tab, semicolon
 * or bar. Each candidate really parses the sample (quotes respected), so tabs padding quoted cells
 * (ICBC's exports) do not pass for separators.
 */
export function sniffDelimiter(text: string): string {
  const cut = text.lastIndexOf('\n');
  const sample = (cut > 0 ? text.slice(0, cut) : text).split(/\r?\n/).slice(0, 40).join('\n');
  let best = ',';
  let bestScore = 0;
  for (const delimiter of [',', '\t', ';', '|']) {
    let rows: string[][];
    try {
      rows = parseSync(sample, { delimiter, relax_quotes: true, relax_column_count: true, trim: true, skip_empty_lines: true, bom: true });
    } catch {
      continue;
    }
    const freq = new Map<number, number>();
    for (const r of rows) if (r.length > 1) freq.set(r.length, (freq.get(r.length) ?? 0) + 1);
    const ranked = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
    if (!ranked.length) continue;
    const [width, agree] = ranked[0];
    const score = agree * Math.min(width, 10);
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return best;
}

export interface ReadOptions {
  format: FileFormat;
  /** CSV only */
  encoding?: TextEncoding;
  delimiter?: string;
}

/** Every row of the file's first sheet as cleaned cell texts, streamed (XLS, small by format, is read whole). */
export async function* readRows(open: OpenFile, opts: ReadOptions): AsyncGenerator<string[]> {
  if (opts.format === 'csv') yield* readCsv(open, opts);
  else if (opts.format === 'xlsx') yield* readXlsx(open);
  else yield* readXls(open);
}

async function* readCsv(open: OpenFile, opts: ReadOptions): AsyncGenerator<string[]> {
  const source = await open();
  const parser = source.pipe(decoderStream(opts.encoding ?? 'utf-8')).pipe(
    parse({
      delimiter: opts.delimiter ?? ',',
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      bom: true,
    }),
  );
  try {
    for await (const record of parser as AsyncIterable<string[]>) yield record.map(cleanCell);
  } finally {
    source.destroy();
  }
}

function excelCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return excelDateText(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return value.result === undefined ? '' : excelCellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/** Excel dates carry no zone; they are read as the wall-clock time written (UTC components). */
function excelDateText(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

async function* readXlsx(open: OpenFile): AsyncGenerator<string[]> {
  const source = await open();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      let expected = 1;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        // Empty rows are absent from the stream; keep row numbers true to the sheet.
        for (; expected < row.number; expected++) yield [];
        expected = row.number + 1;
        const values = (row.values as ExcelJS.CellValue[]) ?? [];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cleanCell(excelCellText(values[i])));
        yield cells;
      }
      return; // the first sheet only
    }
  } finally {
    source.destroy();
  }
}

async function* readXls(open: OpenFile): AsyncGenerator<string[]> {
  const source = await open();
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  const book = XLSX.read(Buffer.concat(chunks), { type: 'buffer', cellDates: true, dense: true });
  const sheet = book.Sheets[book.SheetNames[0]];
  if (!sheet) return;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: '', blankrows: true });
  for (const row of rows) yield row.map((v) => cleanCell(v instanceof Date ? xlsDateText(v) : v));
}

/** SheetJS builds dates in local time from the serial number: read them back the same way. */
function xlsDateText(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  const time = d.getHours() + d.getMinutes() + d.getSeconds() === 0 ? '' : ` ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  return date + time;
}

export function detectCsvLayout(sample: Buffer, complete: boolean): { encoding: TextEncoding; delimiter: string } {
  const { encoding } = detectEncoding(sample, complete);
  const text = decodeSample(sample, encoding);
  return { encoding, delimiter: sniffDelimiter(text) };
}

export function decodeSample(sample: Buffer, encoding: TextEncoding): string {
  return iconv.decode(sample, encoding === 'gbk' ? 'gb18030' : encoding, { stripBOM: true });
}
