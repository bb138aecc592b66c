import { riskFlags, type RiskFlagKind } from '../../modules/risk-flags/risk-flags.schema.ts';
import type { DemoPart } from '../generator.ts';
import { customersKey, idFactory } from './customers.ts';

const reasons: Record<RiskFlagKind, readonly string[]> = {
  bad_debt: ['货款拖欠超过 180 天，多次催收无果，已移交法务。', '去年两票运费至今未付，对方以资金紧张为由拖延。'],
  fraud: ['提供虚假提单信息骗取放货，已报案。', '冒用他人公司名义下单，营业执照与实际经营者不符。'],
  malicious: ['恶意压价后转投他家，并拖欠单证费用；各分公司接单前请先核实。', '多次以投诉相威胁要求退费，曾在多个分公司重复操作。'],
};

/**
 * A few customers flagged by one branch (seed 000: a malicious customer moved from branch to branch),
 * so every other branch meets the warning in search and when entering the name again. Flagged by
 * the manager of the branch that holds the customer; most flags active, one already cleared.
 */
export const riskFlagsPart: DemoPart = {
  name: 'risk-flags',
  async generate(ctx) {
    const customers = ctx.need(customersKey);
    const { rng, tenantId, now } = ctx;
    const nextId = idFactory(new Date(now.getTime() - 2_000), rng.fork(`ids/${tenantId}`));
    const managers = ctx.org.byRole.branch_manager;
    const count = ctx.profile.key === 'demo' ? 6 : Math.min(500, Math.round(customers.accounts / 2_000));
    const picked = rng.shuffle(customers.sample.filter((a) => !a.inPool && /公司$/.test(a.name))).slice(0, count);
    const rows: (typeof riskFlags.$inferInsert)[] = picked.map((a, i) => {
      const kind = rng.pick(['bad_debt', 'fraud', 'malicious'] as const);
      const by = managers.find((m) => m.branchId === a.branchId) ?? rng.pick(managers);
      const createdAt = new Date(Math.max(a.createdAt.getTime(), now.getTime() - rng.int(5, 300) * 86_400_000));
      const cleared = i === picked.length - 1 && picked.length > 2;
      return {
        tenantId, id: nextId(), accountId: a.id, kind, reason: rng.pick(reasons[kind]), flaggedBy: by.id, unitId: by.unitId, createdAt,
        clearedAt: cleared ? new Date(Math.min(now.getTime(), createdAt.getTime() + 30 * 86_400_000)) : null, clearedBy: cleared ? by.id : null,
      };
    });
    await ctx.write(riskFlags, rows);
    ctx.log(`risk-flags: ${rows.length} customers flagged`);
  },
};
