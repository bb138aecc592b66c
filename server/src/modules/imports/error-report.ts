import { PassThrough, type Readable } from 'node:stream';
import { and, asc, eq, gt } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify';
import type { Locale } from '../../platform/access/principal.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { describeReason } from './issue-reasons.ts';
import type { ImportJobRow } from './imports.engine.ts';
import { importRows } from './imports.schema.ts';

const extraHeaders: Record<Locale, string[]> = {
  'zh-CN': ['原行号', '错误列', '错误值', '错误原因'],
  'en-US': ['Source row', 'Column', 'Value', 'Reason'],
};

/**
 * The rows that could not be imported, each with its original cells first — so the file can be
 * fixed and imported again with the same mapping — then the row number, the columns, values and
 * reasons in the reader's language. Read in pages of 1,000 rows.
 */
async function* reportLines(db: Executor, job: ImportJobRow, locale: Locale): AsyncGenerator<string[]> {
  yield [...job.layout.headers, ...extraHeaders[locale]];
  let after = 0;
  for (;;) {
    const page = await db
      .select()
      .from(importRows)
      .where(and(eq(importRows.tenantId, job.tenantId), eq(importRows.importId, job.id), eq(importRows.outcome, 'error'), gt(importRows.rowNo, after)))
      .orderBy(asc(importRows.rowNo))
      .limit(1000);
    for (const r of page) {
      const cells = job.layout.headers.map((_, i) => r.cells?.[i] ?? '');
      const issues = r.issues ?? [];
      yield [
        ...cells,
        String(r.rowNo),
        issues.map((i) => i.column).join('\n'),
        issues.map((i) => i.value).join('\n'),
        issues.map((i) => describeReason(i.reason, locale)).join('\n'),
      ];
    }
    if (page.length < 1000) return;
    after = page[page.length - 1].rowNo;
  }
}

export function errorReport(db: Executor, job: ImportJobRow, locale: Locale, format: 'csv' | 'xlsx'): Readable {
  const lines = reportLines(db, job, locale);
  if (format === 'csv') {
    const out = stringify({ bom: true, record_delimiter: 'windows' });
    void (async () => {
      try {
        for await (const line of lines) if (!out.write(line)) await new Promise((r) => out.once('drain', r));
        out.end();
      } catch (err) {
        out.destroy(err as Error);
      }
    })();
    return out;
  }
  const out = new PassThrough();
  void (async () => {
    try {
      const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      const sheet = book.addWorksheet(locale === 'zh-CN' ? '导入错误' : 'Import errors');
      for await (const line of lines) sheet.addRow(line).commit();
      sheet.commit();
      await book.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return out;
}
