import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { inScope } from '../../platform/access/principal.ts';
import { audit, diff } from '../../platform/audit/audit.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { emailsField, optionalText, phonesField, tagsField } from '../accounts/account-fields.ts';
import { auditedAccountFields } from '../accounts/accounts.commands.ts';
import { accountDerivedColumns } from '../accounts/accounts.search-columns.ts';
import { accounts, accountTiers } from '../accounts/accounts.schema.ts';
import { creditCodeProblem, normalizeCreditCode } from '../accounts/credit-code.ts';
import { resolveOwnership } from '../accounts/ownership.ts';
import { keysOf, syncDedupKeys } from '../dedup/keys/dedup-keys.ts';
import { dedupKeys } from '../dedup/keys/dedup-keys.schema.ts';
import { recordOwnerChanges } from '../pool/pool-history.ts';

const upsertRow = z.object({
  externalId: z.string().trim().min(1).max(100).describe("the record's key in your system"),
  name: z.string().trim().min(1).max(200),
  shortName: optionalText(100),
  creditCode: optionalText(40),
  phones: phonesField.optional(),
  emails: emailsField.optional(),
  address: optionalText(300),
  website: optionalText(200),
  industry: optionalText(100),
  tier: z.enum(accountTiers).nullish(),
  source: optionalText(100),
  tags: tagsField.optional(),
});

export const bulkUpsertBody = z.object({
  source: z.string().trim().min(1).max(40).default('erp').describe('which system the external ids belong to (unique per company and source)'),
  rows: z.array(upsertRow).min(1).max(1000),
});
export const bulkUpsertResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  items: z.array(z.object({
    externalId: z.string(),
    id: z.uuid().nullable(),
    outcome: z.enum(['created', 'updated', 'error']),
    reason: z.string().optional(),
  })),
});

type Row = z.infer<typeof upsertRow>;
type Fields = Pick<typeof accounts.$inferInsert, 'name' | 'shortName' | 'creditCode' | 'phones' | 'emails' | 'address' | 'website' | 'industry' | 'tier' | 'source' | 'tags'>;

/** Fields a row sets; absent ones keep their stored value on update. */
function fieldsOf(r: Row): Partial<Fields> {
  const out: Partial<Fields> = { name: r.name };
  for (const k of ['shortName', 'address', 'website', 'industry', 'tier', 'source', 'phones', 'emails', 'tags'] as const) {
    if (r[k] !== undefined) (out as Record<string, unknown>)[k] = r[k];
  }
  if (r.creditCode !== undefined) out.creditCode = r.creditCode ? normalizeCreditCode(r.creditCode) : null;
  return out;
}

/**
 * ERP sync: up to 1,000 accounts keyed by (source, externalId) in one transaction. Known ids update
 * their account (if it is in the caller's scope), unknown ones create accounts owned by the caller;
 * one multi-row insert for the new ones, one audit event per update and one for the creations.
 */
export async function bulkUpsertAccounts(ctx: Ctx, body: z.infer<typeof bulkUpsertBody>) {
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const ids = [...new Set(body.rows.map((r) => r.externalId))];
    const existing = await tx.select().from(accounts).where(and(
      eq(accounts.tenantId, p.tenantId), eq(accounts.externalSource, body.source), inArray(accounts.externalId, ids), isNull(accounts.deletedAt)));
    const byId = new Map(existing.map((a) => [a.externalId!, a]));
    const owner = await resolveOwnership(tx, p, 'account', {});
    const items: z.infer<typeof bulkUpsertResult>['items'] = [];
    const creates: (typeof accounts.$inferInsert)[] = [];
    const seen = new Set<string>();
    for (const r of body.rows) {
      const fields = fieldsOf(r);
      const problem = fields.creditCode ? creditCodeProblem(fields.creditCode) : null;
      if (problem || seen.has(r.externalId)) {
        items.push({ externalId: r.externalId, id: null, outcome: 'error', reason: problem ? `creditCode: ${problem}` : 'externalId repeated in this request' });
        continue;
      }
      seen.add(r.externalId);
      const before = byId.get(r.externalId);
      if (before) {
        if (!inScope(p, 'account', before)) {
          items.push({ externalId: r.externalId, id: null, outcome: 'error', reason: 'not found' });
          continue;
        }
        const after = { ...before, ...fields };
        await tx.update(accounts)
          .set({ ...fields, ...accountDerivedColumns(after), version: before.version + 1, updatedAt: new Date(), updatedBy: p.userId })
          .where(and(eq(accounts.tenantId, p.tenantId), eq(accounts.id, before.id)));
        await syncDedupKeys(tx, p.tenantId, after);
        await audit(tx, ctx.actor, { action: 'update', objectType: 'account', objectId: before.id, objectLabel: after.name, changes: diff(before, after, auditedAccountFields), context: { bulkUpsert: body.source } });
        items.push({ externalId: r.externalId, id: before.id, outcome: 'updated' });
      } else {
        const values = { phones: [], emails: [], tags: [], formerNames: [], ...fields, name: r.name } as Fields & { formerNames: string[] };
        const id = newId();
        creates.push({
          tenantId: p.tenantId, id, ...values, ...owner, externalSource: body.source, externalId: r.externalId,
          ...accountDerivedColumns({ shortName: null, englishName: null, creditCode: null, ...values } as never), createdBy: p.userId, updatedBy: p.userId,
        });
        items.push({ externalId: r.externalId, id, outcome: 'created' });
      }
    }
    if (creates.length) {
      await tx.insert(accounts).values(creates);
      const keys = creates.flatMap((a) => keysOf({ ...a, id: a.id! } as never).map((key) => ({ tenantId: p.tenantId, key, accountId: a.id! })));
      for (let i = 0; i < keys.length; i += 5000) await tx.insert(dedupKeys).values(keys.slice(i, i + 5000)).onConflictDoNothing();
      await recordOwnerChanges(tx, p.tenantId, p.userId, creates.map((a) => ({ accountId: a.id!, fromOwnerId: null, toOwnerId: a.ownerId, fromUnitId: null, toUnitId: a.unitId, reason: 'created' as const, note: body.source })));
      await audit(tx, ctx.actor, { action: 'bulk_upsert', objectType: 'account', context: { source: body.source, created: creates.map((a) => a.id) } });
    }
    return { created: creates.length, updated: items.filter((i) => i.outcome === 'updated').length, items };
  });
}
