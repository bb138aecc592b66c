import { audit, type AuditInput } from '../../../platform/audit/audit.ts';
import { newId } from '../../../platform/db/ids.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { invalid, notFound } from '../../../platform/http/errors.ts';
import { getAccount } from '../../accounts/accounts.queries.ts';
import { exportVCards } from '../../contacts-vcard/export-vcard.ts';
import { contactPhotos, listAccountContacts, listContactsByIds, type ContactRecord } from '../contacts.queries.ts';
import { contactToCard, omittedFields, type SensitiveCardField } from './contact-to-card.ts';
import { MAX_EXPORT_CONTACTS, type ExportQuery } from './vcard-transfer.types.ts';

export interface VCardExport {
  text: string;
  /** a file name for Content-Disposition */
  fileName: string;
  count: number;
  omitted: SensitiveCardField[];
}

/**
 * The chosen contacts as one vCard file, within the caller's data scope: an id outside it fails the
 * whole export with 404 (as bulk actions do), and an account's export holds only the contacts the
 * caller may see. Fields the caller's role masks or hides are left out (see omittedFields). Every
 * exported contact gets an 'export' audit event, written before the file is handed over.
 */
export async function exportVCardContacts(ctx: Ctx, q: ExportQuery): Promise<VCardExport> {
  const p = ctx.principal;
  let records: ContactRecord[];
  let fileName = 'contacts.vcf';
  if (q.ids) {
    records = await listContactsByIds(ctx.readDb, p, q.ids);
    if (records.length !== q.ids.length) throw notFound();
  } else {
    const account = await getAccount(ctx.readDb, p, q.accountId!);
    const linked = await listAccountContacts(ctx.readDb, p, account.id, MAX_EXPORT_CONTACTS + 1);
    if (linked.length > MAX_EXPORT_CONTACTS) throw invalid('query.accountId', `more than ${MAX_EXPORT_CONTACTS} contacts: export them by ids, in parts`);
    records = linked.map((l) => l.contact);
    fileName = `${account.name}.vcf`;
  }

  const omitted = omittedFields(p);
  const photos = await contactPhotos(ctx.readDb, p, records.map((r) => r.id));
  const text = exportVCards(records.map((r) => contactToCard(r, photos.get(r.id), omitted)), { version: q.version });

  const context = { export: { id: newId(), format: 'vcard', version: q.version, count: records.length, omittedFields: omitted } };
  const events = records.map((r): AuditInput => ({ action: 'export', objectType: 'contact', objectId: r.id, objectLabel: r.name, context }));
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < events.length; i += 1_000) await audit(tx, ctx.actor, events.slice(i, i + 1_000));
  });
  return { text, fileName, count: records.length, omitted };
}
