import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/engine.ts';
import { lookupValues } from '../accounts.schema.ts';
import { ACCOUNT_TYPE_LIST } from './account-types.defaults.ts';
import type { AccountTypeDto } from './account-types.types.ts';

type Row = typeof lookupValues.$inferSelect;

export const presentAccountType = (r: Row): AccountTypeDto => ({
  key: r.key,
  label: { 'zh-CN': r.labelZh, 'en-US': r.labelEn },
  sortOrder: r.sortOrder,
  active: r.active,
  version: r.version,
});

export async function listAccountTypes(db: Executor, tenantId: string, includeInactive = false): Promise<Row[]> {
  const rows = await db
    .select()
    .from(lookupValues)
    .where(and(eq(lookupValues.tenantId, tenantId), eq(lookupValues.list, ACCOUNT_TYPE_LIST)))
    .orderBy(asc(lookupValues.sortOrder), asc(lookupValues.key));
  return includeInactive ? rows : rows.filter((r) => r.active);
}

export async function findAccountType(db: Executor, tenantId: string, key: string): Promise<Row | null> {
  const [row] = await db
    .select()
    .from(lookupValues)
    .where(and(eq(lookupValues.tenantId, tenantId), eq(lookupValues.list, ACCOUNT_TYPE_LIST), eq(lookupValues.key, key)));
  return row ?? null;
}
