import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { rowsOf } from '../../modules/search/fenced-query.ts';
import { pinyin } from 'pinyin-pro';
import type { Executor } from '../../platform/db/engine.ts';
import { accounts, type AccountTier } from '../../modules/accounts/accounts.schema.ts';
import { accountDerivedColumns } from '../../modules/accounts/accounts.search-columns.ts';
import { creditCodeCheckChar } from '../../modules/accounts/credit-code.ts';
import { regionChildren, type Region } from '../../modules/accounts/regions/regions.ts';
import { activities, type ActivityKind } from '../../modules/activities/activities.schema.ts';
import { followUpTime } from '../../modules/activities/follow-up.ts';
import { accountContacts, contacts } from '../../modules/contacts/contacts.schema.ts';
import { contactDerivedColumns } from '../../modules/contacts/contacts.search-columns.ts';
import { dedupKeys } from '../../modules/dedup/keys/dedup-keys.schema.ts';
import { keysOf } from '../../modules/dedup/keys/dedup-keys.ts';
import { accountOwnerHistory } from '../../modules/pool/pool.schema.ts';
import { poolHolderId } from '../../modules/pool/pool-holder.ts';
import { deferIndexes } from '../bulk.ts';
import type { DemoContext, DemoKey, DemoPart, DemoUser } from '../generator.ts';
import { mobilePhone, personName } from '../names.ts';
import type { Rng } from '../random.ts';

/**
 * Customers: accounts, their contacts (~1.5 per account, a few shared by two accounts) and about ten
 * follow-up activities per account over the last two years, for `kehu demo` (2,000 accounts, one
 * transaction) and the bench company (up to 1,000,000+, COPY). Rows are made and written in batches,
 * so memory stays bounded at any size; writing one batch overlaps with generating the next.
 *
 * Every derived column comes from the functions the write path uses: accountDerivedColumns and
 * contactDerivedColumns (sort key, search columns), keysOf (duplicate-check keys), followUpTime
 * (accounts.last_activity_at), so search, the duplicate check and the pool rules work on this data
 * as on data entered by hand.
 */

/** What this part leaves for later parts (customer extras, opportunities, orders…). */
export interface DemoAccountRef {
  id: string;
  name: string;
  shortName: string | null;
  creditCode: string | null;
  phones: string[];
  ownerId: string;
  unitId: string;
  /** the branch the account belongs to (its owner's) */
  branchId: string;
  tier: AccountTier | null;
  type: string;
  createdAt: Date;
  inPool: boolean;
  /** its contacts' ids, primary first */
  contactIds: string[];
}

export interface DemoCustomers {
  accounts: number;
  contacts: number;
  activities: number;
  /** the tenant's pool holder: the owner of every account in the public pool */
  poolHolderId: string;
  /**
   * Every account up to SAMPLE_LIMIT, beyond that an even sample (every k-th) of that many, so a
   * later part can pick accounts without holding a million in memory. For all of them, page through
   * eachAccountPage.
   */
  sample: DemoAccountRef[];
  /** every account of the tenant so far, in id order, in pages of `pageSize`, read from the database (during the generation: the demo writes in one transaction) */
  eachAccountPage(pageSize?: number): AsyncGenerator<{ id: string; name: string; ownerId: string; unitId: string }[]>;
}
// a literal, not demoKey(): generator.ts imports this file through parts/index.ts
export const customersKey: DemoKey<DemoCustomers> = { name: 'customers' };

export const SAMPLE_LIMIT = 20_000;
const BATCH = 2_000;
const DAY = 86_400_000;

// --- names -------------------------------------------------------------------------------------

/**
 * Characters companies choose for their brand (字号): two or three of them. Chosen to read as brands
 * and not as places or industries; (brand, industry) pairs are drawn without repetition, so no two
 * generated companies share a core name by accident (the duplicate report finds only real variants).
 */
