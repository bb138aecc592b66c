import { z } from 'zod';
import type { Locale } from '../../../platform/access/principal.ts';

/** Phone address books with photos run to a few MB; 10 MB holds thousands of cards. */
export const MAX_VCARD_BYTES = 10 * 1024 * 1024;
/** More cards than this in one file is a data migration, not an import from a phone. */
export const MAX_IMPORT_CONTACTS = 10_000;
/** Contacts per export: an account's people, or a selection from the list. */
export const MAX_EXPORT_CONTACTS = 2_000;
/** A contact photo is a thumbnail; a larger picture belongs in the attachments. */
export const MAX_PHOTO_BYTES = 1024 * 1024;
/** Pictures a browser shows safely; anything else on a PHOTO line is dropped with a warning. */
export const photoTypes = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp'];

/** What the upload may be labelled; a missing Content-Type is taken as bytes too. */
export const vcardUploadTypes = ['text/vcard', 'text/x-vcard', 'text/directory', 'application/octet-stream'];

/** Problems Kehu finds when turning a readable card into a contact (the parser's own are in contacts-vcard). */
export const mappingWarningCodes = [
  'bad_phone', 'bad_email', 'birthday_without_year', 'shortened', 'photo_too_large', 'photo_type', 'photo_url', 'not_kept',
] as const;
export type MappingWarningCode = (typeof mappingWarningCodes)[number];

export const mappingWarningMessages = {
  bad_phone: { 'zh-CN': '电话 {detail} 不是有效号码，未导入', 'en-US': 'Phone {detail} is not a phone number and was not imported' },
  bad_email: { 'zh-CN': '邮箱 {detail} 无效，未导入', 'en-US': 'E-mail {detail} is not valid and was not imported' },
  birthday_without_year: { 'zh-CN': '生日 {detail} 没有年份，未导入', 'en-US': 'Birthday {detail} has no year and was not imported' },
  shortened: { 'zh-CN': '{detail} 过长，已截断', 'en-US': '{detail} was too long and was shortened' },
  photo_too_large: { 'zh-CN': '照片过大（{detail} 字节），未导入', 'en-US': 'The photo is too large ({detail} bytes) and was not imported' },
  photo_type: { 'zh-CN': '照片格式 {detail} 不受支持，未导入', 'en-US': 'Photo format {detail} is not supported and was not imported' },
  photo_url: { 'zh-CN': '照片是网址 {detail}，不会下载', 'en-US': 'The photo is a link ({detail}) and is not downloaded' },
  not_kept: { 'zh-CN': '联系人没有对应字段，未导入：{detail}', 'en-US': 'Contacts have no field for these, not imported: {detail}' },
} as const satisfies Record<MappingWarningCode, Record<Locale, string>>;

export interface MappingWarning {
  code: MappingWarningCode;
  line: number;
  detail?: string;
}

export function formatMappingWarning(w: MappingWarning, locale: Locale): string {
  return mappingWarningMessages[w.code][locale].replace('{detail}', w.detail ?? '');
}

const csvIds = z
  .string()
  .transform((v) => [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))])
  .pipe(z.array(z.uuid()).min(1).max(500));

export const importQuery = z.object({
  accountId: z.uuid().optional().describe('link every imported contact to this account (needs update on accounts)'),
  charset: z
    .string()
    .regex(/^[A-Za-z0-9_-]{2,20}$/)
    .optional()
    .describe('charset of text that declares none and is not UTF-8, e.g. GBK for an old Chinese phone'),
});

const reportWarning = z.object({
  card: z.number().int().describe('0-based position of the card in the file'),
  line: z.number().int().describe('line in the file (1-based)'),
  code: z.string(),
  message: z.string(),
});

export const importResultSchema = z
  .object({
    cardCount: z.number().int().describe('cards in the file: created + skipped'),
    created: z.number().int(),
    contacts: z.array(z.object({ id: z.uuid(), name: z.string(), card: z.number().int() })),
    skipped: z.array(z.object({ card: z.number().int(), line: z.number().int(), reasons: z.array(reportWarning.omit({ card: true })) })),
    warnings: z.array(reportWarning).describe('what was read differently or left out, card by card'),
  })
  .meta({ id: 'VCardImportResult' });
export type ImportResult = z.infer<typeof importResultSchema>;

export const exportQuery = z
  .object({
    ids: csvIds.optional().describe('comma-separated contact ids (at most 500)'),
    accountId: z.uuid().optional().describe("the account's contacts that you may see"),
    version: z.enum(['3.0', '4.0']).default('3.0'),
  })
  .refine((q) => (q.ids ? 1 : 0) + (q.accountId ? 1 : 0) === 1, { message: 'send either ids or accountId', path: ['ids'] });
export type ExportQuery = z.infer<typeof exportQuery>;
