import { z } from 'zod';
import { listQuery } from '../../platform/http/pagination.ts';
import { emailsField, optionalText, phonesField, regionCode } from '../accounts/account-fields.ts';
import { customFiltersParam, customInputSchema, customOutputSchema } from '../custom-fields/index.ts';
import { candidateSchema } from '../dedup/dedup.types.ts';
import { leadRatings, leadSources, leadStatuses } from './leads.schema.ts';

const linked = z.object({ id: z.uuid(), name: z.string().nullable().describe('null when outside your data scope') }).nullable();

export const leadSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    companyName: z.string().nullable(),
    title: z.string().nullable(),
    phones: z.array(z.string()).optional(),
    emails: z.array(z.string()).optional(),
    provinceCode: z.string().nullable(),
    cityCode: z.string().nullable(),
    address: z.string().nullable(),
    source: z.enum(leadSources),
    sourceDetail: z.string().nullable(),
    status: z.enum(leadStatuses),
    rating: z.enum(leadRatings).nullable(),
    qualification: z.string().nullable(),
    estimatedAmount: z.number().int().nullable(),
    notes: z.string().nullable(),
    unqualifiedReason: z.string().nullable(),
    convertedAt: z.iso.datetime().nullable(),
    convertedAccount: linked,
    convertedContact: linked,
    convertedOpportunity: linked,
    ownerId: z.uuid(),
    ownerName: z.string().nullable(),
    unitId: z.uuid(),
    unitName: z.string().nullable(),
    custom: customOutputSchema,
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    permissions: z.object({ update: z.boolean(), delete: z.boolean(), assign: z.boolean(), convert: z.boolean() }),
  })
  .meta({ id: 'Lead' });
export type LeadDto = z.infer<typeof leadSchema>;

const editable = {
  name: z.string().trim().min(1).max(100).describe('the person'),
  companyName: optionalText(200),
  title: optionalText(100),
  phones: phonesField,
  emails: emailsField,
  provinceCode: regionCode,
  cityCode: regionCode,
  address: optionalText(300),
  source: z.enum(leadSources),
  sourceDetail: optionalText(200).describe("the exhibition's or campaign's name, who referred them…"),
  status: z.enum(leadStatuses.filter((s) => s !== 'converted') as ['new', 'contacted', 'qualified', 'unqualified']).describe('converted is set by converting'),
  rating: z.enum(leadRatings).nullish(),
  qualification: optionalText(2000).describe('need, budget, authority, timing'),
  estimatedAmount: z.number().int().min(0).nullish(),
  notes: optionalText(5000),
  unqualifiedReason: optionalText(500),
  ownerId: z.uuid().describe('default: you'),
  unitId: z.uuid().describe("default: the owner's unit"),
  custom: customInputSchema,
};

export const createLeadBody = z.object({
  ...editable,
  phones: editable.phones.optional(),
  emails: editable.emails.optional(),
  source: editable.source.default('other'),
  status: editable.status.optional(),
  ownerId: editable.ownerId.optional(),
  unitId: editable.unitId.optional(),
  custom: editable.custom.optional(),
});
export type CreateLeadInput = z.infer<typeof createLeadBody>;

export const updateLeadBody = z.object({ version: z.number().int(), ...editable }).partial().required({ version: true });
export type UpdateLeadInput = z.infer<typeof updateLeadBody>;

const csv = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined));

export const listLeadsQuery = listQuery.extend({
  q: z.string().trim().max(100).optional().describe('name, company, pinyin, phone, e-mail'),
  status: csv.pipe(z.array(z.enum(leadStatuses)).optional()).describe('comma-separated statuses'),
  source: csv.pipe(z.array(z.enum(leadSources)).optional()),
  ownerId: z.uuid().optional(),
  unitId: z.uuid().optional().describe('leads of this unit and every unit below it'),
  customFilters: customFiltersParam,
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ListLeadsQuery = z.infer<typeof listLeadsQuery>;

export const convertLeadBody = z.object({
  version: z.number().int().describe('the version you read'),
  accountId: z.uuid().optional().describe('an existing account you can see (e.g. a duplicate found by the check); absent: a new account'),
  accountName: z.string().trim().min(1).max(200).optional().describe("the new account's name; default: the lead's company, else the person"),
  ignoreDuplicates: z.boolean().default(false).describe('create the new account although possible duplicates were found'),
  createContact: z.boolean().default(true),
  createOpportunity: z.boolean().default(true),
  opportunityName: z.string().trim().min(1).max(200).optional(),
  amount: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().regex(/^\d{1,16}(\.\d{1,2})?$/).optional()),
  expectedCloseDate: z.iso.date().optional(),
  pipelineId: z.uuid().optional(),
  stageId: z.uuid().optional(),
});
export type ConvertLeadInput = z.infer<typeof convertLeadBody>;

export const convertResultSchema = z.object({
  lead: leadSchema,
  accountId: z.uuid(),
  accountCreated: z.boolean(),
  contactId: z.uuid().nullable(),
  opportunityId: z.uuid().nullable(),
});

export const leadDuplicatesSchema = z.object({ candidates: z.array(candidateSchema) });

export const idParams = z.object({ id: z.uuid() });
export const versionBody = z.object({ version: z.number().int() });
