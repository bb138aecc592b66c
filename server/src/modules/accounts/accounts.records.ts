import { and, desc, isNull } from 'drizzle-orm';
import { registerRecordType } from '../../platform/access/records.ts';
import { restoreAccount } from './accounts.commands.ts';
import { accountScope, findAccount } from './accounts.queries.ts';
import { accounts } from './accounts.schema.ts';

registerRecordType({
  type: 'account',
  findVisible: async (ctx, id, opts) => {
    const a = await findAccount(ctx.readDb, ctx.principal, id, opts);
    return a && { id: a.id, label: a.name };
  },
  listDeleted: (ctx, limit) =>
    ctx.readDb
      .select({ id: accounts.id, label: accounts.name, deletedAt: accounts.deletedAt, deletedBy: accounts.deletedBy })
      .from(accounts)
      // Merged accounts come back by undoing their merge, not from the recycle bin.
      .where(and(accountScope(ctx.principal, { onlyDeleted: true }), isNull(accounts.mergedIntoId)))
      .orderBy(desc(accounts.deletedAt))
      .limit(limit) as Promise<{ id: string; label: string; deletedAt: Date; deletedBy: string | null }[]>,
  restore: restoreAccount,
});
