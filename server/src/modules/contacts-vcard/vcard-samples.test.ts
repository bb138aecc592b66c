import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportVCards } from './export-vcard.ts';
import { importVCards } from './import-vcard.ts';
import type { ContactDraft, TypedValue } from './vcard.types.ts';

/**
 * Real files from well-known parsers' test suites (AOSP, ez-vcard, sabre/vobject, py-vobject), kept
 * outside the repository in ../shared/data/vcard. Every one must import without throwing; the round
 * trip must keep names, phones, e-mails, organisation and photo bytes.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const samplesDir = path.resolve(repoRoot, '../shared/data/vcard');
const haveSamples = fs.existsSync(samplesDir);
if (!haveSamples) console.warn(`vCard sample tests skipped: ${samplesDir} does not exist`);

const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const files = haveSamples ? walk(samplesDir).sort() : [];
const rel = (file: string) => path.relative(samplesDir, file);
const read = (name: string) => importVCards(fs.readFileSync(path.join(samplesDir, name)));
const hasCards = (file: string) => /^BEGIN:VCARD[ \t]*\r?$/im.test(fs.readFileSync(file, 'latin1'));

/** Cards that hold no name, phone, e-mail or organisation at all: the only ones allowed to yield nothing. */
const cardsWithNothingToImport = ['aosp-vcard-tests/v21_android_custom_prop.vcf', 'aosp-vcard-tests/v21_im.vcf', 'sabre-vobject/issue64.vcf'];

describe.skipIf(!haveSamples)(`shared vCard samples in ${samplesDir}`, () => {
  it('imports every file without throwing; every file with cards yields them', () => {
    const withCards = files.filter(hasCards);
    expect(withCards.length).toBeGreaterThan(40);
    const empty: string[] = [];
    let contacts = 0;
    for (const file of files) {
      const r = importVCards(fs.readFileSync(file));
      expect(r.contacts.length + r.skipped.length, rel(file)).toBe(r.cardCount);
      if (!withCards.includes(file)) continue;
      expect(r.cardCount, rel(file)).toBeGreaterThan(0);
      if (!r.contacts.length) empty.push(rel(file));
      contacts += r.contacts.length;
    }
    expect(empty.sort()).toEqual(cardsWithNothingToImport);
    expect(contacts).toBeGreaterThan(55);
  });

  it('reads AOSP SHIFT_JIS cards, quoted-printable address and note included', () => {
    const [c] = read('aosp-vcard-tests/v21_japanese_2.vcf').contacts;
    expect(c).toMatchObject({ name: '安藤 ロイド 1', familyName: '安藤', givenName: 'ロイド1', note: 'メモ' });
    expect(c.addresses[0]).toMatchObject({ types: ['home'], extended: '東京都渋谷区桜丘町26-1セルリアンタワー6階', postalCode: '150-8512' });
    // 表 and 予 end in byte 0x5C, a backslash in ASCII: decoding must come before unescaping.
    expect(read('aosp-vcard-tests/v30_japanese.vcf').contacts[0]).toMatchObject({ familyName: '伊能', givenName: '圭一' });
    expect(read('aosp-vcard-tests/v21_multiple_entry.vcf').contacts.map((x) => x.name)).toEqual(['安藤ロイド3', '安藤ロイド4', '安藤ロイド5']);
  });

  it('reads the iPhone card with its photo, grouped labels and CR CR LF line ends', () => {
    const [c] = read('ez-vcard/John_Doe_IPHONE.vcf').contacts;
    expect(c).toMatchObject({
      name: 'Mr. John Richter James Doe Sr.', familyName: 'Doe', givenName: 'John', organisation: 'IBM', department: 'Accounting',
      title: 'Money Counter', birthday: '2012-06-06',
    });
    expect(c.phones).toHaveLength(7);
    expect(c.phones).toContainEqual({ value: '905-222-1234', types: ['assistantphone'] });
    expect(c.emails).toEqual([{ value: 'john.doe@ibm.com', types: ['internet', 'pref'] }]);
    expect(c.urls).toEqual([{ value: 'http://www.ibm.com', types: ['pref', 'homepage'] }]);
    const photo = Buffer.from(c.photo!.bytes, 'base64');
    expect(c.photo!.mediaType).toBe('image/jpeg');
    expect(photo.length).toBe(32531);
    expect([...photo.subarray(0, 3), ...photo.subarray(-2)]).toEqual([0xff, 0xd8, 0xff, 0xff, 0xd9]);
  });

  it('reads Outlook 2.1 quoted-printable notes and a bare-parameter photo', () => {
    const [c] = read('ez-vcard/outlook-2007.vcf').contacts;
    expect(c.note).toBe(
      "This is the NOTE field\t\nI assume it encodes this text inside a NOTE vCard type.\nBut I'm not sure because there's text formatting going on here.\nIt does not preserve the formatting",
    );
    expect(c).toMatchObject({ name: 'Mr. Michael Angstadt Jr.', organisation: 'TheCompany', department: 'TheDepartment', birthday: '1922-03-10' });
    expect(c.emails).toEqual([{ value: 'mike.angstadt@gmail.com', types: ['pref', 'internet'] }]);
    expect(c.photo?.mediaType).toBe('image/jpeg');
    expect(read('ez-vcard/outlook-2003.vcf').contacts[0].note).toBe('This is the note field!!\nSecond line\n\nThird line is empty');
    const android = read('ez-vcard/John_Doe_ANDROID.vcf').contacts;
    expect(android[4]).toMatchObject({ name: 'Ñ Ñ Ñ Ñ', organisation: 'ÑÑÑÑÑÑÑÑÑÑÑÑ' });
  });

  it('warns about damaged cards instead of failing', () => {
    expect(read('aosp-vcard-tests/v21_malformed_photo.vcf').contacts[0].warnings).toEqual([{ code: 'bad_base64', line: 5 }]);
    const nest = read('aosp-vcard-tests/v21_nest.vcf');
    expect(nest.contacts.map((x) => x.name)).toEqual(['parent', 'nest1', 'nest2']);
    expect(nest.contacts[0].warnings.map((w) => w.code)).toEqual(['nested_card']);
    expect(read('aosp-vcard-tests/v21_invalid_comment_line.vcf').contacts[0].note).toBe(
      'This is an (sharp ->#<- sharp) example. This message must NOT be ignored.',
    );
  });

  const sortedTypes = (list: TypedValue[]) => list.map((v) => ({ value: v.value, types: [...v.types].sort() }));
  const kept = (c: ContactDraft) => ({
    name: c.name, familyName: c.familyName, givenName: c.givenName, organisation: c.organisation, department: c.department,
    phones: sortedTypes(c.phones), emails: sortedTypes(c.emails), photo: c.photo,
  });

  it.each(['3.0', '4.0'] as const)('keeps names, phones, e-mails, organisation and photo through export %s and import', (version) => {
    let checked = 0;
    let photos = 0;
    for (const file of files) {
      const first = importVCards(fs.readFileSync(file)).contacts;
      if (!first.length) continue;
      const again = importVCards(exportVCards(first, { version })).contacts;
      expect(again.map(kept), rel(file)).toEqual(first.map(kept));
      checked += first.length;
      photos += first.filter((c) => c.photo).length;
    }
    expect(checked).toBeGreaterThan(55);
    expect(photos).toBeGreaterThanOrEqual(10);
  });
});
