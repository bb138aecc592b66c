import type { Executor } from '../../platform/db/engine.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { AccountRecord } from './accounts.queries.ts';

/**
 * Other modules' work that must happen in the transaction that creates or edits an account (the
 * duplicate-check keys, the ownership history, "first to register owns it"). A hook may throw to
 * refuse the write. Accounts know the hooks only through this list.
 */
export type AccountWriteHook = (tx: Executor, ctx: Ctx, change: { before: AccountRecord | null; after: AccountRecord }) => Promise<void>;

const hooks: AccountWriteHook[] = [];
export const registerAccountWriteHook = (hook: AccountWriteHook): void => void hooks.push(hook);

export async function runAccountWriteHooks(tx: Executor, ctx: Ctx, before: AccountRecord | null, after: AccountRecord): Promise<void> {
  for (const hook of hooks) await hook(tx, ctx, { before, after });
}

/** One account moved to another owner or unit by a bulk action, which writes no before/after records. */
export interface AccountOwnerMove {
  accountId: string;
  fromOwnerId: string;
  toOwnerId: string;
  fromUnitId: string;
  toUnitId: string;
}

/**
 * Other modules' work for owner changes made in bulk (the ownership history, which also restarts
 * the public pool's idle clock), in the same transaction as the change.
 */
export type AccountOwnerMoveHook = (tx: Executor, ctx: Ctx, moves: AccountOwnerMove[]) => Promise<void>;

const moveHooks: AccountOwnerMoveHook[] = [];
export const registerAccountOwnerMoveHook = (hook: AccountOwnerMoveHook): void => void moveHooks.push(hook);

export async function runAccountOwnerMoveHooks(tx: Executor, ctx: Ctx, moves: AccountOwnerMove[]): Promise<void> {
  if (!moves.length) return;
  for (const hook of moveHooks) await hook(tx, ctx, moves);
}

/**
 * Other modules' work for many accounts created at once by the bulk path (import): the same rules
 * as for one created account (duplicate-check keys, ownership history), done set-based in the
 * transaction that wrote them.
 */
export type CreatedAccount = Pick<AccountRecord, 'id' | 'name' | 'shortName' | 'englishName' | 'formerNames' | 'creditCode' | 'phones' | 'emails' | 'ownerId' | 'unitId'>;
export type AccountsCreatedHook = (tx: Executor, ctx: Ctx, created: CreatedAccount[]) => Promise<void>;

const createdHooks: AccountsCreatedHook[] = [];
export const registerAccountsCreatedHook = (hook: AccountsCreatedHook): void => void createdHooks.push(hook);

export async function runAccountsCreatedHooks(tx: Executor, ctx: Ctx, created: CreatedAccount[]): Promise<void> {
  if (!created.length) return;
  for (const hook of createdHooks) await hook(tx, ctx, created);
}
