import { z } from 'zod';
import { actions, dataScopes } from '../../platform/access/permissions.ts';

export const loginBody = z.object({
  login: z.string().trim().toLowerCase().min(1).max(100),
  password: z.string().min(1).max(200),
  tenant: z.string().trim().max(60).optional().describe('company code; needed only when the server hosts several companies'),
});

export const meSchema = z
  .object({
    user: z.object({
      id: z.uuid(),
      login: z.string(),
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      title: z.string().nullable(),
      unitId: z.uuid(),
      unitName: z.string().nullable(),
      locale: z.enum(['zh-CN', 'en-US']).nullable(),
      mustChangePassword: z.boolean(),
    }),
    tenant: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
    grants: z.record(z.string(), z.object({ actions: z.array(z.enum(actions)), scope: z.enum(dataScopes) })),
    capabilities: z.array(z.string()),
    csrfToken: z.string().nullable().describe('send as X-CSRF-Token on every non-GET request made with the session cookie'),
  })
  .meta({ id: 'Me' });

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200),
});

export const updateProfileBody = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  email: z.email().nullish(),
  phone: z.string().trim().max(40).nullish(),
  locale: z.enum(['zh-CN', 'en-US']).nullish(),
});
