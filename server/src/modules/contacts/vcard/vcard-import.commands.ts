import iconv from 'iconv-lite';
import { can, type Locale } from '../../../platform/access/principal.ts';
import { audit, diff, type AuditInput } from '../../../platform/audit/audit.ts';
import type { Executor } from '../../../platform/db/engine.ts';
import { newId } from '../../../platform/db/ids.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { forbidden, invalid } from '../../../platform/http/errors.ts';
import { findAccount } from '../../accounts/accounts.queries.ts';
import { resolveOwnership } from '../../accounts/ownership.ts';
import { importVCards } from '../../contacts-vcard/import-vcard.ts';
import { formatVCardWarning, type ContactDraft } from '../../contacts-vcard/vcard.types.ts';
import { diffCustom, validateCustom } from '../../custom-fields/index.ts';
import { auditedContactFields, type StoredContactFields } from '../contacts.commands.ts';
import { accountContacts, contacts } from '../contacts.schema.ts';
import { contactDerivedColumns } from '../contacts.search-columns.ts';
import { draftToContact, type MappedCard } from './draft-to-contact.ts';
import { formatMappingWarning, MAX_IMPORT_CONTACTS, type ImportResult } from './vcard-transfer.types.ts';

interface ImportOptions {
  accountId?: string;
  charset?: string;
}

/**
 * Contacts from a vCard file. The file is parsed and every card mapped before anything is written;
 * then all contacts (and their links to `accountId`) are created in one transaction, each with its
 * audit event, so an import either happens whole or not at all. Cards with nothing to import are
 * reported as skipped; values that could not be kept are reported as warnings.
 */
export async function importVCardContacts(ctx: Ctx, file: Buffer, opts: ImportOptions): Promise<ImportResult> {
  if (opts.charset && !iconv.encodingExists(opts.charset)) throw invalid('query.charset', 'not a known charset');
  const parsed = importVCards(file, { fallbackCharset: opts.charset });
  if (parsed.contacts.length > MAX_IMPORT_CONTACTS) throw invalid('body', `at most ${MAX_IMPORT_CONTACTS} contacts per file`);
  const cards = parsed.contacts.map((draft) => ({ draft, mapped: draftToContact(draft) }));
  const created = await ctx.db.transaction((tx) => createImported(ctx, tx, cards, opts.accountId, parsed));

  const locale: Locale = ctx.locale ?? 'zh-CN';
  return {
    cardCount: parsed.cardCount,
    created: created.length,
    contacts: created,
    skipped: parsed.skipped.map((s) => ({
      card: s.card,
      line: s.line,
      reasons: s.warnings.map((w) => ({ line: w.line, code: w.code, message: formatVCardWarning(w, locale) })),
    })),
    warnings: cards.flatMap(({ draft, mapped }) => [
      ...draft.warnings.map((w) => ({ card: draft.source.card, line: w.line, code: w.code, message: formatVCardWarning(w, locale) })),
      ...mapped.warnings.map((w) => ({ card: draft.source.card, line: w.line, code: w.code, message: formatMappingWarning(w, locale) })),
    ]),
  };
}

/** The account every imported contact is linked to: the caller must be allowed to change it, as for one link. */
async function accountToLink(tx: Executor, ctx: Ctx, accountId: string) {
  if (!can(ctx.principal, 'account', 'update')) throw forbidden();
  const account = await findAccount(tx, ctx.principal, accountId);
  if (!account) throw invalid('query.accountId', 'no such account in your scope');
  return account;
}

const chunks = <T>(list: T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
// Rows carry photos of up to 1 MB and events a dozen parameters: small batches keep statements well inside the limits.
const ROWS_PER_INSERT = 100;
const EVENTS_PER_INSERT = 1_000;

async function createImported(
  ctx: Ctx,
  tx: Executor,
  cards: { draft: ContactDraft; mapped: MappedCard }[],
  accountId: string | undefined,
  parsed: { cardCount: number; skipped: unknown[] },
): Promise<ImportResult['contacts']> {
  const p = ctx.principal;
  const account = accountId ? await accountToLink(tx, ctx, accountId) : null;
  const owner = await resolveOwnership(tx, p, 'contact', {});
  // A vCard carries no custom fields: every contact gets the defaults, and a required field
  // without one refuses the whole import (400 naming custom.<key>) rather than each card.
  const custom = await validateCustom(tx, p.tenantId, 'contact', undefined, { mode: 'create' });
  const importId = newId();
  const rows = cards.map(({ draft, mapped }) => {
    const fields: StoredContactFields = { ...mapped.fields, wechat: null, gender: null, ...owner };
    return { id: newId(), card: draft.source.card, fields, photo: mapped.photo };
  });

  for (const batch of chunks(rows, ROWS_PER_INSERT)) {
    await tx.insert(contacts).values(batch.map((r) => ({
      tenantId: p.tenantId, id: r.id, ...r.fields, custom, photo: r.photo?.bytes ?? null, photoType: r.photo?.mediaType ?? null,
      ...contactDerivedColumns(r.fields), createdBy: p.userId, updatedBy: p.userId,
    })));
  }
  if (account) {
    for (const batch of chunks(rows, ROWS_PER_INSERT * 5)) {
      await tx.insert(accountContacts).values(batch.map((r) => ({ tenantId: p.tenantId, accountId: account.id, contactId: r.id, createdBy: p.userId })));
    }
  }

  const events: AuditInput[] = rows.flatMap((r) => {
    const create: AuditInput = {
      action: 'create', objectType: 'contact', objectId: r.id, objectLabel: r.fields.name,
      changes: {
        ...diff(null, r.fields, auditedContactFields),
        ...diffCustom(null, custom),
        ...(r.photo ? { photo: [null, `${r.photo.mediaType}, ${r.photo.bytes.length} bytes`] } : {}),
      },
      context: { import: { id: importId, format: 'vcard', card: r.card } },
    };
    if (!account) return [create];
    // The same pair of events a single link writes (contact-links.commands.ts).
    const link = { accountId: account.id, contactId: r.id, role: null, isPrimary: false };
    return [
      create,
      { action: 'link_contact', objectType: 'account', objectId: account.id, objectLabel: account.name, context: { ...link, contactName: r.fields.name } },
      { action: 'link_account', objectType: 'contact', objectId: r.id, objectLabel: r.fields.name, context: { ...link, accountName: account.name } },
    ];
  });
  events.push({
    action: 'import', objectType: 'contact', objectLabel: 'vCard',
    context: { import: { id: importId, format: 'vcard', cardCount: parsed.cardCount, created: rows.length, skipped: parsed.skipped.length, accountId: account?.id ?? null } },
  });
  for (const batch of chunks(events, EVENTS_PER_INSERT)) await audit(tx, ctx.actor, batch);
  return rows.map((r) => ({ id: r.id, name: r.fields.name, card: r.card }));
}
