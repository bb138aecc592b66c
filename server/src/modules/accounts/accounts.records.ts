import { and, isNull } from 'drizzle-orm';
import { listDeletedRows, registerRecordType } from '../../platform/access/records.ts';
import { restoreAccount } from './accounts.commands.ts';
import { accountScope, findAccount } from './accounts.queries.ts';
import { accounts } from './accounts.schema.ts';

registerRecordType({
  type: 'account',
  findVisible: async (ctx, id, opts) => {
    const a = await findAccount(ctx.readDb, ctx.principal, id, opts);
    return a && { id: a.id, label: a.name };
  },
  // Merged accounts come back by undoing their merge, not from the recycle bin.
  listDeleted: (ctx, limit) => listDeletedRows(ctx, accounts, accounts.name, and(accountScope(ctx.principal, { onlyDeleted: true }), isNull(accounts.mergedIntoId)), limit),
  restore: restoreAccount,
});
