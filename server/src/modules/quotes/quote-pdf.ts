import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Locale } from '../../platform/access/principal.ts';
import { money2 } from '../orders/money.ts';
import type { QuoteLineRow, QuoteRow } from './quotes.queries.ts';

const require = createRequire(import.meta.url);
let font: Buffer | undefined;
/** Noto Sans SC covers Chinese and Latin; pdfkit embeds only the glyphs a quote uses. */
const cjkFont = () => (font ??= readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')));

const words: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    title: '报价单', number: '报价单号', revision: '版本', date: '日期', customer: '客户', validUntil: '有效期至', seller: '报价人',
    no: '序号', product: '产品', spec: '规格', qty: '数量', unit: '单位', price: '单价', discount: '折扣', amount: '金额',
    subtotal: '小计', tax: '税额', total: '合计', note: '备注', currency: '币种',
  },
  'en-US': {
    title: 'QUOTATION', number: 'Quote no.', revision: 'Revision', date: 'Date', customer: 'Customer', validUntil: 'Valid until', seller: 'Prepared by',
    no: '#', product: 'Product', spec: 'Spec.', qty: 'Qty', unit: 'Unit', price: 'Unit price', discount: 'Disc.', amount: 'Amount',
    subtotal: 'Subtotal', tax: 'Tax', total: 'Total', note: 'Notes', currency: 'Currency',
  },
};

const trimQty = (v: string) => v.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

/** The printable quote as a PDF in Chinese or English. */
export function quotePdf(q: QuoteRow, lines: QuoteLineRow[], locale: Locale, companyName: string): Promise<Buffer> {
  const w = words[locale];
  const en = locale === 'en-US';
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `${w.title} ${q.number}`, Author: companyName } });
  doc.registerFont('cjk', cjkFont());
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.fontSize(16).text(companyName, { align: 'center' });
  doc.fontSize(20).text(w.title, { align: 'center' }).moveDown(0.5);
  doc.fontSize(10);
  const customer = (en ? q.accountEnglishName : null) ?? q.accountName ?? '';
  const head: [string, string][] = [
    [w.number, `${q.number}`], [w.revision, `v${q.revision}`], [w.date, q.createdAt.toISOString().slice(0, 10)],
    [w.customer, customer], [w.validUntil, q.validUntil ?? '-'], [w.seller, q.ownerName ?? ''], [w.currency, q.currency],
  ];
  for (const [k, v] of head) doc.text(`${k}: ${v}`);
  doc.moveDown();

  const cols = [
    { key: 'no', x: 40, w: 25 }, { key: 'product', x: 65, w: 170 }, { key: 'qty', x: 235, w: 50 }, { key: 'unit', x: 285, w: 35 },
    { key: 'price', x: 320, w: 70 }, { key: 'discount', x: 390, w: 45 }, { key: 'amount', x: 435, w: 120 },
  ];
  let y = doc.y;
  cols.forEach((c) => doc.text(w[c.key], c.x, y, { width: c.w }));
  y = doc.y + 4;
  doc.moveTo(40, y).lineTo(555, y).stroke();
  y += 4;
  for (const l of lines) {
    const name = [(en ? l.productEnglishName : null) ?? l.productName ?? l.description ?? '', l.productCode ? `(${l.productCode})` : ''].filter(Boolean).join(' ');
    const cells = [String(l.lineNo), name, trimQty(l.quantity), l.unit ?? '', money2(l.unitPrice)!, `${money2(l.discountPct)}%`, money2(l.amount)!];
    const height = Math.max(...cells.map((v, i) => doc.heightOfString(v, { width: cols[i].w })));
    if (y + height > 760) {
      doc.addPage();
      y = 40;
    }
    cells.forEach((v, i) => doc.text(v, cols[i].x, y, { width: cols[i].w }));
    y += height + 4;
  }
  doc.moveTo(40, y).lineTo(555, y).stroke();
  y += 8;
  for (const [k, v] of [[w.subtotal, q.subtotal], [w.tax, q.taxAmount], [w.total, q.total]] as const) {
    doc.text(`${k}: ${q.currency} ${money2(v)}`, 320, y, { width: 235, align: 'right' });
    y = doc.y + 2;
  }
  if (q.note) {
    doc.moveDown().text(`${w.note}: ${q.note}`, 40, doc.y + 10, { width: 515 });
  }
  doc.end();
  return done;
}
