import { describe, expect, it } from 'vitest';
import { escapeText, exportVCard } from './export-vcard.ts';
import { foldLine } from './fold.ts';
import { importVCards } from './import-vcard.ts';
import type { ContactForExport } from './vcard.types.ts';

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 7), Buffer.from([0xff, 0xd9])]);
const contact: ContactForExport = {
  name: '张三',
  familyName: '张',
  givenName: '三',
  organisation: '上海火炬润滑油有限公司',
  department: '采购部',
  title: '经理, 采购; 华东',
  phones: [{ value: '+86 138-0013-8000', types: ['cell', 'pref'] }],
  emails: [{ value: 'zhang.san@example.com', types: ['work'] }],
  note: '第一行\n第二行 with a backslash \\ and a, comma',
  birthday: '1980-03-22',
  photo: { mediaType: 'image/jpeg', bytes: jpeg.toString('base64') },
};

describe('vCard writer', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\r\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `NOTE:${'汉'.repeat(60)}`; // 5 + 180 octets
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(2);
    for (const p of physical) {
      expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
      expect(Buffer.from(p).toString('utf8')).toBe(p); // whole characters only
    }
    expect(physical.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(foldLine('short')).toBe('short');
  });

  it('writes 3.0 with upper-case types and an ENCODING=b photo', () => {
    const text = exportVCard(contact);
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true);
    expect(text).toContain('TEL;TYPE=CELL,PREF:+86 138-0013-8000\r\n');
    expect(text).toContain('TITLE:经理\\, 采购\\; 华东\r\n');
    expect(text).toContain('BDAY;VALUE=date:1980-03-22\r\n');
    expect(text).toMatch(/\r\nPHOTO;ENCODING=b;TYPE=JPEG:\/9j\//);
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
  });

  it('writes 4.0 with PREF=1 and a data: URI photo', () => {
    const text = exportVCard(contact, { version: '4.0' });
    expect(text).toContain('VERSION:4.0\r\n');
    expect(text).toContain('TEL;TYPE=cell;PREF=1:+86 138-0013-8000\r\n');
    expect(text).toContain('BDAY:19800322\r\n');
    expect(text).toMatch(/\r\nPHOTO:data:image\/jpeg;base64,\/9j\//);
  });

  it.each(['3.0', '4.0'] as const)('reads back what it wrote in %s', (version) => {
    const [back] = importVCards(exportVCard(contact, { version })).contacts;
    expect(back).toMatchObject({
      name: contact.name, familyName: '张', givenName: '三', organisation: contact.organisation, department: '采购部',
      title: contact.title, note: contact.note, birthday: '1980-03-22', photo: contact.photo,
    });
    expect(back.phones).toEqual([{ value: '+86 138-0013-8000', types: expect.arrayContaining(['cell', 'pref']) }]);
    expect(back.emails).toEqual(contact.emails);
    expect(back.warnings).toEqual([]);
  });
});
