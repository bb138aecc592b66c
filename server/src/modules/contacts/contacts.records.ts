import { listDeletedRows, registerRecordType } from '../../platform/access/records.ts';
import { restoreContact } from './contacts.commands.ts';
import { contactScope, findContact } from './contacts.queries.ts';
import { contacts } from './contacts.schema.ts';

registerRecordType({
  type: 'contact',
  findVisible: async (ctx, id, opts) => {
    const c = await findContact(ctx.readDb, ctx.principal, id, opts);
    return c && { id: c.id, label: c.name };
  },
  listDeleted: (ctx, limit) => listDeletedRows(ctx, contacts, contacts.name, contactScope(ctx.principal, { onlyDeleted: true }), limit),
  restore: restoreContact,
});
