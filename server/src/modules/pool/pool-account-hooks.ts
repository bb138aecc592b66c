import { registerAccountOwnerMoveHook, registerAccountsCreatedHook, registerAccountWriteHook } from '../accounts/account-write-hooks.ts';
import { recordOwnerChanges } from './pool-history.ts';

/** Ownership history starts with the registration and follows owner changes made by editing the account. */
registerAccountWriteHook(async (tx, ctx, { before, after }) => {
  if (before && before.ownerId === after.ownerId && before.unitId === after.unitId) return;
  await recordOwnerChanges(tx, ctx.principal.tenantId, ctx.principal.userId, [{
    accountId: after.id, fromOwnerId: before?.ownerId ?? null, toOwnerId: after.ownerId,
    fromUnitId: before?.unitId ?? null, toUnitId: after.unitId, reason: before ? 'assigned' : 'created',
  }]);
});

/** Bulk reassignment from the accounts list: one history row per account moved, as for a single edit. */
registerAccountOwnerMoveHook(async (tx, ctx, moves) => {
  await recordOwnerChanges(tx, ctx.principal.tenantId, ctx.principal.userId, moves.map((m) => ({ ...m, reason: 'assigned' as const })));
});

/** Accounts created in bulk (import): each one's history starts with its registration. */
registerAccountsCreatedHook(async (tx, ctx, created) => {
  await recordOwnerChanges(tx, ctx.principal.tenantId, ctx.principal.userId, created.map((a) => ({
    accountId: a.id, fromOwnerId: null, toOwnerId: a.ownerId, fromUnitId: null, toUnitId: a.unitId, reason: 'created' as const, note: ctx.actor.context?.importId ? 'import' : null,
  })));
});
