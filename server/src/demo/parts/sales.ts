import { sql } from 'drizzle-orm';
import { salesTargets } from '../../modules/forecast/sales-targets.schema.ts';
import { leadSearchDoc } from '../../modules/leads/leads.commands.ts';
import { leads, leadSources, type LeadSource, type LeadStatus } from '../../modules/leads/leads.schema.ts';
import { lineAmount } from '../../modules/opportunities/money.ts';
import { opportunities, opportunityContacts, opportunityStageHistory, type Competitor } from '../../modules/opportunities/opportunities.schema.ts';
import { insertPipeline } from '../../modules/pipelines/pipelines.defaults.ts';
import { defaultPipeline, getPipeline, type PipelineRecord } from '../../modules/pipelines/pipelines.queries.ts';
import { rowsOf } from '../../modules/search/fenced-query.ts';
import type { Executor } from '../../platform/db/engine.ts';
import { buildSearchDocument, type SearchDocument } from '../../platform/text/search-document.ts';
import { deferIndexes } from '../bulk.ts';
import type { DemoPart } from '../generator.ts';
import { mobilePhone, personName } from '../names.ts';
import type { Rng } from '../random.ts';
import { customersKey, idFactory } from './customers.ts';

const DAY = 86_400_000;
const services = ['集装箱代理', '散货代理', '船舶代理', '报关报检', '拖车运输', '仓储', '航线运价合同', '年度代理协议'];
const competitors = ['中外运', '外代', '联合船代', '华洋物流', '港联船务', '中远海运物流', '嘉里物流', '德迅'];
const strengths = ['价格低', '关系好', '网点多', '老供应商', '响应快'];
const weaknesses = ['服务慢', '单证差错多', '价格高', '网点少', '付款条件苛刻'];
const wonReasons = ['价格有竞争力', '服务响应快', '客户经理关系好', '航线覆盖全'];
const lostReasons = ['价格高于竞争对手', '客户预算取消', '竞争对手关系更深', '我们的舱位不足', '客户改为自营物流'];

/** The tables the bench company's deals fill: loaded without secondary indexes and foreign keys, which are rebuilt at the end. */
const SALES_TABLES = ['opportunities', 'opportunity_stage_history', 'opportunity_contacts', 'leads'];
/** deals are written in batches of about this many, the next batch made while the database takes the last */
const FLUSH = 20_000;

/** The account a deal is made for: the demo takes them from the customers' sample, the bench company reads every one. */
interface DealAccount {
  id: string;
  name: string;
  shortName: string | null;
  ownerId: string;
  unitId: string;
  createdAt: Date;
  tier: string | null;
  contactId: string | null;
}

/**
 * Deals per account at the bench size: key accounts many, the long tail one or two; about 3.4 per
 * account the company holds (3 per account of the whole tenant, pool included).
 */
const dealsFor = (rng: Rng, tier: string | null) =>
  tier === 'A' ? rng.int(8, 15) : tier === 'B' ? rng.int(4, 7) : tier === 'C' ? rng.int(2, 4) : rng.int(1, 3);

/**
 * Pipelines, deals in every stage, leads and targets (seed 003: the sales process made visible).
 * Deals belong to accounts of the customers part and to their owners; each has the stage history
 * of the stages it passed, so the funnel, time in stage and the board have something to show.
 *
 * The demo makes 160 deals on accounts of the customers' sample, inside the demo transaction. The
 * bench company reads every account the company holds (not the pool's), page by page, and gives
 * each a few deals over the last two years (≈3 per account: 3,000,000 at 1,000,000 accounts), with
 * a lead for every fifth account, through COPY into tables whose indexes and foreign keys are built
 * once at the end.
 */
