import { and, eq, sql } from 'drizzle-orm';
import { can, inScope } from '../../../platform/access/principal.ts';
import { audit, diff } from '../../../platform/audit/audit.ts';
import type { Executor } from '../../../platform/db/engine.ts';
import { textArrayParam } from '../../../platform/db/array-param.ts';
import { accountDerivedColumns } from '../../accounts/accounts.search-columns.ts';
import { createAccountsBulk } from '../../accounts/accounts.create-many.ts';
import { auditedAccountFields } from '../../accounts/accounts.commands.ts';
import { accounts, accountTiers, type AccountTier } from '../../accounts/accounts.schema.ts';
import { listAccountTypes } from '../../accounts/account-types/account-types.queries.ts';
import { formatCustomValue, loadCustomFields } from '../../custom-fields/index.ts';
import { regionName } from '../../accounts/regions/regions.ts';
import { keysOf, syncDedupKeys } from '../../dedup/keys/dedup-keys.ts';
import { normalizeCompanyName } from '../../dedup/matcher/index.ts';
import { compareRegions } from '../../dedup/matcher/regions.ts';
// The other modules' rules for created accounts (keys, ownership history) must be registered
// wherever an import runs: the server, the CLI, the bench.
import '../../dedup/check/first-to-register.ts';
import '../../pool/pool-account-hooks.ts';
import { rowsOf } from '../../search/fenced-query.ts';
import { reason } from '../issue-reasons.ts';
import { customImportFields, customValues, RowChecker } from './field-values.ts';
import { registerImportTarget, type ImportField } from './import-target.ts';
import { loadUserNames, ownershipResolver } from './lookups.ts';

const f = (key: string, zh: string, en: string, aliases: string[], required = false): ImportField => ({
  key, label: { 'zh-CN': zh, 'en-US': en }, required, aliases: [zh, en, key, ...aliases],
});

export const accountImportFields: ImportField[] = [
  f('name', '客户名称', 'Account name', ['客户名', '客户', '公司名称', '公司', '企业名称', '单位名称', '名称', 'company', 'companyname', 'accountname', 'name', '客户全称'], true),
  f('shortName', '简称', 'Short name', ['客户简称', '公司简称', 'shortname']),
  f('englishName', '英文名称', 'English name', ['英文名', 'englishname']),
  f('creditCode', '统一社会信用代码', 'Credit code', ['信用代码', '社会信用代码', '税号', '纳税人识别号', 'uscc', 'creditcode']),
  f('phones', '电话', 'Phone', ['手机', '手机号', '手机号码', '固定电话', '座机', '联系电话', '电话号码', 'telephone', 'mobile', 'tel', 'phone']),
  f('emails', '邮箱', 'E-mail', ['电子邮箱', '电子邮件', 'email', 'e-mail', 'mail']),
  f('province', '省份', 'Province', ['省', '所在省份', '省份名称', 'state', 'province']),
  f('city', '城市', 'City', ['市', '所在城市', '城市名称', 'city']),
  f('district', '区县', 'District', ['区', '县', '所在区县', 'district']),
  f('region', '地区', 'Region', ['区域', '所在地区', '省市区', 'region']),
  f('address', '地址', 'Address', ['详细地址', '公司地址', '通讯地址', '注册地址', 'address', 'street']),
  f('website', '网址', 'Website', ['官网', '公司网址', '网站', 'website', 'url']),
  f('industry', '行业', 'Industry', ['所属行业', '行业类别', 'industry']),
  f('type', '客户类型', 'Account type', ['类型', '客户类别', 'type', 'accounttype']),
  f('tier', '客户等级', 'Tier', ['等级', '客户级别', '级别', '价值等级', 'tier', 'level', 'rating']),
  f('source', '客户来源', 'Source', ['来源', 'source', 'leadsource']),
  f('tags', '标签', 'Tags', ['tags', 'tag']),
  f('creditLimit', '信用额度', 'Credit limit', ['授信额度', 'creditlimit']),
  f('owner', '负责人', 'Owner', ['客户负责人', '业务员', '销售员', '客户经理', '所属员工', 'owner', 'ownerlogin', 'salesrep']),
];

const tierWords: Record<AccountTier, string[]> = {
  A: ['a', 'a类', 'a级', '高', '高级', '重要', '重点', '核心', 'vip', '大客户'],
  B: ['b', 'b类', 'b级', '中', '中级', '普通', '一般'],
  C: ['c', 'c类', 'c级', '低', '低级', '潜在', '小客户'],
};
const tierOf = (text: string): AccountTier | undefined =>
  accountTiers.find((t) => tierWords[t].includes(text.normalize('NFKC').toLowerCase().replace(/客户$/, '')));

