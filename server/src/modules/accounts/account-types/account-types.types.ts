import { z } from 'zod';

export const accountTypeSchema = z
  .object({
    key: z.string(),
    label: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
    sortOrder: z.number().int(),
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'AccountType' });
export type AccountTypeDto = z.infer<typeof accountTypeSchema>;

const label = z.string().trim().min(1).max(50);

export const createAccountTypeBody = z.object({
  key: z.string().trim().toLowerCase().regex(/^[a-z][a-z0-9_]{1,39}$/, 'lower-case letters, digits and _, starting with a letter'),
  labelZh: label,
  labelEn: label,
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});

export const updateAccountTypeBody = z.object({
  version: z.number().int(),
  labelZh: label.optional(),
  labelEn: label.optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  active: z.boolean().optional().describe('inactive types stay on existing accounts but cannot be chosen for new ones'),
});

export const accountTypeParams = z.object({ key: z.string().max(40) });
export const accountTypesQuery = z.object({ includeInactive: z.enum(['true', 'false']).default('false') });
