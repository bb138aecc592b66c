import { sql } from 'drizzle-orm';
import {
  boolean, customType, date, foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { ownedColumns, recordColumns, ts } from '../../platform/db/columns.ts';
import { accounts } from '../accounts/accounts.schema.ts';
import { customColumn, customGinIndex } from '../custom-fields/index.ts';
import { orgUnits, users } from '../org/org.schema.ts';
import { searchColumns, searchIndexes } from '../search/search.columns.ts';

export const contactGenders = ['male', 'female'] as const;
export type ContactGender = (typeof contactGenders)[number];

const textArray = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

/** Raw bytes; PostgreSQL's driver returns a Buffer, PGlite a Uint8Array: both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** People at our customers. A contact may work with several accounts (see accountContacts). */
export const contacts = pgTable(
  'contacts',
  {
    ...recordColumns(),
    ...ownedColumns(),
    name: text('name').notNull(),
    title: text('title'),
    department: text('department'),
    /** digits only, like accounts.phones */
    phones: textArray('phones'),
    emails: textArray('emails'),
    wechat: text('wechat'),
    birthday: date('birthday', { mode: 'string' }),
    gender: text('gender').$type<ContactGender>(),
    notes: text('notes'),
    /**
     * The company as written on a business card or vCard ORG, for a contact not (yet) linked to an
     * account; exports prefer the linked account's name.
     */
    organisation: text('organisation'),
    /**
     * The contact's picture (from a vCard PHOTO), in the row rather than the file store: it is small
     * (MAX_PHOTO_BYTES), is written in the same transaction as the contact, goes into database
     * backups with it, and TOAST keeps it out of the heap pages that lists read.
     */
    photo: bytea('photo'),
    /** image/jpeg, image/png, … (set together with photo) */
    photoType: text('photo_type'),
    /** custom field values by key (see modules/custom-fields) */
    custom: customColumn(),
    nameSort: text('name_sort').notNull(),
    ...searchColumns(),
    /** the key of this contact in another system that keeps it in sync: unique per tenant and source */
    externalSource: text('external_source'),
    externalId: text('external_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    index('contacts_owner_idx').on(t.tenantId, t.ownerId),
    index('contacts_unit_idx').on(t.tenantId, t.unitId),
    index('contacts_name_sort_idx').on(t.tenantId, t.nameSort, t.id),
    index('contacts_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('contacts_updated_idx').on(t.tenantId, t.updatedAt, t.id),
    customGinIndex('contacts', t.custom),
    uniqueIndex('contacts_external_id_uq').on(t.tenantId, t.externalSource, t.externalId).where(sql`${t.externalId} is not null and ${t.deletedAt} is null`),
    ...searchIndexes('contacts', t),
  ],
);

/** Which contacts work with which accounts, in what role; at most one primary contact per account. */
export const accountContacts = pgTable(
  'account_contacts',
  {
    tenantId: uuid('tenant_id').notNull(),
    accountId: uuid('account_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    role: text('role'),
    isPrimary: boolean('is_primary').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.accountId, t.contactId] }),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [accounts.tenantId, accounts.id] }),
    foreignKey({ columns: [t.tenantId, t.contactId], foreignColumns: [contacts.tenantId, contacts.id] }),
    index('account_contacts_contact_idx').on(t.tenantId, t.contactId),
    uniqueIndex('account_contacts_primary_uq').on(t.tenantId, t.accountId).where(sql`${t.isPrimary}`),
  ],
);
