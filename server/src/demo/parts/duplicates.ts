import { accounts } from '../../modules/accounts/accounts.schema.ts';
import { accountDerivedColumns } from '../../modules/accounts/accounts.search-columns.ts';
import { activities, type ActivityKind } from '../../modules/activities/activities.schema.ts';
import { dedupKeys } from '../../modules/dedup/keys/dedup-keys.schema.ts';
import { keysOf } from '../../modules/dedup/keys/dedup-keys.ts';
import { accountOwnerHistory } from '../../modules/pool/pool.schema.ts';
import type { DemoContext, DemoPart, DemoUser } from '../generator.ts';
import { mobilePhone } from '../names.ts';
import { customersKey, idFactory, type DemoAccountRef } from './customers.ts';

/**
 * The same customer entered twice, the way it happens: another branch's rep types the registered
 * name in another shape ("火炬润滑油(上海)有限责任公司" for "上海火炬润滑油有限公司"), in traditional
 * characters, with a stray space, or only the short name with the same phone. The duplicate check
 * and the tenant-wide duplicate report have something real to find in the demo company. Demo only:
 * the bench company keeps the customers part's guarantee that no two accounts share a core name.
 */
export const duplicatesPart: DemoPart = {
  name: 'duplicates',
  async generate(ctx) {
    if (ctx.profile.key !== 'demo') return;
    const customers = ctx.need(customersKey);
    // A company asked for without customers gets none, duplicates included.
    if (!customers.accounts) return;
    const { rng, tenantId, now } = ctx;
    const nextId = idFactory(new Date(now.getTime() - 1_000), rng.fork(`ids/${tenantId}`));
    const reps = ctx.org.byRole.sales_rep.filter((u) => u.branchId);
    const otherBranch = (u: DemoUser) => rng.pick(reps.filter((r) => r.branchId !== u.branchId).length ? reps.filter((r) => r.branchId !== u.branchId) : reps);

    const made: { name: string; shortName?: string | null; phones: string[]; owner: DemoUser; inPool?: boolean }[] = [];
    // Hand-made pairs, each entered by reps of two branches.
    const pairs: [string, string | null, string][] = [
      ['上海火炬润滑油有限公司', '火炬', '火炬润滑油(上海)有限责任公司'],
      ['宁波远洋捷运物流有限公司', '远洋捷运', '宁波市远洋捷运物流有限责任公司'],
      ['青岛海晟国际贸易有限公司', '海晟国际', '青岛海晟國際貿易有限公司'],
      ['广州华彩供应链管理有限公司', null, '广州 华彩供应链管理有限公司'],
      ['成都蜀道通化工股份有限公司', '蜀道通', '蜀道通化工(成都)股份有限公司'],
    ];
    for (const [name, shortName, variant] of pairs) {
      const owner = rng.pick(reps);
      const phone = mobilePhone(rng);
      made.push({ name, shortName, phones: [phone], owner });
      made.push({ name: variant, phones: rng.chance(0.5) ? [phone] : [], owner: otherBranch(owner) });
    }
    // Same phone, named by the short name only: the phone and the short form give it away.
    const phone = mobilePhone(rng);
    const first = rng.pick(reps);
    made.push({ name: '大连鑫港船务有限公司', shortName: '鑫港船务', phones: [phone], owner: first });
    made.push({ name: '鑫港船务', phones: [phone], owner: otherBranch(first), inPool: true });

    // Variants of generated customers: region moved into brackets, another legal form, same phone.
    const candidates = customers.sample.filter((a) => a.ownerId !== customers.poolHolderId && /^[\u4e00-\u9fff]+有限公司$/.test(a.name) && !/(分公司|股份|集团)/.test(a.name));
    for (const account of rng.shuffle(candidates).slice(0, 10)) {
      const variant = variantOf(ctx, account);
      if (!variant) continue;
      const owner = rng.chance(0.6) ? otherBranch(reps.find((r) => r.id === account.ownerId) ?? rng.pick(reps)) : rng.pick(reps);
      made.push({ name: variant, phones: account.phones.slice(0, 1), owner, inPool: rng.chance(0.2) });
    }

    const accountRows: (typeof accounts.$inferInsert)[] = [];
    const keyRows: (typeof dedupKeys.$inferInsert)[] = [];
    const historyRows: (typeof accountOwnerHistory.$inferInsert)[] = [];
    const activityRows: (typeof activities.$inferInsert)[] = [];
    const kinds: ActivityKind[] = ['call', 'visit', 'email', 'note'];
    for (const m of made) {
      const id = nextId();
      const createdAt = new Date(now.getTime() - rng.int(20, 700) * 86_400_000);
      const fields = {
        kind: 'company' as const, name: m.name, shortName: m.shortName ?? null, englishName: null, formerNames: [] as string[], creditCode: null,
        provinceCode: null, cityCode: null, districtCode: null, address: null, phones: m.phones, emails: [] as string[],
      };
      let lastActivityAt: Date | null = null;
      const n = m.inPool ? 0 : rng.int(5, 10);
      for (let k = 0; k < n; k++) {
        const at = new Date(createdAt.getTime() + Math.floor((now.getTime() - createdAt.getTime()) * rng.next()));
        const kind = rng.pick(kinds);
        activityRows.push({
          tenantId, id: nextId(), ownerId: m.owner.id, unitId: m.owner.unitId, kind, subject: kind === 'visit' ? '拜访客户' : kind === 'call' ? '电话沟通' : kind === 'email' ? '发送报价单' : '客户备注',
          content: null, occurredAt: kind === 'visit' ? null : at, startsAt: kind === 'visit' ? at : null, durationMinutes: kind === 'visit' ? 60 : null, at,
          locationAddress: null, locationLat: null, locationLng: null, accountId: id, contactId: null, opportunityId: null, result: null, nextStep: null,
          dueAt: null, reminderAt: null, reminderSentFor: null, completedAt: null, completedBy: null,
          createdAt: at, updatedAt: at, createdBy: m.owner.id, updatedBy: m.owner.id,
        });
        if (!lastActivityAt || at > lastActivityAt) lastActivityAt = at;
      }
      accountRows.push({
        tenantId, id, ownerId: m.inPool ? customers.poolHolderId : m.owner.id, unitId: m.owner.unitId, ...fields,
        website: null, industry: null, type: 'other', tier: null, source: 'other', tags: [], creditLimit: null, lastActivityAt,
        ...accountDerivedColumns(fields), createdAt, updatedAt: createdAt, createdBy: m.owner.id, updatedBy: m.owner.id,
      });
      for (const key of keysOf({ id, ...fields })) keyRows.push({ tenantId, key, accountId: id });
      historyRows.push({ tenantId, id: nextId(), accountId: id, fromOwnerId: null, toOwnerId: m.owner.id, fromUnitId: null, toUnitId: m.owner.unitId, reason: 'created', note: null, actorUserId: m.owner.id, at: createdAt });
      if (m.inPool) {
        historyRows.push({ tenantId, id: nextId(), accountId: id, fromOwnerId: m.owner.id, toOwnerId: customers.poolHolderId, fromUnitId: m.owner.unitId, toUnitId: m.owner.unitId, reason: 'released', note: '重复录入，退回公海', actorUserId: m.owner.id, at: new Date(createdAt.getTime() + 86_400_000) });
      }
    }
    await ctx.write(accounts, accountRows);
    await ctx.write(dedupKeys, keyRows);
    await ctx.write(accountOwnerHistory, historyRows);
    await ctx.write(activities, activityRows);
    ctx.log(`duplicates: ${accountRows.length} accounts entered twice over`);
  },
};

/** "上海鑫达物流有限公司" → "鑫达物流(上海)有限责任公司": what a second rep types for the same company. */
function variantOf(ctx: DemoContext, account: DemoAccountRef): string | null {
  const city = ctx.org.branches.find((b) => b.id === account.branchId)?.city;
  const core = account.name.replace(/有限公司$/, '');
  if (city && core.startsWith(city) && core.length > city.length + 2) {
    const rest = core.slice(city.length).replace(/^市/, '');
    return `${rest}(${city})有限责任公司`;
  }
  return `${core}有限责任公司`;
}
