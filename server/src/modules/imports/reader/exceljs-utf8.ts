import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

/**
 * exceljs 4.4's streaming reader decodes each zip chunk on its own (utils/parse-sax.js), so a Chinese
 * character split between two chunks becomes "��" — a few cells in every large XLSX. Its parser
 * passes strings through untouched, so the fix is to hand it text decoded across chunk borders:
 * worksheets through a StringDecoder, shared strings with the entry's own setEncoding.
 */
type Reader = {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): AsyncGenerator<unknown>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  __kehuUtf8?: boolean;
};

async function* decoded(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.write(chunk);
  const rest = decoder.end();
  if (rest) yield rest;
}

const proto = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Reader;
if (!proto.__kehuUtf8) {
  const parseWorksheet = proto._parseWorksheet;
  const parseSharedStrings = proto._parseSharedStrings;
  proto._parseWorksheet = function (this: Reader, iterator, sheetNo) {
    return parseWorksheet.call(this, decoded(iterator), sheetNo);
  };
  proto._parseSharedStrings = function (this: Reader, entry) {
    entry.setEncoding('utf8');
    return parseSharedStrings.call(this, entry);
  };
  proto.__kehuUtf8 = true;
}
