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
