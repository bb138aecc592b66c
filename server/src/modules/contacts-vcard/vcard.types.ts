import { z } from 'zod';
import type { Locale } from '../../platform/access/principal.ts';

/**
 * The normalised contact a vCard becomes, whatever its version or the phone that wrote it. The
 * contacts module maps it onto its own record; the writer turns it back into a vCard.
 */
export const vcardVersions = ['2.1', '3.0', '4.0'] as const;
export type VCardVersion = (typeof vcardVersions)[number];

export const vcardWarningCodes = [
  'unreadable_line',
  'unknown_charset',
  'charset_guessed',
  'undecodable_text',
  'bad_base64',
  'bad_photo',
  'bad_birthday',
  'nested_card',
  'unterminated_card',
  'empty_card',
] as const;
export type VCardWarningCode = (typeof vcardWarningCodes)[number];

/** What the import report shows; the compiler rejects a code without both translations. */
export const vcardWarningMessages = {
  unreadable_line: { 'zh-CN': '第 {line} 行无法识别，已跳过', 'en-US': 'Line {line} could not be read and was skipped' },
  unknown_charset: { 'zh-CN': '第 {line} 行的字符集 {detail} 不受支持，已按默认字符集读取', 'en-US': 'Line {line}: unsupported charset {detail}, read with the default' },
  charset_guessed: { 'zh-CN': '未声明字符集，按 {detail} 读取', 'en-US': 'No charset declared; read as {detail}' },
  undecodable_text: { 'zh-CN': '第 {line} 行含有无法解码的字符', 'en-US': 'Line {line} contains characters that could not be decoded' },
  bad_base64: { 'zh-CN': '第 {line} 行的 Base64 数据损坏，已忽略', 'en-US': 'Line {line}: damaged base64 data was ignored' },
  bad_photo: { 'zh-CN': '第 {line} 行的照片无法读取，已忽略', 'en-US': 'Line {line}: the photo could not be read and was ignored' },
  bad_birthday: { 'zh-CN': '第 {line} 行的生日 {detail} 无法识别', 'en-US': 'Line {line}: birthday {detail} not understood' },
  nested_card: { 'zh-CN': '名片中嵌套了其他名片，已分别导入', 'en-US': 'The card contained other cards; they were imported separately' },
  unterminated_card: { 'zh-CN': '名片缺少 END:VCARD，已读取到文件末尾', 'en-US': 'The card has no END:VCARD; read up to the end of the file' },
  empty_card: { 'zh-CN': '名片没有姓名、电话、邮箱或单位，已跳过', 'en-US': 'The card has no name, phone, e-mail or organisation and was skipped' },
} as const satisfies Record<VCardWarningCode, Record<Locale, string>>;

export const vcardWarningSchema = z.object({
  code: z.enum(vcardWarningCodes),
  /** physical line in the file (1-based) where the problem starts */
  line: z.number().int(),
  detail: z.string().optional(),
});
export type VCardWarning = z.infer<typeof vcardWarningSchema>;

export function formatVCardWarning(w: VCardWarning, locale: Locale): string {
  const vars: Record<string, string> = { line: String(w.line), detail: w.detail ?? '' };
  return vcardWarningMessages[w.code][locale].replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
}

const typedValue = z.object({
  value: z.string(),
  /** lower-case vCard types and Apple labels: work, home, cell, fax, pref, … */
  types: z.array(z.string()),
});
export type TypedValue = z.infer<typeof typedValue>;

export const vcardAddressSchema = z.object({
  types: z.array(z.string()),
  poBox: z.string(),
  extended: z.string(),
  street: z.string(),
  city: z.string(),
  region: z.string(),
  postalCode: z.string(),
  country: z.string(),
});
export type VCardAddress = z.infer<typeof vcardAddressSchema>;

export const vcardPhotoSchema = z.object({
  mediaType: z.string().describe('image/jpeg, image/png, …'),
  bytes: z.string().describe('the image, base64'),
});
export type VCardPhoto = z.infer<typeof vcardPhotoSchema>;

export const contactDraftSchema = z.object({
  /** display name: FN, else composed from N, else organisation, e-mail or phone */
  name: z.string(),
  familyName: z.string().nullable(),
  givenName: z.string().nullable(),
  organisation: z.string().nullable(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  phones: z.array(typedValue),
  emails: z.array(typedValue),
  addresses: z.array(vcardAddressSchema),
  urls: z.array(typedValue),
  /** YYYY-MM-DD, or --MM-DD when the card gives no year */
  birthday: z.string().nullable(),
  note: z.string().nullable(),
  photo: vcardPhotoSchema.nullable(),
  /** a photo given only by reference; the library never fetches it */
  photoUrl: z.string().nullable(),
  warnings: z.array(vcardWarningSchema),
  /** where the card came from, for the import report */
  source: z.object({ card: z.number().int(), line: z.number().int(), version: z.enum(vcardVersions) }),
});
export type ContactDraft = z.infer<typeof contactDraftSchema>;

/** What the writer needs: a name, everything else optional (the contacts module builds it from a record). */
export type ContactForExport = { name: string } & Partial<Omit<ContactDraft, 'name' | 'warnings' | 'source'>>;

export interface SkippedCard {
  card: number;
  line: number;
  warnings: VCardWarning[];
}

export interface VCardImportResult {
  /** readable cards, in file order */
  contacts: ContactDraft[];
  /** cards with nothing to import, each with the reason */
  skipped: SkippedCard[];
  /** BEGIN:VCARD blocks seen; contacts + skipped always add up to it */
  cardCount: number;
}
