import { z } from 'zod';
import { normalizePhone } from '../../platform/text/phone.ts';
import { creditCodeProblem, normalizeCreditCode } from './credit-code.ts';
import { regionProblems, type RegionCodes } from './regions/regions.ts';

/**
 * Field contracts shared by accounts and contacts: they validate and normalise in one step, so a
 * stored phone is always digits, an e-mail always lower case, a code always upper case.
 */

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullish());

export const phonesField = z
  .array(
    z.string().max(40).transform((raw, ctx) => {
      const phone = normalizePhone(raw);
      if (!phone) {
        ctx.addIssue({ code: 'custom', message: 'not a phone number' });
        return z.NEVER;
      }
      return phone;
    }),
  )
  .max(20)
  .transform((list) => [...new Set(list)])
  .describe('any format: "+86 138-0013-8000", "021-6888 8888"; stored as digits');

export const emailsField = z
  .array(z.string().trim().toLowerCase().pipe(z.email()))
  .max(20)
  .transform((list) => [...new Set(list)]);

export const tagsField = z
  .array(z.string().trim().min(1).max(30))
  .max(50)
  .transform((list) => [...new Set(list)]);

export const creditCodeField = z
  .preprocess(blankToNull, z.string().max(40).transform(normalizeCreditCode).nullish())
  .superRefine((code, ctx) => {
    if (!code) return;
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: `not a unified social credit code (${problem.replace('_', ' ')})` });
  })
  .describe('统一社会信用代码, 18 characters, check digit per GB 32100-2015');

export const regionCode = z.preprocess(blankToNull, z.string().regex(/^\d{6}$/, 'a 6-digit GB/T 2260 code').nullish());

/** Adds an issue per wrong region field; used by the create and update bodies. */
export function refineRegion(codes: RegionCodes, ctx: z.RefinementCtx) {
  for (const p of regionProblems(codes)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.reason });
}

/** Money as a decimal string: numeric(18,2) in the database, never a float on the way. */
export const moneyField = z
  .preprocess(
    (v) => (typeof v === 'number' ? String(v) : blankToNull(v)),
    z.string().trim().regex(/^\d{1,16}(\.\d{1,2})?$/, 'a non-negative amount with at most 2 decimals').nullish(),
  );
