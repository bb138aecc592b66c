import { salesTargets } from '../../modules/forecast/sales-targets.schema.ts';
import { leadSearchDoc } from '../../modules/leads/leads.commands.ts';
import { leads, leadSources, type LeadSource, type LeadStatus } from '../../modules/leads/leads.schema.ts';
import { lineAmount } from '../../modules/opportunities/money.ts';
import { opportunities, opportunityContacts, opportunityStageHistory, type Competitor } from '../../modules/opportunities/opportunities.schema.ts';
import { insertPipeline } from '../../modules/pipelines/pipelines.defaults.ts';
import { defaultPipeline, getPipeline, type PipelineRecord } from '../../modules/pipelines/pipelines.queries.ts';
import { buildSearchDocument } from '../../platform/text/search-document.ts';
import type { DemoPart } from '../generator.ts';
import { mobilePhone, personName } from '../names.ts';
import { customersKey, idFactory, type DemoAccountRef } from './customers.ts';

const DAY = 86_400_000;
const services = ['集装箱代理', '散货代理', '船舶代理', '报关报检', '拖车运输', '仓储', '航线运价合同', '年度代理协议'];
const competitors = ['中外运', '外代', '联合船代', '华洋物流', '港联船务'];
const strengths = ['价格低', '关系好', '网点多', '老供应商', '响应快'];
const weaknesses = ['服务慢', '单证差错多', '价格高', '网点少', '付款条件苛刻'];
const wonReasons = ['价格有竞争力', '服务响应快', '客户经理关系好', '航线覆盖全'];
const lostReasons = ['价格高于竞争对手', '客户预算取消', '竞争对手关系更深', '我们的舱位不足'];

/**
 * Pipelines, deals in every stage, leads and targets (seed 003: the sales process made visible).
 * Deals belong to accounts of the customers part and to their owners; each has the stage history
 * of the stages it passed, so the funnel, time in stage and the board have something to show.
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
    const count = ctx.profile.key === 'demo' ? Math.min(160, held.length) : Math.min(held.length * 3, Math.round(customers.accounts * 0.3));

    const oppRows: (typeof opportunities.$inferInsert)[] = [];
    const historyRows: (typeof opportunityStageHistory.$inferInsert)[] = [];
    const contactRows: (typeof opportunityContacts.$inferInsert)[] = [];
    const deal = (account: DemoAccountRef, pipeline: PipelineRecord) => {
      const stages = pipeline.stages.filter((s) => s.active);
      const open = stages.filter((s) => s.kind === 'open');
      const stage = rng.weighted(stages.map((s) => [s, s.kind === 'open' ? 3 : s.kind === 'won' ? 2 : 1.5] as const));
      const createdAt = new Date(Math.max(account.createdAt.getTime(), now.getTime() - rng.int(3, 330) * DAY));
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
        ...buildSearchDocument({ names: [name] }),
      });
      if (account.contactIds[0]) contactRows.push({ tenantId, opportunityId: id, contactId: account.contactIds[0], role: '决策人' });
    };
    for (let i = 0; i < count; i++) deal(held[i % held.length], rng.chance(0.8) ? main : bulk);
    await ctx.write(opportunities, oppRows);
    await ctx.write(opportunityStageHistory, historyRows);
    await ctx.write(opportunityContacts, contactRows);

    const reps = ctx.org.byRole.sales_rep;
    const leadCount = ctx.profile.key === 'demo' ? 40 : Math.min(20_000, Math.round(customers.accounts * 0.05));
    const leadRows: (typeof leads.$inferInsert)[] = [];
    for (let i = 0; i < leadCount; i++) {
      const rep = rng.pick(reps);
      const person = personName(rng);
      const status = rng.weighted<LeadStatus>([['new', 4], ['contacted', 3], ['qualified', 2], ['unqualified', 1]]);
      const fields = { name: person.name, companyName: `${rng.pick(['宁波', '青岛', '厦门', '天津', '大连'])}${rng.pick(['恒通', '远航', '顺达', '海润', '金桥'])}${rng.pick(['国际物流', '进出口', '贸易'])}有限公司`, phones: [mobilePhone(rng)], emails: [] as string[] };
      leadRows.push({
        tenantId, id: nextId(), ownerId: rep.id, unitId: rep.unitId, ...fields, title: rng.pick(['采购经理', '物流主管', '总经理']), source: rng.pick(leadSources) as LeadSource,
        status, rating: rng.pick(['hot', 'warm', 'cold'] as const), unqualifiedReason: status === 'unqualified' ? '暂无出货需求' : null,
        createdAt: new Date(now.getTime() - rng.int(0, 90) * DAY), createdBy: rep.id, updatedBy: rep.id, ...leadSearchDoc(fields),
      });
    }
    await ctx.write(leads, leadRows);

    // Monthly targets for every rep, this quarter.
    const quarterStart = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
    const targetRows: (typeof salesTargets.$inferInsert)[] = reps.flatMap((rep) => [0, 1, 2].map((m) => ({
      tenantId, id: nextId(), userId: rep.id, unitId: rep.unitId, period: 'month' as const,
      periodStart: new Date(Date.UTC(quarterStart.getUTCFullYear(), quarterStart.getUTCMonth() + m, 1)).toISOString().slice(0, 10),
      amount: String(rng.int(20, 200) * 10_000), currency: 'CNY', createdBy: rep.id,
    })));
    await ctx.write(salesTargets, targetRows);
    ctx.log(`sales: ${oppRows.length} opportunities (${historyRows.length} stage stays), ${leadRows.length} leads, ${targetRows.length} targets`);
  },
};
