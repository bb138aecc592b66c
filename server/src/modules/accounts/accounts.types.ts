import { z } from 'zod';
import { listQuery } from '../../platform/http/pagination.ts';
import { customFiltersParam, customInputSchema, customOutputSchema, customSortField } from '../custom-fields/index.ts';
import {
  creditCodeField, emailsField, moneyField, optionalText, phonesField, refineRegion, regionCode, tagsField,
} from './account-fields.ts';
import { accountKinds, accountTiers } from './accounts.schema.ts';

export const accountSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(accountKinds),
    name: z.string(),
    shortName: z.string().nullable(),
    englishName: z.string().nullable(),
    formerNames: z.array(z.string()),
    creditCode: z.string().nullable(),
    provinceCode: z.string().nullable(),
    cityCode: z.string().nullable(),
    districtCode: z.string().nullable(),
    regionName: z.string().nullable().describe('"上海市 黄浦区": names along the region codes'),
    address: z.string().nullable(),
    phones: z.array(z.string()).optional().describe('digits; masked or absent when your role masks or hides them'),
    emails: z.array(z.string()).optional().describe('masked or absent when your role masks or hides them'),
    website: z.string().nullable(),
    industry: z.string().nullable(),
    type: z.string().nullable().describe('key of an account type (GET /account-types)'),
    tier: z.enum(accountTiers).nullable(),
    source: z.string().nullable(),
    tags: z.array(z.string()),
    creditLimit: z.string().nullable().optional().describe('decimal string; masked or absent when your role masks or hides it'),
    custom: customOutputSchema,
    ownerId: z.uuid(),
    ownerName: z.string().nullable(),
    unitId: z.uuid(),
    unitName: z.string().nullable(),
    lastActivityAt: z.iso.datetime().nullable().describe('the last follow-up activity (visit, call, completed task…); null when none yet'),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    permissions: z.object({ update: z.boolean(), delete: z.boolean(), assign: z.boolean() }),
  })
  .meta({ id: 'Account' });
export type AccountDto = z.infer<typeof accountSchema>;

/** Fields a caller may set; none carry defaults so the update body can reuse them as "absent = unchanged". */
const editable = {
  kind: z.enum(accountKinds),
  name: z.string().trim().min(1).max(200),
  shortName: optionalText(100),
  englishName: optionalText(200),
  formerNames: z.array(z.string().trim().min(1).max(200)).max(20).transform((l) => [...new Set(l)]),
  creditCode: creditCodeField,
  provinceCode: regionCode,
  cityCode: regionCode,
  districtCode: regionCode,
  address: optionalText(300),
  phones: phonesField,
  emails: emailsField,
  website: optionalText(200),
  industry: optionalText(100),
  type: optionalText(40),
  tier: z.enum(accountTiers).nullish(),
  source: optionalText(100),
  tags: tagsField,
  creditLimit: moneyField,
  custom: customInputSchema,
  ownerId: z.uuid().describe('default: you'),
  unitId: z.uuid().describe("default: the owner's unit"),
};

export const createAccountBody = z
  .object({
    ...editable,
    kind: editable.kind.optional(),
    formerNames: editable.formerNames.optional(),
    phones: editable.phones.optional(),
    emails: editable.emails.optional(),
    tags: editable.tags.optional(),
    custom: editable.custom.optional(),
    ownerId: editable.ownerId.optional(),
    unitId: editable.unitId.optional(),
  })
  .superRefine((body, ctx) => refineRegion(body, ctx));
export type CreateAccountInput = z.infer<typeof createAccountBody>;

const regionFields = ['provinceCode', 'cityCode', 'districtCode'] as const;

export const updateAccountBody = z
  .object({ version: z.number().int(), ...editable })
  .partial()
  .required({ version: true })
  .superRefine((body, ctx) => {
    // The three codes are one value: sent together, they are checked together.
    const sent = regionFields.filter((f) => body[f] !== undefined);
    if (sent.length && sent.length < 3) {
      for (const f of regionFields.filter((f) => body[f] === undefined)) {
        ctx.addIssue({ code: 'custom', path: [f], message: 'send provinceCode, cityCode and districtCode together (null to clear)' });
      }
      return;
    }
    refineRegion(body, ctx);
  });
export type UpdateAccountInput = z.infer<typeof updateAccountBody>;

export const accountSortFields = ['name', 'createdAt', 'updatedAt', 'lastActivityAt'] as const;

const csv = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined));

export const listAccountsQuery = listQuery.extend({
  q: z.string().trim().max(100).optional().describe('the search box syntax: name parts, pinyin, initials, phone, e-mail, credit code'),
  ownerId: z.uuid().optional(),
  unitId: z.uuid().optional().describe('accounts of this unit and every unit below it'),
  type: csv.describe('comma-separated account type keys'),
  tier: csv.pipe(z.array(z.enum(accountTiers)).optional()).describe('comma-separated: A,B'),
  industry: z.string().trim().max(100).optional(),
  provinceCode: regionCode.optional(),
  cityCode: regionCode.optional(),
  districtCode: regionCode.optional(),
  tags: csv.describe('comma-separated; accounts carrying all of them'),
  createdFrom: z.iso.datetime({ offset: true }).optional(),
  createdTo: z.iso.datetime({ offset: true }).optional(),
  customFilters: customFiltersParam,
  sort: z.union([z.enum(accountSortFields), customSortField]).default('updatedAt'),
  order: z.enum(['asc', 'desc']).optional().describe('default: asc for name and custom fields, desc for dates'),
  count: z.enum(['true', 'false']).default('true').describe('count the matches (first page only)'),
});
export type ListAccountsQuery = z.infer<typeof listAccountsQuery>;

export const totalSchema = z
  .object({
    value: z.number().int(),
    exact: z.boolean().describe('false: an estimate from the query planner, shown as "about …"'),
  })
  .meta({ id: 'ListTotal' });

export const accountPageSchema = z.object({
  items: z.array(accountSchema.partial()),
  nextCursor: z.string().nullable(),
  total: totalSchema.nullable().describe('on the first page only; null on later pages or with count=false'),
});

const ids = z.array(z.uuid()).min(1).max(500).transform((l) => [...new Set(l)]);

export const bulkAssignBody = z.object({
  ids,
  ownerId: z.uuid(),
  unitId: z.uuid().optional().describe("default: the new owner's unit"),
});
export const bulkTagBody = z
  .object({ ids, add: tagsField.default([]), remove: tagsField.default([]) })
  .refine((b) => b.add.length + b.remove.length > 0, { message: 'add or remove at least one tag', path: ['add'] });
export const bulkDeleteBody = z.object({ ids });
export const bulkResultSchema = z.object({ updated: z.number().int() });

export const idParams = z.object({ id: z.uuid() });
