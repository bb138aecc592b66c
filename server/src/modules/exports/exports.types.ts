import { z } from 'zod';
import { listAccountsQuery } from '../accounts/accounts.types.ts';
import { listContactsQuery } from '../contacts/contacts.types.ts';
import { csvEncodings, exportFormats } from './export-writer.ts';

const exportOptions = {
  format: z.enum(exportFormats).default('xlsx'),
  encoding: z.enum(csvEncodings).default('utf-8').describe('CSV only: utf-8 (with BOM) or gbk for old Excel on a Chinese Windows'),
  columns: z
    .string()
    .max(2000)
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined))
    .describe('comma-separated column keys (name, phones, custom.level…); default: all'),
};

export const exportAccountsQuery = listAccountsQuery.omit({ cursor: true, limit: true, count: true }).extend(exportOptions);
export const exportContactsQuery = listContactsQuery.omit({ cursor: true, limit: true, count: true }).extend(exportOptions);
