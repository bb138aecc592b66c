import { and, asc, eq, sql } from 'drizzle-orm';
import { addDays, dueDates } from '../../modules/orders/execution-plan.ts';
import { lineAmounts, totals } from '../../modules/orders/money.ts';
import { milestoneTemplates, orderLines, orderMilestones, orderNumberCounters, orders, orderTypes } from '../../modules/orders/orders.schema.ts';
import { priceListItems, priceLists } from '../../modules/price-lists/price-lists.schema.ts';
import { productCategories, products } from '../../modules/products/products.schema.ts';
import { quoteLines, quotes } from '../../modules/quotes/quotes.schema.ts';
import { paymentAllocations, paymentInstalments, payments } from '../../modules/receivables/receivables.schema.ts';
import { rowsOf } from '../../modules/search/fenced-query.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { deferIndexes } from '../bulk.ts';
import type { DemoPart } from '../generator.ts';
import { customersKey, idFactory } from './customers.ts';

const categories = [
  { code: 'ENG', name: '发动机油', englishName: 'Engine oil', base: ['柴油机油 CI-4', '汽油机油 SN', '燃气发动机油', '船用气缸油'], unit: '桶', price: [380, 1200] },
  { code: 'HYD', name: '液压油', englishName: 'Hydraulic oil', base: ['抗磨液压油', '低温液压油', '高压液压油'], unit: '桶', price: [300, 900] },
  { code: 'GEAR', name: '齿轮油', englishName: 'Gear oil', base: ['工业齿轮油', '重负荷齿轮油', '车辆齿轮油'], unit: '桶', price: [350, 1100] },
  { code: 'GRS', name: '润滑脂', englishName: 'Grease', base: ['锂基润滑脂', '复合锂基脂', '高温润滑脂'], unit: '箱', price: [200, 800] },
  { code: 'SVC', name: '物流服务', englishName: 'Logistics services', base: ['海运费', '报关服务', '仓储服务'], unit: '票', price: [500, 8000] },
] as const;
const grades = ['32', '46', '68', '100', '150', '220', '320', '460', '5W-30', '10W-40', '15W-40', '20W-50'];
const DAY = 86_400_000;
/** The bench company's order tables: loaded without secondary indexes and foreign keys, rebuilt at the end. */
const ORDER_TABLES = ['orders', 'order_lines', 'order_milestones', 'payment_instalments', 'payments', 'payment_allocations'];

/** Whose order it is: the demo takes accounts of the customers' sample, the bench company its won deals. */
interface OrderAccount {
  id: string;
  ownerId: string;
  unitId: string;
  tier: string | null;
}

/** The won deals of the company in id order, with their account's tier and the day they were won (Beijing time). */
async function* wonDeals(db: Executor, tenantId: string, pageSize = 5_000) {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = rowsOf<{ id: string; account_id: string; owner_id: string; unit_id: string; tier: string | null; signed_on: string }>(await db.execute(sql`
      select o.id, o.account_id, o.owner_id, o.unit_id, a.tier, to_char(o.closed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as signed_on
      from opportunities o join accounts a on a.tenant_id = o.tenant_id and a.id = o.account_id
      where o.tenant_id = ${tenantId} and o.id > ${after} and o.status = 'won' and o.closed_at is not null
      order by o.id limit ${pageSize}`));
    if (!page.length) return;
    after = page.at(-1)!.id;
    yield page.map((r) => ({ id: r.id, accountId: r.account_id, ownerId: r.owner_id, unitId: r.unit_id, tier: r.tier, signedOn: r.signed_on }));
  }
}

const packs = [['1L', 0.06], ['4L', 0.22], ['18L', 1], ['200L', 10.5]] as const;

/**
 * Products (≈220 SKUs), a tier-A price list, quotes and orders of the foreign-trade story (seed
 * 003): export orders in every stage of execution, some milestones overdue, payment plans partly
 * collected so the ageing report has every bucket. Lines, totals and due dates come from the same
 * functions the API uses (lineAmounts, totals, dueDates).
 */