const brandChars = [...(
  '鑫达盛兴恒泰隆祥瑞丰源通宏利鼎嘉信诚安康远航金银联和合新永昌茂发德宝凯捷峰晟辉锦铭博汇佳润优创' +
  '星辰光明启程驰骏腾飞跃升越卓立远志宇宙鹏翔伟业弘扬益众凯旋正道天成华彩万家百川千帆海纳江河湖'
  + '蓝白青红绿紫朗晴悦欣怡诺贝奥斯特维康迪尔美雅丽顺畅达旺福禄寿喜乐吉庆富贵友谊协力同心精诚致'
)];
const industries: readonly (readonly [string, number])[] = [
  ['船务', 6], ['海运', 5], ['物流', 8], ['国际物流', 4], ['货运代理', 4], ['供应链', 4], ['进出口', 5], ['贸易', 7],
  ['国际贸易', 3], ['化工', 5], ['石化', 2], ['润滑油', 2], ['油品', 2], ['能源', 3], ['钢铁', 2], ['金属', 2], ['矿业', 2],
  ['机械', 4], ['重工', 2], ['设备', 3], ['电子', 3], ['电气', 2], ['汽车配件', 2], ['新材料', 2], ['塑胶', 2], ['纺织', 2],
  ['服装', 2], ['食品', 3], ['粮油', 2], ['水产', 2], ['农业', 2], ['医药', 2], ['建材', 2], ['建设', 2], ['工程', 2],
  ['港务', 1], ['集装箱', 1], ['仓储', 2], ['冷链', 1], ['实业', 3], ['科技', 4], ['商贸', 3], ['包装', 1], ['纸业', 1],
];
const industryLabel: Record<string, string> = {
  船务: '航运', 海运: '航运', 港务: '航运', 集装箱: '航运', 物流: '物流', 国际物流: '物流', 货运代理: '物流', 供应链: '物流',
  仓储: '物流', 冷链: '物流', 进出口: '贸易', 贸易: '贸易', 国际贸易: '贸易', 商贸: '贸易', 化工: '化工', 石化: '化工',
  润滑油: '石油化工', 油品: '石油化工', 能源: '能源', 钢铁: '冶金', 金属: '冶金', 矿业: '矿业', 机械: '机械制造',
  重工: '机械制造', 设备: '机械制造', 电子: '电子', 电气: '电子', 汽车配件: '汽车', 新材料: '材料', 塑胶: '材料',
  纺织: '纺织服装', 服装: '纺织服装', 食品: '食品', 粮油: '食品', 水产: '农业', 农业: '农业', 医药: '医药', 建材: '建筑',
  建设: '建筑', 工程: '建筑', 实业: '综合', 科技: '科技', 包装: '轻工', 纸业: '轻工',
};
const englishIndustry: Record<string, string> = {
  船务: 'Shipping', 海运: 'Shipping', 物流: 'Logistics', 国际物流: 'International Logistics', 贸易: 'Trading', 国际贸易: 'International Trading',
  化工: 'Chemical', 机械: 'Machinery', 电子: 'Electronics', 食品: 'Food', 科技: 'Technology', 进出口: 'Import & Export',
};
const legalForms: readonly (readonly [string, number])[] = [
  ['有限公司', 60], ['有限责任公司', 15], ['股份有限公司', 8], ['集团有限公司', 3], ['贸易行', 1], ['分公司', 2],
];
const sources: readonly (readonly [string, number])[] = [
  ['referral', 25], ['exhibition', 15], ['website', 15], ['cold_call', 20], ['tender', 5], ['existing_network', 15], ['other', 5],
];
const accountTypes: readonly (readonly [string, number])[] = [
  ['cargo_owner', 35], ['distributor', 18], ['ship_owner', 10], ['terminal', 7], ['key_account', 3], ['inspection_agency', 4],
  ['government', 2], ['other', 21],
];
const tagPool = ['长期合作', '价格敏感', '新客户', '重点跟进', '年度框架', '海外业务', '危险品', '冷链需求', '需开发票', '季节性'];
const roads = ['人民路', '中山路', '解放路', '建设路', '滨海大道', '港湾路', '长江路', '黄河路', '迎宾大道', '工业园路', '科技路', '海港大道'];

