import { z } from 'zod';
import { listQuery } from '../../../platform/http/pagination.ts';

const locale = z.enum(['zh-CN', 'en-US']);

export const userSchema = z
  .object({
    id: z.uuid(),
    login: z.string(),
    name: z.string(),
    email: z.string().nullable().optional().describe('absent or masked when your role hides it'),
    phone: z.string().nullable().optional().describe('absent or masked when your role hides it'),
    title: z.string().nullable(),
    unitId: z.uuid(),
    unitName: z.string().nullable(),
    locale: locale.nullable(),
    active: z.boolean(),
    locked: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.iso.datetime().nullable(),
    roleIds: z.array(z.uuid()),
    managedUnitIds: z.array(z.uuid()),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    permissions: z.object({ update: z.boolean(), delete: z.boolean(), resetPassword: z.boolean() }),
  })
  .meta({ id: 'User' });
export type UserDto = z.infer<typeof userSchema>;

export const userSortFields = ['name', 'login', 'createdAt', 'lastLoginAt'] as const;

export const listUsersQuery = listQuery.extend({
  q: z.string().trim().max(100).optional().describe('part of the name, login, e-mail or phone'),
  unitId: z.uuid().optional().describe('only users of this unit and the units below it'),
  roleId: z.uuid().optional(),
  active: z.enum(['true', 'false']).optional(),
  sort: z.enum(userSortFields).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

const login = z.string().trim().toLowerCase().min(2).max(60).regex(/^[a-z0-9._@-]+$/, 'letters, digits, . _ @ -');

export const createUserBody = z.object({
  login,
  name: z.string().trim().min(1).max(100),
  email: z.email().nullish(),
  phone: z.string().trim().max(40).nullish(),
  title: z.string().trim().max(100).nullish(),
  unitId: z.uuid(),
  locale: locale.nullish(),
  roleIds: z.array(z.uuid()).min(1),
  managedUnitIds: z.array(z.uuid()).default([]),
  password: z.string().min(10).max(200).optional().describe('omit to generate a one-time password, returned once'),
});

export const updateUserBody = z.object({
  version: z.number().int(),
  name: z.string().trim().min(1).max(100).optional(),
  email: z.email().nullish(),
  phone: z.string().trim().max(40).nullish(),
  title: z.string().trim().max(100).nullish(),
  unitId: z.uuid().optional(),
  locale: locale.nullish(),
  active: z.boolean().optional(),
  roleIds: z.array(z.uuid()).min(1).optional(),
  managedUnitIds: z.array(z.uuid()).optional(),
});

export const createdUserSchema = z.object({ user: userSchema, oneTimePassword: z.string().nullable() });
export const idParams = z.object({ id: z.uuid() });
