import { z } from 'zod';
import { listQuery } from '../../platform/http/pagination.ts';
import { customFiltersParam, customInputSchema, customOutputSchema, customSortField } from '../custom-fields/index.ts';
import { emailsField, optionalText, phonesField } from '../accounts/account-fields.ts';
import { totalSchema } from '../accounts/accounts.types.ts';
import { contactGenders } from './contacts.schema.ts';

export const contactLinkSchema = z
  .object({
    accountId: z.uuid(),
    accountName: z.string(),
    role: z.string().nullable(),
    isPrimary: z.boolean(),
  })
  .meta({ id: 'ContactAccountLink' });

export const contactSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    title: z.string().nullable(),
    department: z.string().nullable(),
    phones: z.array(z.string()).optional().describe('digits; masked or absent when your role masks or hides them'),
    emails: z.array(z.string()).optional(),
    wechat: z.string().nullable().optional(),
    birthday: z.string().nullable().optional().describe('YYYY-MM-DD'),
    gender: z.enum(contactGenders).nullable(),
    notes: z.string().nullable(),
    organisation: z.string().nullable().describe('company as written on their card; see `accounts` for linked accounts'),
    hasPhoto: z.boolean().describe('GET /contacts/{id}/photo returns it'),
    custom: customOutputSchema,
    ownerId: z.uuid(),
    ownerName: z.string().nullable(),
    unitId: z.uuid(),
    unitName: z.string().nullable(),
    accounts: z.array(contactLinkSchema).describe('the accounts this contact works with that you may see'),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    permissions: z.object({ update: z.boolean(), delete: z.boolean(), assign: z.boolean() }),
  })
  .meta({ id: 'Contact' });
export type ContactDto = z.infer<typeof contactSchema>;

const editable = {
  name: z.string().trim().min(1).max(100),
  title: optionalText(100),
  department: optionalText(100),
  phones: phonesField,
  emails: emailsField,
  wechat: optionalText(60),
  birthday: z.preprocess((v) => (v === '' ? null : v), z.iso.date().nullish()),
  gender: z.enum(contactGenders).nullish(),
  notes: optionalText(2000),
  organisation: optionalText(200),
  custom: customInputSchema,
  ownerId: z.uuid().describe('default: you'),
  unitId: z.uuid().describe("default: the owner's unit"),
};

export const createContactBody = z.object({
  ...editable,
  phones: editable.phones.optional(),
  emails: editable.emails.optional(),
  custom: editable.custom.optional(),
  ownerId: editable.ownerId.optional(),
  unitId: editable.unitId.optional(),
  accountId: z.uuid().optional().describe('link the new contact to this account'),
  role: optionalText(60).describe('their role at that account: 采购经理, 船长…'),
  isPrimary: z.boolean().optional(),
});
export type CreateContactInput = z.infer<typeof createContactBody>;

export const updateContactBody = z.object({ version: z.number().int(), ...editable }).partial().required({ version: true });
export type UpdateContactInput = z.infer<typeof updateContactBody>;

export const contactSortFields = ['name', 'createdAt', 'updatedAt'] as const;

export const listContactsQuery = listQuery.extend({
  q: z.string().trim().max(100).optional().describe('name parts, pinyin, initials, phone, e-mail, WeChat id'),
  ownerId: z.uuid().optional(),
  unitId: z.uuid().optional().describe('contacts of this unit and every unit below it'),
  accountId: z.uuid().optional().describe('contacts linked to this account'),
  createdFrom: z.iso.datetime({ offset: true }).optional(),
  createdTo: z.iso.datetime({ offset: true }).optional(),
  customFilters: customFiltersParam,
  sort: z.union([z.enum(contactSortFields), customSortField]).default('updatedAt'),
  order: z.enum(['asc', 'desc']).optional().describe('default: asc for name and custom fields, desc for dates'),
  count: z.enum(['true', 'false']).default('true'),
});
export type ListContactsQuery = z.infer<typeof listContactsQuery>;

export const contactPageSchema = z.object({
  items: z.array(contactSchema.partial()),
  nextCursor: z.string().nullable(),
  total: totalSchema.nullable(),
});

export const linkBody = z.object({
  contactId: z.uuid(),
  role: optionalText(60),
  isPrimary: z.boolean().default(false).describe('makes this the account\'s one primary contact'),
});
export const accountContactSchema = z
  .object({ contact: contactSchema, role: z.string().nullable(), isPrimary: z.boolean() })
  .meta({ id: 'AccountContact' });

export const idParams = z.object({ id: z.uuid() });
export const linkParams = z.object({ id: z.uuid(), contactId: z.uuid() });