/** Area codes of the branch cities: landlines are written with them. */
const areaCodes: Record<string, string> = {
  上海: '021', 北京: '010', 天津: '022', 重庆: '023', 广州: '020', 武汉: '027', 南京: '025', 成都: '028', 宁波: '0574', 深圳: '0755',
  青岛: '0532', 厦门: '0592', 大连: '0411', 舟山: '0580', 苏州: '0512', 连云港: '0518', 烟台: '0535', 日照: '0633', 营口: '0417',
  福州: '0591', 泉州: '0595', 南通: '0513', 张家港: '0512', 镇江: '0511', 太仓: '0512', 秦皇岛: '0335', 唐山: '0315', 威海: '0631',
  温州: '0577', 台州: '0576', 汕头: '0754', 珠海: '0756', 湛江: '0759', 东莞: '0769', 江门: '0750', 北海: '0779', 钦州: '0777',
  防城港: '0770', 海口: '0898', 三亚: '0898', 丹东: '0415', 锦州: '0416',
};

const charPinyin = new Map<string, string>(brandChars.map((c) => [c, pinyin(c, { toneType: 'none', v: true }).toLowerCase()]));
const brandPinyin = (brand: string) => [...brand].map((c) => charPinyin.get(c) ?? '').join('');

/**
 * The i-th (brand, industry) pair of a fixed permutation of all pairs: no pair repeats before
 * every one has been used (~3·10^7 pairs). `stride` is coprime to the size, so i → (i·stride + offset) mod size is a bijection.
 */
function corePair(i: number, offset: number): { brand: string; industry: string } {
  const n = brandChars.length;
  const two = n * n;
  const pairs = two + n * n * n;
  const combos = pairs * industries.length;
  const k = (i * 7_368_787 + offset) % combos;
  const industry = industries[k % industries.length][0];
  let b = Math.floor(k / industries.length);
  let brand: string;
  if (b < two) brand = brandChars[Math.floor(b / n)] + brandChars[b % n];
  else {
    b -= two;
    brand = brandChars[Math.floor(b / (n * n))] + brandChars[Math.floor(b / n) % n] + brandChars[b % n];
  }
  return { brand, industry };
}

// --- regions -----------------------------------------------------------------------------------

interface Place {
  provinceCode: string;
  cityCode: string;
  /** the city as it appears in company names: 上海, 宁波 */
  label: string;
  districts: Region[];
}

function placesFor(ctx: DemoContext): Map<string, Place> {
  const out = new Map<string, Place>();
  const provinces = regionChildren();
  for (const city of ctx.profile.branches) {
    const province = provinces.find((p) => p.name === city.province);
    if (!province) continue;
    const cities = regionChildren(province.code);
    const match = cities.find((c) => c.name.startsWith(city.city)) ?? cities.find((c) => c.placeholder) ?? cities[0];
    const districts = regionChildren(match.code);
    out.set(city.city, { provinceCode: province.code, cityCode: match.code, label: city.city, districts: districts.length ? districts : [match] });
  }
  return out;
}

let cityList: { province: Region; city: Region; districts: Region[] }[] | undefined;

/** Somewhere else in China: a customer of a branch need not sit in its city. */
function anyPlace(rng: Rng): Place & { district: Region } {
  cityList ??= regionChildren().flatMap((province) => regionChildren(province.code)
    .filter((city) => city.level === 'city')
    .map((city) => ({ province, city, districts: regionChildren(city.code) })));
  const { province, city, districts } = rng.pick(cityList);
  const district = districts.length ? rng.pick(districts) : city;
  const label = (city.placeholder ? province.name : city.name).replace(/(特别行政区|自治区|自治州|地区|市|省|盟)$/, '');
  return { provinceCode: province.code, cityCode: city.code, label, districts, district };
}

// --- credit codes ------------------------------------------------------------------------------

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 91 (enterprise) + district code + 9-character organisation code unique per index + check character. */
function creditCode(index: number, districtCode: string): string {
  let n = (index * 2_654_435_761 + 12_345) % 26_439_622_160_961; // 31^9, index → distinct codes
  let org = '';
  for (let i = 0; i < 9; i++) {
    org = CODE_ALPHABET[n % 31] + org;
    n = Math.floor(n / 31);
  }
  const first17 = `91${districtCode.slice(0, 6).padEnd(6, '0')}${org}`;
  return first17 + creditCodeCheckChar(first17)!;
}

// --- activities --------------------------------------------------------------------------------

