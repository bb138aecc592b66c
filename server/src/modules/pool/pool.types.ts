import { z } from 'zod';
import { listQuery } from '../../platform/http/pagination.ts';
import { accountTiers } from '../accounts/accounts.schema.ts';
import { ownerChangeReasons } from './pool.schema.ts';

export const accountIdParams = z.object({ id: z.uuid() });

export const poolListQuery = listQuery.pick({ limit: true, cursor: true }).extend({
  unitId: z.uuid().optional().describe('one unit\'s pool; all pools you see when absent'),
  q: z.string().trim().max(100).optional().describe('the search box syntax: name parts, pinyin, initials, phone, credit code'),
  tier: z.enum(accountTiers).optional(),
});

export const poolItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.string(),
  industry: z.string().nullable(),
  type: z.string().nullable(),
  tier: z.string().nullable(),
  provinceCode: z.string().nullable(),
  cityCode: z.string().nullable(),
  unitId: z.uuid(),
  unitName: z.string().nullable(),
  lastActivityAt: z.iso.datetime().nullable(),
  inPoolSince: z.iso.datetime().nullable().describe('when it last changed hands; null when it never did'),
  updatedAt: z.iso.datetime(),
});
export const poolPageSchema = z.object({ items: z.array(poolItemSchema), nextCursor: z.string().nullable() });

export const poolSummarySchema = z.object({
  held: z.number().int().describe('your private customers'),
  maxPrivate: z.number().int().nullable().describe('the cap N that applies to you; null: no cap'),
  reclaimCooldownDays: z.number().int(),
  holderId: z.uuid().nullable().describe('the owner of every pool account; null before the first release'),
  units: z.array(z.object({ id: z.uuid(), name: z.string(), depth: z.number().int() })).describe('the units whose pools you see'),
});

export const releaseBody = z.object({ note: z.string().trim().max(500).optional().describe('why, for the history') });
export const assignBody = z.object({ userId: z.uuid() });

export const transferBody = z
  .object({
    fromUserId: z.uuid(),
    toUserId: z.uuid().optional(),
    distribution: z.array(z.uuid()).min(1).max(100).optional().describe('spread round-robin over these people'),
  })
  .refine((b) => (b.toUserId ? 1 : 0) + (b.distribution ? 1 : 0) === 1, { message: 'give toUserId or distribution, not both', path: ['toUserId'] });
export const transferResultSchema = z.object({ accounts: z.number().int(), tasks: z.number().int(), opportunities: z.number().int() });

export const historyItemSchema = z.object({
  id: z.uuid(),
  reason: z.enum(ownerChangeReasons),
  fromOwnerId: z.uuid().nullable(),
  toOwnerId: z.uuid(),
  toOwnerName: z.string().nullable().describe('null when it went to the pool'),
  toPool: z.boolean(),
  fromUnitId: z.uuid().nullable(),
  toUnitId: z.uuid(),
  note: z.string().nullable(),
  actorUserId: z.uuid().nullable().describe('null for the nightly job'),
  at: z.iso.datetime(),
});

const days = z.number().int().min(0).max(3650);
export const ruleBody = z.object({
  unitId: z.uuid().nullable().describe('null: the tenant default'),
  maxPrivate: z.number().int().min(0).max(100_000).nullable().describe('N; null: no cap'),
  idleDays: z.number().int().min(1).max(3650).nullable().describe('D; null: never returned for lack of follow-up'),
  noWonDealDays: z.number().int().min(1).max(3650).nullable().describe('E; stored, inert until deals exist'),
  warnDays: days.describe('K'),
  reclaimCooldownDays: days.describe('C'),
  version: z.number().int().optional().describe('the version you read; absent when creating'),
});
export const ruleSchema = ruleBody.extend({ id: z.uuid(), version: z.number().int(), updatedAt: z.iso.datetime() });
