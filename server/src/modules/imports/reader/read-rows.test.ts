import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseDate, parseNumber } from './cells.ts';
import { readRows } from './read-rows.ts';

describe('cells', () => {
  it('reads Chinese and ISO dates and numbers with separators and full-width digits', () => {
    expect(['2024年3月5日', '2024/3/5', '2024.03.05', '20240305', '2024-03-05 14:06:51', '2024-03-05T00:00:00.000Z'].map(parseDate)).toEqual(Array(6).fill('2024-03-05'));
    expect(parseDate('05/03/2024')).toBeNull();
    expect(['1,234.50', '１，２３４.５', '¥1,234.5', '(1,234.5)', '1234.5元'].map(parseNumber)).toEqual(['1234.50', '1234.5', '1234.5', '-1234.5', '1234.5']);
  });
});

describe('XLSX streaming', () => {
  it.each([false, true])('keeps Chinese characters whole across zip chunks (shared strings: %s)', async (useSharedStrings) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-xlsx-')), 'big.xlsx');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings });
    const sheet = book.addWorksheet('客户');
    const name = (i: number) => `上海${i}号润滑油化工贸易有限公司`;
    for (let i = 0; i < 5000; i++) sheet.addRow([name(i), '上海市', '导入、批次']).commit();
    sheet.commit();
    await book.commit();
    let n = 0;
    for await (const cells of readRows(async () => fs.createReadStream(file), { format: 'xlsx' })) {
      expect(cells[0]).toBe(name(n));
      n++;
    }
    expect(n).toBe(5000);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
