import { sendFile } from '../../../app/api/client';
import type { VCardImportResult } from '../../../app/api/schemas';

/** Sends a .vcf file as the raw body; `accountId` links every imported contact to that account. */
export async function importVCard(file: File, accountId?: string): Promise<VCardImportResult> {
  const query = accountId ? `?accountId=${encodeURIComponent(accountId)}` : '';
  // The endpoint answers 201 with its VCardImportResult (see POST /contacts/import/vcard).
  return (await sendFile('POST', `/api/v1/contacts/import/vcard${query}`, file.type ? file : new Blob([file], { type: 'text/vcard' }))) as VCardImportResult;
}

/** The download address of a vCard export: the given contacts, or all of an account's that the reader may see. */
export function exportVCardUrl(target: { ids: string[] } | { accountId: string }): string {
  const query = 'ids' in target ? `ids=${target.ids.join(',')}` : `accountId=${encodeURIComponent(target.accountId)}`;
  return `/api/v1/contacts/export/vcard?${query}`;
}