export const salesPart: DemoPart = {
  name: 'sales',
  async generate(ctx) {
    const customers = ctx.need(customersKey);
    const { rng, tenantId, now } = ctx;
    const nextId = idFactory(new Date(now.getTime() - 1_000), rng.fork(`ids/${tenantId}`));
    const main = await defaultPipeline(ctx.db, tenantId);
    const bulkId = await insertPipeline(ctx.db, tenantId, { name: '散货运输', isDefault: false, sortOrder: 10 }, [
      { name: '询盘', probability: 20, kind: 'open' },
      { name: '报价', probability: 50, kind: 'open' },
      { name: '租船确认', probability: 80, kind: 'open' },
      { name: '成交', probability: 100, kind: 'won' },
      { name: '流失', probability: 0, kind: 'lost' },
    ]);
    const bulk = await getPipeline(ctx.db, tenantId, bulkId);
    const held = customers.sample.filter((a) => !a.inPool);
    if (!held.length) return;
    const atScale = ctx.profile.key === 'bench';
    const rebuild = atScale && ctx.mode === 'copy' ? await deferIndexes(ctx, 'sales', SALES_TABLES) : null;
    let dealCount = 0;
    let stayCount = 0;
    let leadCount = 0;
    try {
      let oppRows: (typeof opportunities.$inferInsert)[] = [];
      let historyRows: (typeof opportunityStageHistory.$inferInsert)[] = [];
      let contactRows: (typeof opportunityContacts.$inferInsert)[] = [];
      // Names repeat (an account's deals share its name, services are few): their search columns are made once.
      const documents = new Map<string, SearchDocument>();
      const documentOf = (name: string) => {
        let doc = documents.get(name);
        if (!doc) {
          if (documents.size > 50_000) documents.clear();
          doc = buildSearchDocument({ names: [name] });
          documents.set(name, doc);
        }
        return doc;
      };
      // Deals of the demo were created in the last eleven months; the bench company's over two years, so a one-year funnel sees half of them.
      const horizon = atScale ? 730 : 330;
      const deal = (account: DealAccount, pipeline: PipelineRecord) => {
        const stages = pipeline.stages.filter((s) => s.active);
        const open = stages.filter((s) => s.kind === 'open');
        const createdAt = new Date(Math.max(account.createdAt.getTime(), now.getTime() - rng.int(3, horizon) * DAY));
        // Older deals are mostly closed; recent ones mostly still open.
        const age = (now.getTime() - createdAt.getTime()) / DAY;
        const openWeight = atScale ? (age < 60 ? 6 : age < 180 ? 3 : 0.6) : 3;
        const stage = rng.weighted(stages.map((s) => [s, s.kind === 'open' ? openWeight : s.kind === 'won' ? (atScale ? 2.8 : 2) : 1.5] as const));
        // The open stages it passed: up to its own for an open deal, all for a won one, some for a lost one.
        const passed = stage.kind === 'open' ? open.filter((s) => s.sortOrder <= stage.sortOrder)
          : stage.kind === 'won' ? open : open.slice(0, rng.int(1, open.length));
        const skipped = passed.filter((s, i) => i === 0 || i === passed.length - 1 || rng.chance(0.85));
        const path = stage.kind === 'open' ? skipped : [...skipped, stage];
        let at = createdAt;
        const id = nextId();
        const quantity = String(rng.int(1, 40) * 10);
        const price = String(rng.int(8, 300) * 100);
        const amount = lineAmount(quantity, price);
        for (const [i, s] of path.entries()) {
          const leftAt = i < path.length - 1 ? new Date(Math.min(now.getTime() - DAY, at.getTime() + rng.int(2, 40) * DAY)) : null;
          historyRows.push({ tenantId, id: nextId(), opportunityId: id, pipelineId: pipeline.id, stageId: s.id, enteredAt: at, leftAt, enteredBy: account.ownerId, amount, probability: s.probability });
          if (leftAt) at = leftAt;
        }
        const closed = stage.kind !== 'open';
        const rival = rng.chance(0.6) ? [rng.pick(competitors)] : [];
        const name = `${account.shortName ?? account.name} ${rng.pick(services)}`;
        const expected = new Date(closed ? at.getTime() : now.getTime() + rng.int(-40, 150) * DAY).toISOString().slice(0, 10);
        oppRows.push({
          tenantId, id, ownerId: account.ownerId, unitId: account.unitId, name, accountId: account.id, pipelineId: pipeline.id, stageId: stage.id,
          status: stage.kind, stageOrder: stage.sortOrder, reachedOrder: stage.kind === 'won' ? Math.max(...open.map((s) => s.sortOrder)) : Math.max(0, ...skipped.map((s) => s.sortOrder)),
          stageEnteredAt: at, amount, currency: 'CNY', probability: stage.probability, expectedCloseDate: expected, committed: stage.kind === 'open' && stage.probability >= 50 && rng.chance(0.5),
          source: rng.pick(leadSources), competitors: rival.map((c): Competitor => ({ name: c, strengths: rng.pick(strengths), weaknesses: rng.pick(weaknesses) })),
          latestFollowUp: rng.chance(0.7) ? '已与客户确认需求，等待内部审批' : null, currentProblems: rng.chance(0.3) ? '客户对价格仍有异议' : null,
          nextStep: stage.kind === 'open' && rng.chance(0.75) ? rng.pick(['下周拜访', '发送报价单', '安排技术交流', '跟进合同审批']) : null,
          closedAt: closed ? at : null, closeReason: stage.kind === 'won' ? rng.pick(wonReasons) : stage.kind === 'lost' ? rng.pick(lostReasons) : null,
          lostTo: stage.kind === 'lost' && rival.length ? rival[0] : null, lastActivityAt: rng.chance(0.7) ? new Date(now.getTime() - rng.int(0, 40) * DAY) : null,
          createdAt, updatedAt: at, createdBy: account.ownerId, updatedBy: account.ownerId,
          ...documentOf(name),
        });
        if (account.contactId) contactRows.push({ tenantId, opportunityId: id, contactId: account.contactId, role: '决策人' });
      };

      let pending: Promise<void> = Promise.resolve();
      const flush = async () => {
        const [o, h, c] = [oppRows, historyRows, contactRows];
        oppRows = [];
        historyRows = [];
        contactRows = [];
        dealCount += o.length;
        stayCount += h.length;
        await pending;
        pending = (async () => {
          await ctx.write(opportunities, o);
          await ctx.write(opportunityStageHistory, h);
          await ctx.write(opportunityContacts, c);
        })();
        pending.catch(() => {});
      };

      if (!atScale) {
        const count = Math.min(160, held.length);
        for (let i = 0; i < count; i++) {
          const a = held[i % held.length];
          deal({ ...a, tier: a.tier, contactId: a.contactIds[0] ?? null }, rng.chance(0.8) ? main : bulk);
        }
        await flush();
      } else {
        let accountsDone = 0;
        for await (const page of heldAccounts(ctx.db, tenantId, customers.poolHolderId)) {
          for (const account of page) {
            const n = dealsFor(rng, account.tier);
            for (let k = 0; k < n; k++) deal(account, rng.chance(0.8) ? main : bulk);
            if (oppRows.length >= FLUSH) {
              await flush();
              // let the COPY stream drain while the next batch is made
              await new Promise((resolve) => setImmediate(resolve));
            }
          }
          accountsDone += page.length;
          if (Math.floor(accountsDone / 100_000) !== Math.floor((accountsDone - page.length) / 100_000)) ctx.log(`sales: ${accountsDone.toLocaleString('en-US')} accounts, ${(dealCount + oppRows.length).toLocaleString('en-US')} deals`);
        }
        await flush();
      }
      await pending;

      // Leads: the demo's 40; the bench company one for every fifth account.
      const reps = ctx.org.byRole.sales_rep;
      const leadTotal = atScale ? Math.round(customers.accounts * 0.2) : 40;
      for (let start = 0; start < leadTotal; start += FLUSH) {
        const leadRows: (typeof leads.$inferInsert)[] = [];
        for (let i = start; i < Math.min(leadTotal, start + FLUSH); i++) {
          const rep = rng.pick(reps);
          const person = personName(rng);
          const status = rng.weighted<LeadStatus>([['new', 4], ['contacted', 3], ['qualified', 2], ['unqualified', 1]]);
          const fields = { name: person.name, companyName: `${rng.pick(['宁波', '青岛', '厦门', '天津', '大连'])}${rng.pick(['恒通', '远航', '顺达', '海润', '金桥'])}${rng.pick(['国际物流', '进出口', '贸易'])}有限公司`, phones: [mobilePhone(rng)], emails: [] as string[] };
          leadRows.push({
            tenantId, id: nextId(), ownerId: rep.id, unitId: rep.unitId, ...fields, title: rng.pick(['采购经理', '物流主管', '总经理']), source: rng.pick(leadSources) as LeadSource,
            status, rating: rng.pick(['hot', 'warm', 'cold'] as const), unqualifiedReason: status === 'unqualified' ? '暂无出货需求' : null,
            createdAt: new Date(now.getTime() - rng.int(0, atScale ? 365 : 90) * DAY), createdBy: rep.id, updatedBy: rep.id, ...leadSearchDoc(fields),
          });
        }
        leadCount += leadRows.length;
        await ctx.write(leads, leadRows);
      }

      // Monthly targets for every rep: this quarter (demo), the last three months and the next six (bench).
      const first = atScale ? -3 : 0;
      const months = atScale ? 9 : 3;
      const quarterStart = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
      const base = atScale ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)) : quarterStart;
      const targetRows: (typeof salesTargets.$inferInsert)[] = reps.flatMap((rep) => Array.from({ length: months }, (_, m) => ({
        tenantId, id: nextId(), userId: rep.id, unitId: rep.unitId, period: 'month' as const,
        periodStart: new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + first + m, 1)).toISOString().slice(0, 10),
        amount: String(rng.int(20, 200) * 10_000), currency: 'CNY', createdBy: rep.id,
      })));
      await ctx.write(salesTargets, targetRows);
      ctx.log(`sales: ${dealCount} opportunities (${stayCount} stage stays), ${leadCount} leads, ${targetRows.length} targets`);
    } finally {
      await rebuild?.();
    }
  },
};

/** Every account the company holds (not the pool's), in id order, with its primary contact. */
async function* heldAccounts(db: Executor, tenantId: string, poolHolderId: string, pageSize = 5_000): AsyncGenerator<DealAccount[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = rowsOf<{ id: string; name: string; short_name: string | null; owner_id: string; unit_id: string; created_at: string | Date; tier: string | null; contact_id: string | null }>(await db.execute(sql`
      select a.id, a.name, a.short_name, a.owner_id, a.unit_id, a.created_at, a.tier,
        (select ac.contact_id from account_contacts ac where ac.tenant_id = a.tenant_id and ac.account_id = a.id and ac.is_primary limit 1) as contact_id
      from accounts a
      where a.tenant_id = ${tenantId} and a.id > ${after} and a.deleted_at is null
      order by a.id limit ${pageSize}`));
    if (!page.length) return;
    after = page.at(-1)!.id;
    yield page.filter((r) => r.owner_id !== poolHolderId).map((r) => ({
      id: r.id, name: r.name, shortName: r.short_name, ownerId: r.owner_id, unitId: r.unit_id, createdAt: new Date(r.created_at), tier: r.tier, contactId: r.contact_id,
    }));
  }
}

