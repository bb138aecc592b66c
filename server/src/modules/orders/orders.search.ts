import { and, desc, ilike, or } from 'drizzle-orm';
import { can } from '../../platform/access/principal.ts';
import { registerSearchSource } from '../search/search.sources.ts';
import { orderScope } from './orders.queries.ts';
import { orders } from './orders.schema.ts';

/** Orders are found by number: the whole "SO-2026-000123", its tail "000123" or "123", any case. */
registerSearchSource({
  type: 'order',
  order: 3,
  async search(ctx, query, limit) {
    const p = ctx.principal;
    const raw = query.raw.trim();
    if (!can(p, 'order', 'read') || raw.length < 3 || !/\d/.test(raw)) return [];
    const rows = await ctx.readDb
      .select({ id: orders.id, number: orders.number, title: orders.title, total: orders.total, currency: orders.currency, signedOn: orders.signedOn })
      .from(orders)
      .where(and(orderScope(p), or(ilike(orders.number, raw.replace(/[\\%_]/g, '')), ilike(orders.number, `%${raw.replace(/[\\%_]/g, '')}`))))
      .orderBy(desc(orders.signedOn))
      .limit(limit);
    return rows.map((o) => ({
      type: 'order',
      id: o.id,
      title: o.number,
      subtitle: [o.title, `${o.currency} ${o.total}`, o.signedOn].filter(Boolean).join(' · '),
      rank: o.number.toLowerCase() === raw.toLowerCase() ? 0 : 1,
      titleLength: o.number.length,
      highlight: null,
    }));
  },
});