export const ordersPart: DemoPart = {
  name: 'orders',
  async generate(ctx) {
    const customers = ctx.need(customersKey);
    const { rng, tenantId, now } = ctx;
    const nextId = idFactory(new Date(now.getTime() - 500), rng.fork(`ids/${tenantId}`));
    const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

    // The catalogue.
    const catRows = categories.map((c, i) => ({ tenantId, id: nextId(), code: c.code, name: c.name, englishName: c.englishName, sortOrder: i }));
    await ctx.write(productCategories, catRows);
    const productRows: (typeof products.$inferInsert)[] = [];
    categories.forEach((c, ci) => {
      for (const base of c.base) {
        const variants = c.code === 'SVC' ? [['', 1] as const] : packs;
        for (const grade of c.code === 'SVC' ? [''] : rng.shuffle(grades).slice(0, 4)) {
          for (const [pack, factor] of variants) {
            const code = `${c.code}-${String(productRows.length + 1).padStart(4, '0')}`;
            const price = Math.round(rng.int(c.price[0], c.price[1]) * (c.code === 'SVC' ? 1 : factor) * 100) / 100;
            productRows.push({
              tenantId, id: nextId(), code, name: [base, grade, pack].filter(Boolean).join(' '), categoryId: catRows[ci].id,
              unit: c.unit, specification: pack ? `${pack}/${c.unit}` : null, listPrice: price.toFixed(2), taxRate: c.code === 'SVC' ? '6' : '13',
              active: rng.chance(0.95),
            });
          }
        }
      }
    });
    await ctx.write(products, productRows);
    const sellable = productRows.filter((p) => p.active);

    const listId = nextId();
    await ctx.write(priceLists, [{ tenantId, id: listId, name: 'A 级客户价 (-8%)', tier: 'A', validFrom: `${today.slice(0, 4)}-01-01`, priority: 10 }]);
    await ctx.write(priceListItems, sellable.map((p) => ({
      tenantId, id: nextId(), priceListId: listId, productId: p.id!, price: (Math.round(Number(p.listPrice) * 92) / 100).toFixed(2),
    })));

    const [type] = await ctx.db.select({ id: orderTypes.id }).from(orderTypes).where(and(eq(orderTypes.tenantId, tenantId), eq(orderTypes.code, 'export')));
    const steps = type
      ? await ctx.db.select().from(milestoneTemplates).where(and(eq(milestoneTemplates.tenantId, tenantId), eq(milestoneTemplates.orderTypeId, type.id))).orderBy(asc(milestoneTemplates.sortOrder))
      : [];
    const held = customers.sample.filter((a) => !a.inPool);
    if (!held.length) return;
    const atScale = ctx.profile.key === 'bench';
    const clerks = ctx.org.byRole.order_execution;
    const counters = new Map<string, number>();
    let orderCount = 0;
    let lineCount = 0;
    let milestoneCount = 0;
    let instalmentCount = 0;
    let paymentCount = 0;
    let quoteCount = 0;

    let o: (typeof orders.$inferInsert)[] = [];
    let l: (typeof orderLines.$inferInsert)[] = [];
    let m: (typeof orderMilestones.$inferInsert)[] = [];
    let inst: (typeof paymentInstalments.$inferInsert)[] = [];
    let pay: (typeof payments.$inferInsert)[] = [];
    let alloc: (typeof paymentAllocations.$inferInsert)[] = [];
    let q: (typeof quotes.$inferInsert)[] = [];
    let ql: (typeof quoteLines.$inferInsert)[] = [];
    let pending: Promise<void> = Promise.resolve();
    const flush = async () => {
      const batch = { o, l, m, inst, pay, alloc, q, ql };
      [o, l, m, inst, pay, alloc, q, ql] = [[], [], [], [], [], [], [], []];
      orderCount += batch.o.length;
      lineCount += batch.l.length;
      milestoneCount += batch.m.length;
      instalmentCount += batch.inst.length;
      paymentCount += batch.pay.length;
      await pending;
      pending = (async () => {
        await ctx.write(quotes, batch.q);
        await ctx.write(quoteLines, batch.ql);
        await ctx.write(orders, batch.o);
        await ctx.write(orderLines, batch.l);
        await ctx.write(orderMilestones, batch.m);
        await ctx.write(paymentInstalments, batch.inst);
        await ctx.write(payments, batch.pay);
        await ctx.write(paymentAllocations, batch.alloc);
      })();
      pending.catch(() => {});
    };

    /**
     * One order signed on a day, with its lines, its execution plan (orders of the export type; the
     * bench company also has direct sales without a plan), a 30/70 payment plan and what was paid.
     */
    const order = (account: OrderAccount, signedOn: string, opportunityId: string | null, i: number) => {
      const ageDays = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${signedOn}T00:00:00Z`)) / DAY);
      const year = signedOn.slice(0, 4);
      const n = (counters.get(year) ?? 0) + 1;
      counters.set(year, n);
      const id = nextId();
      // The demo's orders have one to four lines; the bench company's one to nine (five on average).
      const lines = Array.from({ length: atScale ? rng.int(1, 9) : rng.int(1, 4) }, (_, k) => {
        const p = rng.pick(sellable);
        const price = account.tier === 'A' ? (Math.round(Number(p.listPrice) * 92) / 100).toFixed(2) : p.listPrice!;
        const input = { quantity: String(rng.int(1, 60) * (p.unit === '桶' ? 10 : 1)), unitPrice: price, discountPct: rng.chance(0.2) ? String(rng.int(1, 8)) : '0', taxRate: p.taxRate! };
        return { tenantId, id: nextId(), orderId: id, lineNo: k + 1, productId: p.id!, unit: p.unit, ...input, ...lineAmounts(input) };
      });
      const sums = totals(lines);
      // A few large export contracts for the management home.
      const big = rng.chance(0.06);
      if (big) {
        lines[0].quantity = String(Number(lines[0].quantity) * 40);
        Object.assign(lines[0], lineAmounts(lines[0]));
        Object.assign(sums, totals(lines));
      }
      l.push(...lines);
      const planned = !!type && (!atScale || rng.chance(0.6));
      const cancelled = atScale && rng.chance(0.01);
      o.push({
        tenantId, id, number: `SO-${year}-${String(n).padStart(6, '0')}`, accountId: account.id, opportunityId, orderTypeId: planned ? type!.id : null,
        status: cancelled ? 'cancelled' : ageDays > 200 && rng.chance(0.7) ? 'completed' : 'active',
        currency: 'CNY', ...sums, signedOn, paymentTerms: rng.pick(['30% T/T 预付，70% 见提单副本', '100% 即期信用证', '货到 60 天 T/T']),
        ownerId: account.ownerId, unitId: account.unitId, createdAt: new Date(Date.parse(`${signedOn}T02:00:00Z`)), updatedAt: now,
      });
      // Execution: steps done in order until a point that depends on the order's age; late ones stay overdue.
      if (planned) {
        const due = dueDates(steps, signedOn);
        const doneUntil = steps.filter((s) => due.get(s.key)! <= today && rng.chance(ageDays > 200 ? 0.97 : 0.85)).length;
        steps.forEach((s, k) => {
          const done = k < doneUntil;
          const doneOn = done ? addDays(due.get(s.key)!, rng.int(-2, 4)) : null;
          const clerk = clerks.length ? rng.pick(clerks) : null;
          m.push({
            tenantId, id: nextId(), orderId: id, key: s.key, sortOrder: s.sortOrder, name: s.name, englishName: s.englishName,
            responsibleRole: s.responsibleRole, durationDays: s.durationDays, dependsOn: s.dependsOn, dueOn: due.get(s.key)!,
            doneOn: doneOn && doneOn > today ? today : doneOn, doneAt: done ? new Date(Math.min(now.getTime(), Date.parse(`${doneOn}T08:00:00Z`))) : null, doneBy: done ? clerk?.id ?? null : null,
          });
        });
      }
      if (cancelled) return;
      // 30% on signing, 70% six weeks later; older orders mostly paid.
      const total = Number(sums.total);
      const first = (Math.round(total * 30) / 100).toFixed(2);
      const second = (Math.round((total - Number(first)) * 100) / 100).toFixed(2);
      const plan = [{ dueOn: signedOn, amount: first }, { dueOn: addDays(signedOn, 42), amount: second }];
      plan.forEach((p, k) => {
        const instId = nextId();
        const late = ageDays > 180 ? 0.93 : 0.75;
        const paid = (k === 0 ? rng.chance(0.9) : addDays(p.dueOn, 20) < today && rng.chance(late)) && p.dueOn <= today;
        inst.push({ tenantId, id: instId, orderId: id, accountId: account.id, ownerId: account.ownerId, unitId: account.unitId, seq: k + 1, dueOn: p.dueOn, amount: p.amount, paid: paid ? p.amount : '0' });
        if (paid) {
          const paymentId = nextId();
          const receivedOn = addDays(p.dueOn, rng.int(0, 15)) > today ? today : addDays(p.dueOn, rng.int(0, 15));
          pay.push({ tenantId, id: paymentId, orderId: id, accountId: account.id, ownerId: account.ownerId, unitId: account.unitId, receivedOn, amount: p.amount, method: 'T/T', reference: `TT${receivedOn.replaceAll('-', '')}${i}`, createdAt: new Date(Date.parse(`${receivedOn}T06:00:00Z`)) });
          alloc.push({ tenantId, paymentId, instalmentId: instId, amount: p.amount });
        }
      });
      // Some of the demo's orders came from a quote.
      if (!atScale && rng.chance(0.3)) {
        const quoteId = nextId();
        quoteCount++;
        q.push({
          tenantId, id: quoteId, number: `QT-${year}-${String(quoteCount).padStart(6, '0')}`, accountId: account.id, status: 'accepted', currency: 'CNY', ...sums,
          maxDiscountPct: lines.reduce((mx, x) => Math.max(mx, Number(x.discountPct)), 0).toFixed(2), ownerId: account.ownerId, unitId: account.unitId,
          createdAt: new Date(Date.parse(`${addDays(signedOn, -7)}T02:00:00Z`)),
        });
        ql.push(...lines.map(({ orderId: _o, id: _i, ...x }) => ({ ...x, id: nextId(), quoteId })));
        o[o.length - 1].quoteId = quoteId;
      }
    };

    const rebuild = atScale && ctx.mode === 'copy' ? await deferIndexes(ctx, 'orders', ORDER_TABLES) : null;
    try {
      if (!atScale) {
        // The demo: 300 orders on accounts of the customers' sample, signed in the last year.
        const count = Math.min(300, held.length);
        for (let i = 0; i < count; i++) {
          const account = held[i % held.length];
          const ageDays = rng.weighted([[rng.int(0, 10), 2], [rng.int(11, 90), 4], [rng.int(91, 360), 4]] as const);
          order(account, addDays(today, -ageDays), null, i);
          if (o.length >= 5_000) await flush();
        }
      } else {
        // The bench company: an order for every won deal (≈1,000,000 at 1,000,000 accounts), signed the day it was won.
        let i = 0;
        for await (const page of wonDeals(ctx.db, tenantId)) {
          for (const deal of page) {
            order({ id: deal.accountId, ownerId: deal.ownerId, unitId: deal.unitId, tier: deal.tier }, deal.signedOn > today ? today : deal.signedOn, deal.id, i++);
            if (o.length >= 10_000) {
              await flush();
              await new Promise((resolve) => setImmediate(resolve));
            }
          }
          if (Math.floor(i / 100_000) !== Math.floor((i - page.length) / 100_000)) ctx.log(`orders: ${i.toLocaleString('en-US')} orders`);
        }
      }
      await flush();
      await pending;
    } finally {
      await pending.catch(() => {});
      await rebuild?.();
    }
    const quoteYears = new Map<string, number>();
    if (quoteCount) quoteYears.set(today.slice(0, 4), quoteCount);
    await ctx.write(orderNumberCounters, [
      ...[...counters].map(([year, last]) => ({ tenantId, prefix: 'SO', year: Number(year), last })),
      ...[...quoteYears].map(([year, last]) => ({ tenantId, prefix: 'QT', year: Number(year), last })),
    ]);
    ctx.log(`orders: ${productRows.length} products, ${orderCount} orders, ${lineCount} lines, ${milestoneCount} milestones, ${instalmentCount} instalments, ${paymentCount} payments, ${quoteCount} quotes`);
  },
};
