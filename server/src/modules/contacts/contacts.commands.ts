import { and, eq } from 'drizzle-orm';
import { can } from '../../platform/access/principal.ts';
import { audit, diff } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { resolveOwnership } from '../accounts/ownership.ts';
import { diffCustom, validateCustom } from '../custom-fields/index.ts';
import { linkContact } from './contact-links.commands.ts';
import { contactDerivedColumns } from './contacts.search-columns.ts';
import { findContact, getContact, readBackContact, type ContactRecord, type ContactRow } from './contacts.queries.ts';
import { contacts } from './contacts.schema.ts';
import type { CreateContactInput, UpdateContactInput } from './contacts.types.ts';

export const auditedContactFields = [
  'name', 'title', 'department', 'phones', 'emails', 'wechat', 'birthday', 'gender', 'notes', 'organisation', 'ownerId', 'unitId',
] as const;

export type StoredContactFields = Pick<ContactRow, (typeof auditedContactFields)[number]>;

export async function createContact(ctx: Ctx, input: CreateContactInput): Promise<ContactRecord> {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const owner = await resolveOwnership(tx, p, 'contact', { ownerId: input.ownerId, unitId: input.unitId });
    const custom = await validateCustom(tx, p.tenantId, 'contact', input.custom, { mode: 'create' });
    const fields: StoredContactFields = {
      name: input.name,
      title: input.title ?? null,
      department: input.department ?? null,
      phones: input.phones ?? [],
      emails: input.emails ?? [],
      wechat: input.wechat ?? null,
      birthday: input.birthday ?? null,
      gender: input.gender ?? null,
      notes: input.notes ?? null,
      organisation: input.organisation ?? null,
      ...owner,
    };
    const id = newId();
    await tx.insert(contacts).values({ tenantId: p.tenantId, id, ...fields, custom, ...contactDerivedColumns(fields), createdBy: p.userId, updatedBy: p.userId });
    const created = await readBackContact(tx, p, id);
    await audit(tx, ctx.actor, {
      action: 'create', objectType: 'contact', objectId: id, objectLabel: created.name,
      changes: { ...diff(null, created, auditedContactFields), ...diffCustom(null, created.custom) },
    });
    if (input.accountId) {
      await linkContact(ctx, tx, input.accountId, { contactId: id, role: input.role ?? null, isPrimary: input.isPrimary ?? false }, { field: 'accountId' });
      return readBackContact(tx, p, id);
    }
    return created;
  });
}

export async function updateContact(ctx: Ctx, id: string, input: UpdateContactInput): Promise<ContactRecord> {
  const { principal: p } = ctx;
  return ctx.db.transaction(async (tx) => {
    const before = await getContact(tx, p, id);
    if (before.version !== input.version) throw new AppError('version_conflict');
    const fields = Object.fromEntries(
      auditedContactFields.map((k) => [k, input[k] === undefined ? before[k] : input[k]]),
    ) as unknown as StoredContactFields;
    if (fields.ownerId !== before.ownerId || fields.unitId !== before.unitId) {
      if (fields.ownerId !== before.ownerId && !can(p, 'contact', 'assign')) throw forbidden();
      Object.assign(fields, await resolveOwnership(tx, p, 'contact', { ownerId: input.ownerId, unitId: input.unitId }, before));
    }
    // `custom` is a patch: absent keys keep their values, null clears one.
    const custom = input.custom === undefined
      ? before.custom
      : await validateCustom(tx, p.tenantId, 'contact', input.custom, { mode: 'update', existing: before.custom, recordId: id });
    const [row] = await tx
      .update(contacts)
      .set({ ...fields, custom, ...contactDerivedColumns(fields), version: before.version + 1, updatedAt: new Date(), updatedBy: p.userId })
      .where(and(eq(contacts.tenantId, p.tenantId), eq(contacts.id, id), eq(contacts.version, input.version)))
      .returning({ id: contacts.id });
    if (!row) throw new AppError('version_conflict');
    const after = await readBackContact(tx, p, id);
    await audit(tx, ctx.actor, {
      action: 'update', objectType: 'contact', objectId: id, objectLabel: after.name,
      changes: { ...diff(before, after, auditedContactFields), ...diffCustom(before.custom, after.custom) },
    });
    return after;
  });
}

export async function deleteContact(ctx: Ctx, id: string): Promise<void> {
  const { principal: p } = ctx;
  await ctx.db.transaction(async (tx) => {
    const contact = await getContact(tx, p, id);
    // Links stay: restoring the contact brings back where they worked.
    await tx
      .update(contacts)
      .set({ deletedAt: new Date(), deletedBy: p.userId, version: contact.version + 1 })
      .where(and(eq(contacts.tenantId, p.tenantId), eq(contacts.id, id)));
    await audit(tx, ctx.actor, { action: 'delete', objectType: 'contact', objectId: id, objectLabel: contact.name });
  });
}

export async function restoreContact(ctx: Ctx, id: string): Promise<void> {
  const { principal: p } = ctx;
  await ctx.db.transaction(async (tx) => {
    const contact = await findContact(tx, p, id, { includeDeleted: true });
    if (!contact?.deletedAt) throw notFound();
    await tx
      .update(contacts)
      .set({ deletedAt: null, deletedBy: null, version: contact.version + 1, updatedAt: new Date(), updatedBy: p.userId })
      .where(and(eq(contacts.tenantId, p.tenantId), eq(contacts.id, id)));
    await audit(tx, ctx.actor, { action: 'restore', objectType: 'contact', objectId: id, objectLabel: contact.name });
  });
}