const activityKinds: readonly (readonly [ActivityKind, number])[] = [['call', 35], ['visit', 18], ['email', 15], ['meeting', 7], ['task', 14], ['note', 11]];
const subjects: Record<ActivityKind, readonly string[]> = {
  call: ['电话回访', '电话沟通报价', '确认船期', '跟进付款进度', '咨询运价', '确认到港时间', '电话沟通合同条款'],
  visit: ['拜访客户', '上门拜访，介绍新航线', '年度合作洽谈', '现场查看货物', '拜访采购部门', '陪同领导拜访'],
  email: ['发送报价单', '发送合同草稿', '邮件确认订舱', '寄送对账单', '发送服务方案', '回复客户询价'],
  meeting: ['季度业务回顾会', '合同谈判', '技术交流会', '年度框架协议会议', '服务质量沟通会'],
  task: ['准备报价', '催收货款', '续签合同', '安排样品寄送', '整理客户资料', '准备投标文件', '核对发票'],
  note: ['客户反馈', '竞争对手情况', '客户组织架构变化', '付款习惯备注', '内部备注'],
};
const contents = [
  '客户对价格比较关注，希望下月给出新的报价。', '对方采购经理表示本季度货量会增加。', '客户提出希望缩短单证处理时间。',
  '已发送最新运价，等待客户确认。', '客户对上次服务表示满意。', '需要协调操作部门确认舱位。', '客户正在比较两家供应商的方案。',
  '对方财务要求月结，需请示领导。', null, null,
];
const results = ['达成意向', '需再跟进', '暂无需求', '已确认', '客户考虑中', null];
const nextSteps = ['下周再次电话跟进', '发送正式报价', '安排上门拜访', '准备合同', null, null];
const jobTitles: readonly (readonly [string, number])[] = [
  ['采购经理', 8], ['总经理', 5], ['物流主管', 6], ['财务经理', 4], ['业务员', 6], ['销售经理', 4], ['单证员', 3], ['副总经理', 2],
  ['进出口部经理', 3], ['仓库主管', 2], ['董事长', 1], ['行政助理', 2],
];
const departments = ['采购部', '物流部', '财务部', '总经办', '进出口部', '销售部', '仓储部', null];
const contactRoles = ['决策人', '采购对接', '财务对接', '业务对接', '技术对接', null];

// --- ids and bulk loading ------------------------------------------------------------------------

/**
 * UUIDv7 ids without a system call each: the time part counts up from the generation's reference
 * time (4,096 ids per millisecond, so ids stay in the order rows are written and primary-key inserts
 * append), the random part comes from a stream of the seed and the tenant. nextId() reads the
 * crypto RNG per id, 6 % of the generator's time at 10 ids per account.
 */
