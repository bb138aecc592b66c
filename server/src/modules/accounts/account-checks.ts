import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db/engine.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import { findAccountType } from './account-types/account-types.queries.ts';
import { accounts } from './accounts.schema.ts';

/** A company is registered once per tenant: a second live account with the same code is a duplicate. */
export async function assertCreditCodeFree(db: Executor, tenantId: string, code: string | null | undefined, exceptId?: string) {
  if (!code) return;
  const [taken] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.tenantId, tenantId), eq(accounts.creditCode, code), isNull(accounts.deletedAt), exceptId ? ne(accounts.id, exceptId) : undefined));
  if (taken) throw new AppError('duplicate', { field: 'creditCode' }, [{ field: 'creditCode', reason: 'taken' }]);
}

/** New values must be active types of the tenant; a record keeps a type deactivated since. */
export async function assertAccountType(db: Executor, tenantId: string, key: string | null | undefined) {
  if (!key) return;
  const type = await findAccountType(db, tenantId, key);
  if (!type || !type.active) throw invalid('type', 'not an active account type');
}
