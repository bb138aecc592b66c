import { z } from 'zod';
import type { Locale } from '../../platform/access/principal.ts';
import { riskFlagKinds, type RiskFlagKind } from './risk-flags.schema.ts';

export const kindLabels: Record<Locale, Record<RiskFlagKind, string>> = {
  'zh-CN': { bad_debt: '坏账风险', fraud: '欺诈', malicious: '恶意客户' },
  'en-US': { bad_debt: 'Bad debt', fraud: 'Fraud', malicious: 'Malicious' },
};

export const accountIdParams = z.object({ id: z.uuid() });
export const flagIdParams = z.object({ id: z.uuid() });

export const createFlagBody = z.object({
  kind: z.enum(riskFlagKinds),
  reason: z.string().trim().min(2).max(2000).describe('what happened, for every branch to read'),
});

export const riskWarningSchema = z
  .object({
    flagId: z.uuid(),
    name: z.string(),
    creditCode: z.string().nullable(),
    kind: z.enum(riskFlagKinds),
    reason: z.string(),
    flaggedAt: z.iso.datetime(),
    flaggingUnitName: z.string().nullable(),
  })
  .meta({ id: 'RiskWarning' });

export const riskFlagSchema = z.object({
  id: z.uuid(),
  kind: z.enum(riskFlagKinds),
  reason: z.string(),
  flaggedBy: z.uuid(),
  flaggedByName: z.string().nullable(),
  unitId: z.uuid(),
  unitName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  clearedAt: z.iso.datetime().nullable(),
  clearedBy: z.uuid().nullable(),
  canClear: z.boolean(),
});

export const lookupQuery = z.object({ q: z.string().trim().min(1).max(100).describe('a name, part of one, or a credit code') });