export function idFactory(start: Date, rng: Rng): () => string {
  let n = 0;
  const hex = (v: number, width: number) => v.toString(16).padStart(width, '0');
  return () => {
    const ms = start.getTime() + Math.floor(n / 4096);
    const seq = n++ % 4096;
    const t = hex(ms, 12);
    const b1 = 0x8000 | Math.floor(rng.next() * 0x4000);
    return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${hex(seq, 3)}-${hex(b1, 4)}-${hex(Math.floor(rng.next() * 0x1000000), 6)}${hex(Math.floor(rng.next() * 0x1000000), 6)}`;
  };
}

const LOADED_TABLES = ['accounts', 'dedup_keys', 'account_owner_history', 'contacts', 'account_contacts', 'activities'];

// --- the part ----------------------------------------------------------------------------------

interface Rep {
  user: DemoUser;
  branchId: string;
}

/** The owners: sales reps, weighted by branch so a branch's accounts follow its head count; managers hold a few. */
function ownersByBranch(ctx: DemoContext) {
  const byBranch = new Map<string, Rep[]>();
  for (const user of [...ctx.org.byRole.sales_rep, ...ctx.org.byRole.branch_manager]) {
    if (!user.branchId) continue;
    const list = byBranch.get(user.branchId) ?? [];
    // a rep appears three times, a manager once: managers keep a few accounts of their own
    for (let k = 0; k < (user.role === 'sales_rep' ? 3 : 1); k++) list.push({ user, branchId: user.branchId });
    byBranch.set(user.branchId, list);
  }
  const branches = ctx.org.branches.filter((b) => byBranch.has(b.id));
  const weights = branches.map((b) => [b, byBranch.get(b.id)!.length] as const);
  return { byBranch, branches: weights };
}

export const customersPart: DemoPart = {
  name: 'customers',
  async generate(ctx) {
    const { rng, size, tenantId, now } = ctx;
    const total = size.accounts;
    const holder = await poolHolderId(ctx.db, tenantId);
    const { byBranch, branches } = ownersByBranch(ctx);
    if (!branches.length) throw new Error('the customers part needs sales reps in branches (the org part makes them)');
    const places = placesFor(ctx);
    const mailDomains = ['163.com', 'qq.com', '126.com', 'sina.com', 'aliyun.com'];
    const coreOffset = rng.int(0, 1_000_000);
    const sampleEvery = Math.max(1, Math.ceil(total / SAMPLE_LIMIT));
    const sample: DemoAccountRef[] = [];
    let contactCount = 0;
    let activityCount = 0;
    let pending: Promise<void> = Promise.resolve();
    const nextId = idFactory(now, rng.fork(`ids/${tenantId}`));
    const rebuild = ctx.mode === 'copy' ? await deferIndexes(ctx, 'customers', LOADED_TABLES) : null;
    try {

      for (let start = 0; start < total; start += BATCH) {
        const end = Math.min(total, start + BATCH);
        const accountRows: (typeof accounts.$inferInsert)[] = [];
        const keyRows: (typeof dedupKeys.$inferInsert)[] = [];
        const historyRows: (typeof accountOwnerHistory.$inferInsert)[] = [];
        const contactRows: (typeof contacts.$inferInsert)[] = [];
        const linkRows: (typeof accountContacts.$inferInsert)[] = [];
        const activityRows: (typeof activities.$inferInsert)[] = [];
        const batchAccounts: { id: string; contactIds: string[] }[] = [];

        for (let i = start; i < end; i++) {
          // let the previous batch's COPY stream drain while this one is made
          if (i % 100 === 0 && ctx.mode === 'copy') await new Promise((resolve) => setImmediate(resolve));
          const branch = rng.weighted(branches);
          const reps = byBranch.get(branch.id)!;
          const rep = rng.pick(reps).user;
          const inPool = rng.chance(0.12);
          const ownerId = inPool ? holder : rep.id;
          // a pool account keeps the unit it had: the rep's department
          const unitId = rep.unitId;
          const home = branch.city ? places.get(branch.city) : undefined;
          const local = home && rng.chance(0.75);
          const place = local ? { ...home, district: rng.pick(home.districts) } : anyPlace(rng);
          const { brand, industry } = corePair(i, coreOffset);
          const person = rng.chance(0.03);
          const tier: AccountTier | null = rng.weighted<AccountTier | null>([['A', 3], ['B', 17], ['C', 60], [null, 20]]);
          let name: string;
          let shortName: string | null = null;
          let englishName: string | null = null;
          const formerNames: string[] = [];
          if (person) {
            name = personName(rng).name;
          } else {
            const form = rng.weighted(legalForms);
            const label = place.label;
            const shape = rng.next();
            name = shape < 0.55 ? `${label}${brand}${industry}${form}`
              : shape < 0.7 ? `${label}市${brand}${industry}${form}`
                : shape < 0.85 ? `${brand}${industry}(${label})${form}`
                  : `${brand}${industry}${form}`;
            if (form === '分公司') name = `${brand}${industry}有限公司${label}分公司`;
            if (rng.chance(0.4)) shortName = rng.chance(0.5) ? `${brand}${industry}` : `${label}${brand}`;
            if (rng.chance(0.08)) {
              const p = brandPinyin(brand);
              englishName = `${p[0].toUpperCase()}${p.slice(1)} ${englishIndustry[industry] ?? 'Industrial'} Co., Ltd.`;
            }
            if (rng.chance(0.03)) formerNames.push(`${label}${brand}${rng.pick(industries)[0]}有限公司`);
          }
          const area = areaCodes[place.label] ?? areaCodes[branch.city ?? ''] ?? '021';
          const phones: string[] = [];
          if (rng.chance(person ? 0.3 : 0.85)) phones.push(`${area}${rng.int(20_000_000, 89_999_999)}`);
          if (rng.chance(person ? 0.95 : 0.45)) phones.push(mobilePhone(rng));
          const domain = `${brandPinyin(brand)}${i.toString(36)}.example.cn`;
          const emails = !person && rng.chance(0.5) ? [`${rng.pick(['info', 'sales', 'service', 'contact'])}@${domain}`] : person && rng.chance(0.3) ? [`${i.toString(36)}@${rng.pick(mailDomains)}`] : [];
          const code = !person && rng.chance(0.85) ? creditCode(i + coreOffset, place.district.code) : null;
          // Accounts registered over six years, more of them recently.
          const createdAt = new Date(now.getTime() - Math.floor(6 * 365 * DAY * rng.next() ** 1.6) - rng.int(0, DAY));
          const id = nextId();
          const fields = {
            kind: person ? 'person' as const : 'company' as const,
            name, shortName, englishName, formerNames, creditCode: code,
            provinceCode: place.provinceCode, cityCode: place.cityCode, districtCode: place.district.level === 'district' ? place.district.code : null,
            address: `${place.district.name}${rng.pick(roads)}${rng.int(1, 999)}号`,
            phones, emails,
          };

          // Contacts: most companies have one or two, some several, a few none yet.
          const nContacts = rng.weighted([[0, 10], [1, 45], [2, 30], [3, 10], [4, 3], [5, 2]]);
          const contactIds: string[] = [];
          for (let k = 0; k < nContacts; k++) {
            const p = person && k === 0 ? { name, gender: rng.chance(0.5) ? 'male' as const : 'female' as const } : personName(rng);
            const cid = nextId();
            contactIds.push(cid);
            const cPhones = [mobilePhone(rng)];
            const login = pinyin(p.name, { toneType: 'none', type: 'array', surname: 'head', v: true }).join('').toLowerCase().replace(/[^a-z]/g, '');
            const cEmails = !person && rng.chance(0.5) ? [`${login}@${domain}`] : [];
            const wechat = rng.chance(0.3) ? `wx_${login}${rng.int(10, 9999)}` : null;
            const cCreated = new Date(createdAt.getTime() + rng.int(0, 30) * DAY);
            contactRows.push({
              tenantId, id: cid, ownerId, unitId, name: p.name,
              title: person ? null : rng.weighted(jobTitles), department: person ? null : rng.pick(departments),
              phones: cPhones, emails: cEmails, wechat, birthday: null, gender: p.gender, notes: null,
              organisation: person ? null : name,
              createdAt: cCreated < now ? cCreated : now, updatedAt: cCreated < now ? cCreated : now, createdBy: rep.id, updatedBy: rep.id,
              ...contactDerivedColumns({ name: p.name, phones: cPhones, emails: cEmails, wechat }),
            });
            linkRows.push({ tenantId, accountId: id, contactId: cid, role: k === 0 ? '决策人' : rng.pick(contactRoles), isPrimary: k === 0, createdAt: cCreated < now ? cCreated : now, createdBy: rep.id });
          }
          // A few people work with two of our customers (a freight manager at a group and its subsidiary).
          const previous = batchAccounts.at(-1 - rng.int(0, 5));
          if (previous?.contactIds.length && rng.chance(0.03)) {
            const shared = previous.contactIds[0];
            if (!contactIds.includes(shared)) linkRows.push({ tenantId, accountId: id, contactId: shared, role: rng.pick(contactRoles), isPrimary: false, createdAt, createdBy: rep.id });
          }
          contactCount += nContacts;

          // Activities: key accounts are followed closely, the long tail now and then; pool accounts lie idle.
          const base = tier === 'A' ? 36 : tier === 'B' ? 15 : tier === 'C' ? 8 : 6;
          const nActivities = Math.round(base * (0.3 + 1.4 * rng.next()));
          const from = Math.max(createdAt.getTime(), now.getTime() - 730 * DAY);
          const until = inPool ? now.getTime() - rng.int(120, 400) * DAY : now.getTime();
          let lastActivityAt: Date | null = null;
          const peers = reps.filter((r) => r.user.unitId === rep.unitId);
          for (let k = 0; k < nActivities && until > from; k++) {
            const kind = rng.weighted(activityKinds);
            const actor = rng.chance(0.9) || !peers.length ? rep : rng.pick(peers).user;
            const time = new Date(from + Math.floor((until - from) * rng.next() ** 0.7));
            const planned = !inPool && (kind === 'visit' || kind === 'meeting') && rng.chance(0.04);
            let occurredAt: Date | null = null;
            let startsAt: Date | null = null;
            let dueAt: Date | null = null;
            let completedAt: Date | null = null;
            if (kind === 'task') {
              const open = !inPool && rng.chance(0.12);
              dueAt = open ? new Date(now.getTime() + rng.int(-10, 20) * DAY + rng.int(0, DAY)) : time;
              completedAt = open ? null : new Date(Math.min(now.getTime(), time.getTime() + rng.int(-2, 3) * DAY));
            } else if (planned) {
              startsAt = new Date(now.getTime() + rng.int(1, 30) * DAY + rng.int(8, 17) * 3_600_000);
            } else if (kind === 'visit' || kind === 'meeting') {
              startsAt = time;
            } else {
              occurredAt = time;
            }
            const at = startsAt ?? occurredAt ?? dueAt ?? time;
            const created = at.getTime() > now.getTime() ? new Date(now.getTime() - rng.int(0, 10) * DAY) : at;
            const row = {
              tenantId, id: nextId(), ownerId: actor.id, unitId: actor.unitId, kind,
              subject: rng.pick(subjects[kind]), content: rng.pick(contents),
              occurredAt, startsAt, durationMinutes: startsAt ? rng.pick([30, 60, 90, 120]) : kind === 'call' ? rng.int(2, 30) : null, at,
              locationAddress: kind === 'visit' ? fields.address : null, locationLat: null, locationLng: null,
              accountId: id, contactId: contactIds.length && rng.chance(0.6) ? rng.pick(contactIds) : null, opportunityId: null,
              result: kind === 'call' || kind === 'visit' || kind === 'meeting' ? rng.pick(results) : null,
              nextStep: kind === 'call' || kind === 'visit' ? rng.pick(nextSteps) : null,
              dueAt, reminderAt: null, reminderSentFor: null, completedAt, completedBy: completedAt ? actor.id : null,
              createdAt: created, updatedAt: completedAt && completedAt > created ? completedAt : created, createdBy: actor.id, updatedBy: actor.id,
            } satisfies typeof activities.$inferInsert;
            activityRows.push(row);
            const followUp = followUpTime({ kind, accountId: id, at, completedAt, deletedAt: null }, now);
            if (followUp && (!lastActivityAt || followUp > lastActivityAt)) lastActivityAt = followUp;
          }

          const type = person ? 'other' : tier === 'A' && rng.chance(0.5) ? 'key_account' : rng.weighted(accountTypes);
          const creditLimit = tier ? (Math.round(Math.exp(Math.log(tier === 'A' ? 5e6 : tier === 'B' ? 5e5 : 1e4) + rng.next() * Math.log(10)) / 1000) * 1000).toFixed(2) : null;
          const updatedAt = new Date(Math.min(now.getTime(), createdAt.getTime() + rng.int(0, 400) * DAY));
          accountRows.push({
            tenantId, id, ownerId, unitId, ...fields,
            website: !person && rng.chance(0.3) ? `https://www.${domain}` : null,
            industry: person ? null : industryLabel[industry] ?? '综合',
            type, tier, source: rng.weighted(sources),
            tags: rng.chance(0.25) ? rng.shuffle(tagPool).slice(0, rng.int(1, 3)) : [],
            creditLimit, lastActivityAt,
            ...accountDerivedColumns(fields),
            createdAt, updatedAt, createdBy: rep.id, updatedBy: rep.id,
          });
          for (const key of keysOf({ id, ...fields })) keyRows.push({ tenantId, key, accountId: id });
          historyRows.push({ tenantId, id: nextId(), accountId: id, fromOwnerId: null, toOwnerId: rep.id, fromUnitId: null, toUnitId: unitId, reason: 'created', note: null, actorUserId: rep.id, at: createdAt });
          if (inPool) {
            historyRows.push({ tenantId, id: nextId(), accountId: id, fromOwnerId: rep.id, toOwnerId: holder, fromUnitId: unitId, toUnitId: unitId, reason: 'returned_by_rule', note: null, actorUserId: null, at: new Date(Math.max(createdAt.getTime(), (lastActivityAt?.getTime() ?? createdAt.getTime()) + 90 * DAY)) });
          }
          batchAccounts.push({ id, contactIds });
          if (i % sampleEvery === 0 && sample.length < SAMPLE_LIMIT) {
            sample.push({ id, name, shortName, creditCode: code, phones, ownerId, unitId, branchId: branch.id, tier, type, createdAt, inPool, contactIds });
          }
        }

        activityCount += activityRows.length;
        // One batch is written while the next is made: the database indexes while we compute names.
        await pending;
        pending = (async () => {
          await ctx.write(accounts, accountRows);
          await ctx.write(dedupKeys, keyRows);
          await ctx.write(accountOwnerHistory, historyRows);
          await ctx.write(contacts, contactRows);
          await ctx.write(accountContacts, linkRows);
          await ctx.write(activities, activityRows);
        })();
        // an unobserved rejection would crash the process before the next await sees it
        pending.catch(() => {});
        if (end % 100_000 === 0 || end === total) ctx.log(`customers: ${end.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} accounts`);
      }
      await pending;
    } finally {
      // also after a failure: a half-filled bench database keeps its indexes
      await pending.catch(() => {});
      await rebuild?.();
    }

    ctx.provide(customersKey, {
      accounts: total, contacts: contactCount, activities: activityCount, poolHolderId: holder, sample,
      eachAccountPage: (pageSize = 5_000) => accountPages(ctx.db, tenantId, pageSize),
    });
    ctx.log(`customers: ${total} accounts, ${contactCount} contacts, ${activityCount} activities`);
  },
};

