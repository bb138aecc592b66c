import { z } from 'zod';
import { actions, dataScopes } from '../../../platform/access/permissions.ts';

const grant = z.object({ actions: z.array(z.enum(actions)), scope: z.enum(dataScopes) });
const grants = z.record(z.string(), grant).describe('per object type: allowed actions and data scope');
const fieldRules = z
  .record(z.string(), z.record(z.string(), z.enum(['hidden', 'masked'])))
  .describe('per object type: fields hidden or masked for this role');

export const roleSchema = z
  .object({
    id: z.uuid(),
    key: z.string().nullable().describe('set on built-in roles'),
    name: z.string(),
    description: z.string().nullable(),
    grants,
    capabilities: z.array(z.string()),
    fieldRules,
    userCount: z.number().int(),
    version: z.number().int(),
    permissions: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'Role' });
export type RoleDto = z.infer<typeof roleSchema>;

const roleFields = {
  name: z.string().trim().min(1).max(60),
  description: z.string().trim().max(500).nullish(),
  grants,
  capabilities: z.array(z.string()),
  fieldRules,
};

export const createRoleBody = z.object({
  ...roleFields,
  grants: grants.default({}),
  capabilities: roleFields.capabilities.default([]),
  fieldRules: fieldRules.default({}),
});

// No defaults here: an omitted field is left as it is (zod would otherwise fill in {} and wipe it).
export const updateRoleBody = z.object(roleFields).partial().extend({ version: z.number().int() });

export const catalogSchema = z.object({
  objects: z.array(
    z.object({
      type: z.string(),
      label: z.string(),
      actions: z.array(z.enum(actions)),
      sensitiveFields: z.array(z.string()),
    }),
  ),
  capabilities: z.array(z.object({ key: z.string(), label: z.string() })),
  scopes: z.array(z.enum(dataScopes)),
});

export const idParams = z.object({ id: z.uuid() });
