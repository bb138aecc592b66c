import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const csvEncodings = ['utf-8', 'gbk'] as const;
export type CsvEncoding = (typeof csvEncodings)[number];

/**
 * Streams rows into a CSV (UTF-8 with a BOM so Excel reads Chinese, or GBK for old Excel on a
 * Chinese Windows) or an XLSX written by exceljs's streaming writer. Rows are pulled one page at a
 * time from `rows` as the client reads: memory holds a page, not the file. A failure midway
 * destroys the stream, so the client sees a broken download rather than a short file.
 */
export function writeTable(rows: AsyncIterable<string[]>, opts: { format: ExportFormat; encoding?: CsvEncoding; sheetName: string }): Readable {
  const out = new PassThrough();
  void (async () => {
    try {
      if (opts.format === 'csv') {
        const gbk = opts.encoding === 'gbk';
        const csv = stringify({ bom: !gbk, record_delimiter: 'windows' });
        // iconv's encoder takes strings; setEncoding keeps a character split across chunks whole.
        const encoded = gbk ? csv.setEncoding('utf8').pipe(iconv.encodeStream('gbk')) : csv;
        encoded.pipe(out);
        for await (const row of rows) if (!csv.write(row)) await new Promise((r) => csv.once('drain', r));
        csv.end();
      } else {
        const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
        const sheet = book.addWorksheet(opts.sheetName);
        for await (const row of rows) sheet.addRow(row).commit();
        sheet.commit();
        await book.commit();
      }
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return out;
}

export const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