async function* accountPages(db: Executor, tenantId: string, pageSize: number) {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await db
      .select({ id: accounts.id, name: accounts.name, ownerId: accounts.ownerId, unitId: accounts.unitId })
      .from(accounts)
      .where(and(eq(accounts.tenantId, tenantId), gt(accounts.id, after)))
      .orderBy(asc(accounts.id))
      .limit(pageSize);
    if (!page.length) return;
    yield page;
    after = page.at(-1)!.id;
  }
}

/**
 * The customers of a company generated earlier, read back as this part would have provided them
 * (counts, the pool holder, an even sample of accounts with their contacts, the account pages), so a
 * later part can run on its own against it (generateCompany's `extend`).
 */
export async function loadCustomers(db: Executor, tenantId: string): Promise<DemoCustomers> {
  const count = async (table: string) => rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${tenantId}`))[0].n;
  const total = await count('accounts');
  const holder = await poolHolderId(db, tenantId);
  const every = Math.max(1, Math.ceil(total / SAMPLE_LIMIT));
  const rows = rowsOf<{
    id: string; name: string; short_name: string | null; credit_code: string | null; phones: string[]; owner_id: string; unit_id: string;
    tier: AccountTier | null; type: string | null; created_at: string | Date; contact_ids: string[] | null;
  }>(await db.execute(sql`
    select a.id, a.name, a.short_name, a.credit_code, a.phones, a.owner_id, a.unit_id, a.tier, a.type, a.created_at,
      (select array_agg(ac.contact_id order by ac.is_primary desc, ac.contact_id) from account_contacts ac
        where ac.tenant_id = a.tenant_id and ac.account_id = a.id) as contact_ids
    from (select id, row_number() over (order by id) as n from accounts where tenant_id = ${tenantId}) s
    join accounts a on a.tenant_id = ${tenantId} and a.id = s.id
    where (s.n - 1) % ${every} = 0
    order by a.id`));
  const branchOf = new Map(rowsOf<{ id: string; branch_id: string | null }>(await db.execute(sql`
    select u.id, (select b.id from org_units b where b.tenant_id = u.tenant_id and b.kind = 'branch' and u.path like b.path || '%' limit 1) as branch_id
    from org_units u where u.tenant_id = ${tenantId}`)).map((r) => [r.id, r.branch_id]));
  const sample: DemoAccountRef[] = rows.map((r) => ({
    id: r.id, name: r.name, shortName: r.short_name, creditCode: r.credit_code, phones: r.phones, ownerId: r.owner_id, unitId: r.unit_id,
    branchId: branchOf.get(r.unit_id) ?? '', tier: r.tier, type: r.type ?? 'other', createdAt: new Date(r.created_at), inPool: r.owner_id === holder,
    contactIds: r.contact_ids ?? [],
  }));
  return {
    accounts: total, contacts: await count('contacts'), activities: await count('activities'), poolHolderId: holder, sample,
    eachAccountPage: (pageSize = 5_000) => accountPages(db, tenantId, pageSize),
  };
}
