import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importVCards } from './import-vcard.ts';

const crlf = (...lines: string[]) => lines.join('\r\n') + '\r\n';
/** Quoted-printable the way old phones wrote it: every byte =XX, soft line break after 60 characters. */
function qp(bytes: Buffer): string {
  const encoded = [...bytes].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  return encoded.match(/.{1,60}/g)!.join('=\r\n');
}
const only = (input: Buffer | string) => {
  const r = importVCards(input);
  expect(r.contacts).toHaveLength(1);
  return r.contacts[0];
};

describe('charsets', () => {
  it('reads a 2.1 card in GB2312, quoted-printable with soft line breaks', () => {
    const name = iconv.encode('上海火炬润滑油有限公司采购部', 'gb2312');
    const file = Buffer.from(crlf(
      'BEGIN:VCARD', 'VERSION:2.1',
      `N;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:${qp(iconv.encode('张;三', 'gb2312'))};;;`,
      `ORG;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:${qp(name)}`,
      'TEL;CELL;PREF:13800138000',
      'END:VCARD',
    ), 'latin1');
    expect(file.toString('latin1')).toContain('=\r\n'); // the soft break is really there
    const c = only(file);
    expect(c).toMatchObject({ name: '张三', familyName: '张', givenName: '三', organisation: '上海火炬润滑油有限公司采购部' });
    expect(c.phones).toEqual([{ value: '13800138000', types: ['cell', 'pref'] }]);
    expect(c.warnings).toEqual([]);
  });

  it('reads GBK and GB18030 bytes declared with CHARSET, without quoted-printable', () => {
    const file = Buffer.concat([
      Buffer.from('BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=GBK:'), iconv.encode('中海船务 王五', 'gbk'),
      Buffer.from('\r\nNOTE;CHARSET=GB18030:'), iconv.encode('客户来自𠀀广州', 'gb18030'),
      Buffer.from('\r\nEND:VCARD\r\n'),
    ]);
    const c = only(file);
    expect(c.name).toBe('中海船务 王五');
    expect(c.note).toBe('客户来自𠀀广州');
  });

  it('guesses GB18030 for undeclared non-UTF-8 text and says so; the caller may override', () => {
    const file = Buffer.concat([Buffer.from('BEGIN:VCARD\r\nVERSION:2.1\r\nN:'), iconv.encode('李;四', 'gbk'), Buffer.from('\r\nEND:VCARD\r\n')]);
    const guessed = only(file);
    expect(guessed.name).toBe('李四');
    expect(guessed.warnings).toEqual([{ code: 'charset_guessed', line: 3, detail: 'GB18030' }]);
    const latin = Buffer.from('BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:;Ren=E9\r\nEND:VCARD\r\n');
    expect(importVCards(latin, { fallbackCharset: 'ISO-8859-1' }).contacts[0].givenName).toBe('René');
  });

  it('reads ISO-8859-1 and UTF-16 files', () => {
    const latin = Buffer.concat([Buffer.from('BEGIN:VCARD\nVERSION:3.0\nFN;CHARSET=ISO-8859-1:'), Buffer.from('Jürgen Müller', 'latin1'), Buffer.from('\nEND:VCARD\n')]);
    expect(only(latin).name).toBe('Jürgen Müller');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf('BEGIN:VCARD', 'VERSION:3.0', 'FN:赵六', 'END:VCARD'), 'utf16le')]);
    expect(only(utf16).name).toBe('赵六');
  });
});

