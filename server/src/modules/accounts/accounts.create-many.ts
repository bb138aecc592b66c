import type { Executor } from '../../platform/db/engine.ts';
import { copyRows } from '../../platform/db/copy-rows.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { runAccountsCreatedHooks } from './account-write-hooks.ts';
import { accountDerivedColumns } from './accounts.search-columns.ts';
import { accounts, type AccountTier } from './accounts.schema.ts';

/** One account to create, already checked by the caller (type, credit code, custom values, owner in scope). */
export interface NewAccount {
  kind?: 'company' | 'person';
  name: string;
  shortName: string | null;
  englishName: string | null;
  formerNames?: string[];
  creditCode: string | null;
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
  address: string | null;
  phones: string[];
  emails: string[];
  website: string | null;
  industry: string | null;
  type: string | null;
  tier: AccountTier | null;
  source: string | null;
  tags: string[];
  creditLimit: string | null;
  custom: Record<string, unknown>;
  ownerId: string;
  unitId: string;
  /** accountDerivedColumns of these values when the caller computed them ahead (off the transaction) */
  derived?: ReturnType<typeof accountDerivedColumns>;
}

/**
 * Creates many accounts in the caller's transaction, set-based: one COPY into accounts with the
 * derived search and sort columns computed as for one account (accountDerivedColumns), then the
 * other modules' created-hooks (duplicate-check keys, ownership history) once for the whole set.
 * The caller writes the audit event (the import writes one per batch naming itself). Returns the
 * new ids in input order.
 */
export async function createAccountsBulk(tx: Executor, ctx: Ctx, rows: NewAccount[]): Promise<string[]> {
  if (!rows.length) return [];
  const p = ctx.principal;
  const now = new Date();
  const values = rows.map(({ derived, ...r }) => {
    const formerNames = r.formerNames ?? [];
    return {
      tenantId: p.tenantId,
      id: newId(),
      ...r,
      kind: r.kind ?? ('company' as const),
      formerNames,
      ...(derived ?? accountDerivedColumns({ ...r, formerNames })),
      createdAt: now,
      updatedAt: now,
      createdBy: p.userId,
      updatedBy: p.userId,
    };
  });
  await copyRows(tx, accounts, values);
  await runAccountsCreatedHooks(tx, ctx, values);
  return values.map((v) => v.id);
}
