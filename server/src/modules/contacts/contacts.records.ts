import { desc } from 'drizzle-orm';
import { registerRecordType } from '../../platform/access/records.ts';
import { restoreContact } from './contacts.commands.ts';
import { contactScope, findContact } from './contacts.queries.ts';
import { contacts } from './contacts.schema.ts';

registerRecordType({
  type: 'contact',
  findVisible: async (ctx, id, opts) => {
    const c = await findContact(ctx.readDb, ctx.principal, id, opts);
    return c && { id: c.id, label: c.name };
  },
  listDeleted: (ctx, limit) =>
    ctx.readDb
      .select({ id: contacts.id, label: contacts.name, deletedAt: contacts.deletedAt, deletedBy: contacts.deletedBy })
      .from(contacts)
      .where(contactScope(ctx.principal, { onlyDeleted: true }))
      .orderBy(desc(contacts.deletedAt))
      .limit(limit) as Promise<{ id: string; label: string; deletedAt: Date; deletedBy: string | null }[]>,
  restore: restoreContact,
});