/** An account as a row of a file made it; `present` names the fields the row filled (what "update" changes). */
export interface AccountImport {
  values: {
    name: string; shortName: string | null; englishName: string | null; creditCode: string | null;
    provinceCode: string | null; cityCode: string | null; districtCode: string | null; address: string | null;
    phones: string[]; emails: string[]; website: string | null; industry: string | null; type: string | null;
    tier: AccountTier | null; source: string | null; tags: string[]; creditLimit: string | null;
  };
  custom: Record<string, unknown>;
  ownerId?: string;
  present: Set<string>;
  /** search and sort columns, computed with the row (the CPU work runs while the previous batch writes) */
  derived?: ReturnType<typeof accountDerivedColumns>;
  /** its duplicate-check keys, computed once */
  keys?: string[];
}

const regionFields = ['province', 'city', 'district', 'region'];

export const accountsImportTarget = registerImportTarget<AccountImport>({
  name: 'accounts',
  object: 'account',
  label: { 'zh-CN': '客户', 'en-US': 'Accounts' },
  analyze: ['accounts', 'dedup_keys', 'account_owner_history'],
  fields: async (db, tenantId) => [...accountImportFields, ...customImportFields(await loadCustomFields(db, tenantId, 'account'))],

  async open(db, ctx, opts) {
    const p = ctx.principal;
    const defs = await loadCustomFields(db, p.tenantId, 'account');
    const userByName = await loadUserNames(db, p.tenantId);
    const types = await listAccountTypes(db, p.tenantId);
    const typeOf = (text: string) => types.find((t) => t.key === text || t.labelZh === text || t.labelEn.toLowerCase() === text.toLowerCase())?.key;
    const owners = ownershipResolver(p, 'account', { ownerId: opts.ownerId, unitId: opts.unitId });
    const labels = Object.fromEntries([...accountImportFields].map((x) => [x.key, x.label[ctx.locale ?? 'zh-CN']]));

    const ownershipOf = async (tx: Executor, records: AccountImport[]) => {
      await owners.prepare(tx, records.map((r) => r.ownerId).filter((id): id is string => !!id));
      return records.map((r) => owners.get(r.ownerId)!);
    };

    // Exact keys of the duplicate check: credit code, phone, and the normalised name with its region
    // (杭州某某 and 宁波某某 share a core but are two companies; 某某 and 上海某某 are one).
    // A name is normalised for its key, its lookup and its comparison with hits: once per batch.
    const normalized = new Map<string, ReturnType<typeof normalizeCompanyName>>();
    const normalize = (name: string) => {
      let n = normalized.get(name);
      if (!n) {
        if (normalized.size > 50_000) normalized.clear();
        n = normalizeCompanyName(name);
        normalized.set(name, n);
      }
      return n;
    };
    const nameKey = (name: string) => {
      const n = normalize(name);
      return `n:${n.core}|${n.regions.map((r) => r.label).join('/')}`;
    };
    const duplicateKeys = (r: AccountImport) => (r.keys ??= [
      ...keysOf({ id: '', ...r.values, name: '' }).filter((k) => k.startsWith('cc:') || k.startsWith('t:')),
      nameKey(r.values.name),
    ]);

    return {
      convert(values) {
        const check = new RowChecker(values, (field) => labels[field] ?? field);
        const name = check.text('name', 200, true);
        const region = regionFields.some((k) => check.has(k)) ? check.region(regionFields) : { provinceCode: null, cityCode: null, districtCode: null };
        let type: string | null = null;
        if (check.has('type')) {
          type = typeOf(check.raw('type')) ?? null;
          if (!type) check.add('type', check.raw('type'), reason('unknown_account_type'));
        }
        let tier: AccountTier | null = null;
        if (check.has('tier')) {
          tier = tierOf(check.raw('tier')) ?? null;
          if (!tier) check.add('tier', check.raw('tier'), reason('unknown_tier'));
        }
        let ownerId: string | undefined;
        if (check.has('owner')) {
          ownerId = userByName(check.raw('owner'));
          if (!ownerId) check.add('owner', check.raw('owner'), reason('unknown_user'));
        }
        const record: AccountImport = {
          values: {
            name: name ?? '',
            shortName: check.text('shortName', 100),
            englishName: check.text('englishName', 200),
            creditCode: check.creditCode('creditCode'),
            ...region,
            address: check.text('address', 300),
            phones: check.phones('phones'),
            emails: check.emails('emails'),
            website: check.text('website', 200),
            industry: check.text('industry', 100),
            type,
            tier,
            source: check.text('source', 100),
            tags: check.list('tags', 30),
            creditLimit: check.money('creditLimit'),
          },
          custom: customValues(defs, check, userByName),
          ownerId,
          present: new Set(Object.keys(values).filter((k) => values[k]?.trim())),
        };
        if (check.issues.length) return { issues: check.issues };
        record.derived = accountDerivedColumns({ ...record.values, formerNames: [] });
        duplicateKeys(record);
        return { record, issues: [] };
      },

      async check(tx, records) {
        const ownership = await ownershipOf(tx, records);
        return records.map((r, i) => (ownership[i] ? [] : [{ column: labels.owner, value: r.ownerId ?? '', reason: reason('out_of_scope') }]));
      },

      duplicateKeys,

      async findExisting(tx, records) {
        // Stored keys to look up: cc: and t: as they are, the name through its core (c:), checked below.
        const lookups = records.map((r) => {
          const keys = duplicateKeys(r).filter((k) => !k.startsWith('n:'));
          const core = normalize(r.values.name).core;
          return core ? [...keys, `c:${core}`] : keys;
        });
        const all = [...new Set(lookups.flat())];
        if (!all.length) return records.map(() => null);
        const found = rowsOf<{ key: string; id: string; name: string; owner_id: string; unit_id: string }>(await tx.execute(sql`
          select k.key, a.id, a.name, a.owner_id, a.unit_id
          from dedup_keys k join accounts a on a.tenant_id = k.tenant_id and a.id = k.account_id
          where k.tenant_id = ${p.tenantId} and k.key = any(${textArrayParam(all)}) and a.deleted_at is null`));
        const byKey = new Map<string, (typeof found)[number][]>();
        for (const row of found) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
        const rank = (k: string) => (k.startsWith('cc:') ? 0 : k.startsWith('c:') ? 1 : 2);
        return records.map((record, i) => {
          const regions = normalize(record.values.name).regions;
          for (const key of [...lookups[i]].sort((a, b) => rank(a) - rank(b))) {
            const hits = (byKey.get(key) ?? []).filter((h) => !key.startsWith('c:') || compareRegions(normalize(h.name).regions, regions) !== 'different');
            const hit = hits[0];
            if (!hit) continue;
            const changeable = can(p, 'account', 'update') && inScope(p, 'account', { ownerId: hit.owner_id, unitId: hit.unit_id });
            return { id: hit.id, label: hit.name, changeable, key };
          }
          return null;
        });
      },

      async insert(tx, rows) {
        const ownership = await ownershipOf(tx, rows.map((r) => r.record));
        return createAccountsBulk(tx, ctx, rows.map(({ record }, i) => ({ ...record.values, custom: record.custom, ...ownership[i]!, derived: record.derived })));
      },

      async update(tx, id, record) {
        const [before] = await tx.select().from(accounts).where(and(eq(accounts.tenantId, p.tenantId), eq(accounts.id, id)));
        if (!before) return;
        const has = (k: string) => record.present.has(k);
        const v = record.values;
        const merged = {
          ...before,
          ...(has('name') ? { name: v.name } : {}),
          ...(has('shortName') ? { shortName: v.shortName } : {}),
          ...(has('englishName') ? { englishName: v.englishName } : {}),
          ...(has('creditCode') && !before.creditCode ? { creditCode: v.creditCode } : {}),
          ...(regionFields.some(has) ? { provinceCode: v.provinceCode, cityCode: v.cityCode, districtCode: v.districtCode } : {}),
          ...(has('address') ? { address: v.address } : {}),
          phones: [...new Set([...before.phones, ...v.phones])].slice(0, 20),
          emails: [...new Set([...before.emails, ...v.emails])].slice(0, 20),
          ...(has('website') ? { website: v.website } : {}),
          ...(has('industry') ? { industry: v.industry } : {}),
          ...(has('type') ? { type: v.type } : {}),
          ...(has('tier') ? { tier: v.tier } : {}),
          ...(has('source') ? { source: v.source } : {}),
          tags: [...new Set([...before.tags, ...v.tags])].slice(0, 50),
          ...(has('creditLimit') ? { creditLimit: v.creditLimit } : {}),
          custom: { ...before.custom, ...record.custom },
        };
        await tx
          .update(accounts)
          .set({ ...merged, ...accountDerivedColumns(merged), version: before.version + 1, updatedAt: new Date(), updatedBy: p.userId })
          .where(and(eq(accounts.tenantId, p.tenantId), eq(accounts.id, id)));
        await syncDedupKeys(tx, p.tenantId, merged);
        await audit(tx, ctx.actor, {
          action: 'update', objectType: 'account', objectId: id, objectLabel: merged.name,
          changes: diff(before, merged, auditedAccountFields),
        });
      },

      display: (r) => {
        const v = r.values;
        const out: Record<string, string> = {
          name: v.name, shortName: v.shortName ?? '', englishName: v.englishName ?? '', creditCode: v.creditCode ?? '',
          phones: v.phones.join(', '), emails: v.emails.join(', '), region: regionName(v) ?? '', address: v.address ?? '',
          website: v.website ?? '', industry: v.industry ?? '', type: v.type ?? '', tier: v.tier ?? '', source: v.source ?? '',
          tags: v.tags.join(', '), creditLimit: v.creditLimit ?? '', owner: r.ownerId ?? '',
        };
        for (const def of defs) if (r.custom[def.key] !== undefined) out[`custom.${def.key}`] = formatCustomValue(def, r.custom[def.key], ctx.locale ?? 'zh-CN');
        return Object.fromEntries(Object.entries(out).filter(([, x]) => x !== ''));
      },

      label: (r) => r.values.name,
    };
  },
});
