import { registerRecordType } from '../../platform/access/records.ts';
import { findQuote } from './quotes.queries.ts';

registerRecordType({
  type: 'quote',
  findVisible: async (ctx, id, opts) => {
    const q = await findQuote(ctx.readDb, ctx.principal, id, opts);
    return q && { id: q.id, label: `${q.number} v${q.revision}` };
  },
});