describe('properties', () => {
  it('understands the three styles of type parameters alike', () => {
    const r = importVCards(crlf(
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:A',
      'TEL;TYPE=work,voice:1', 'TEL;TYPE=WORK;TYPE=VOICE:2', 'TEL;WORK;VOICE:3', 'TEL;TYPE="work,voice":4',
      'END:VCARD',
    ));
    expect(r.contacts[0].phones.map((p) => p.types)).toEqual([['work', 'voice'], ['work', 'voice'], ['work', 'voice'], ['work', 'voice']]);
  });

  it('reads grouped properties with their Apple labels, 4.0 PREF and tel: URIs', () => {
    const c = only(crlf(
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:B',
      'item1.TEL:+86 21 5555 0000', 'item1.X-ABLabel:_$!<Assistant>!$_',
      'TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+1-418-656-9254;ext=102',
      'item2.EMAIL;type=INTERNET:"B" <b@example.com>', 'item2.X-ABLabel:私人',
      'END:VCARD',
    ));
    expect(c.phones).toEqual([
      { value: '+86 21 5555 0000', types: ['assistant'] },
      { value: '+1-418-656-9254 ext. 102', types: ['work', 'voice', 'pref'] },
    ]);
    expect(c.emails).toEqual([{ value: 'b@example.com', types: ['internet', '私人'] }]);
  });

  it('unescapes text, splits structured values and composes a name from N when FN is missing', () => {
    const c = only(crlf(
      'BEGIN:VCARD', 'VERSION:3.0', 'N:Wang;Xiaoming;;Dr.;', 'ORG:Acme\\, Inc.;Sales;East',
      'TITLE:Head\\; Sales', 'NOTE:line 1\\nline 2\\, still', 'ADR;TYPE=work:;;1 Road\\nFloor 2;上海;;200000;中国',
      'URL:http\\://example.com', 'END:VCARD',
    ));
    expect(c).toMatchObject({
      name: 'Dr. Xiaoming Wang', organisation: 'Acme, Inc.', department: 'Sales / East', title: 'Head; Sales', note: 'line 1\nline 2, still',
    });
    expect(c.addresses).toEqual([{ types: ['work'], poBox: '', extended: '', street: '1 Road\nFloor 2', city: '上海', region: '', postalCode: '200000', country: '中国' }]);
    expect(c.urls).toEqual([{ value: 'http://example.com', types: [] }]);
  });

  it('normalises birthdays and reports the unreadable one', () => {
    const bday = (v: string, extra = '') => only(crlf('BEGIN:VCARD', 'VERSION:4.0', 'FN:C', `BDAY${extra}:${v}`, 'END:VCARD'));
    expect(bday('19800322').birthday).toBe('1980-03-22');
    expect(bday('1980-03-22T00:00:00Z').birthday).toBe('1980-03-22');
    expect(bday('--0203').birthday).toBe('--02-03');
    expect(bday('1604-06-06', ';X-APPLE-OMIT-YEAR=1604').birthday).toBe('--06-06');
    const bad = bday('circa 1800', ';VALUE=text');
    expect(bad.birthday).toBeNull();
    expect(bad.warnings).toEqual([{ code: 'bad_birthday', line: 4, detail: 'circa 1800' }]);
  });

  it('reads photos inline (3.0), as a data: URI (4.0) and as a URL, typing them by their bytes', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const inline = only(crlf('BEGIN:VCARD', 'VERSION:3.0', 'FN:D', `PHOTO;ENCODING=b;TYPE=JPEG:${png.toString('base64')}`, 'END:VCARD'));
    expect(inline.photo).toEqual({ mediaType: 'image/png', bytes: png.toString('base64') });
    const dataUri = only(crlf('BEGIN:VCARD', 'VERSION:4.0', 'FN:D', `PHOTO:data:image/png;base64,${png.toString('base64')}`, 'END:VCARD'));
    expect(dataUri.photo).toEqual(inline.photo);
    const url = only(crlf('BEGIN:VCARD', 'VERSION:3.0', 'FN:D', 'PHOTO;VALUE=uri:https://example.com/d.jpg', 'END:VCARD'));
    expect(url).toMatchObject({ photo: null, photoUrl: 'https://example.com/d.jpg' });
  });
});

describe('damaged files', () => {
  it('keeps reading after broken lines, a broken photo and a missing END, with a warning each', () => {
    const r = importVCards(crlf(
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:E', 'this line is not a property', 'PHOTO;ENCODING=b;TYPE=JPEG:@@not base64@@', 'TEL:1', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:F', 'EMAIL:f@example.com',
    ));
    expect(r.cardCount).toBe(2);
    expect(r.contacts.map((c) => c.name)).toEqual(['E', 'F']);
    expect(r.contacts[0].warnings.map((w) => w.code)).toEqual(['unreadable_line', 'bad_base64']);
    expect(r.contacts[1].warnings).toEqual([{ code: 'unterminated_card', line: 8 }]);
  });

  it('skips a card with nothing to import and reports it', () => {
    const r = importVCards(crlf('BEGIN:VCARD', 'VERSION:3.0', 'X-FOO:bar', 'END:VCARD', 'BEGIN:VCARD', 'VERSION:3.0', 'FN:G', 'END:VCARD'));
    expect(r.contacts.map((c) => c.name)).toEqual(['G']);
    expect(r.skipped).toEqual([{ card: 0, line: 1, warnings: [{ code: 'empty_card', line: 1 }] }]);
  });

  it('survives binary junk, empty input and text without cards', () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    for (const input of [junk, Buffer.alloc(0), 'hello\nBEGIN:VCALENDAR\nEND:VCALENDAR\n', 'BEGIN:VCARD\n\u0000\u0001:\n']) {
      const r = importVCards(input);
      expect(r.contacts.length + r.skipped.length).toBe(r.cardCount);
    }
  });
});
