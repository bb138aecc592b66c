/**
 * Words that say what a company does rather than who it is. They stay in the core (a 火炬润滑油
 * and a 火炬物流 are different companies) but are identified, so that the part before them — the
 * brand (火炬) — can be compared on its own: a short form 火炬 is compared with the brand, and two
 * companies that share only 润滑油 are not similar.
 *
 * Only a vocabulary, not a classification; words are matched at the end of the core, longest first.
 */
const WORDS = `
科技 技术 信息技术 网络科技 电子科技 智能科技 生物科技 生物技术 生物工程 技术服务 信息 信息服务 网络 软件 系统 数码 数字
数据 大数据 云计算 互联网 人工智能 智能 智控 智造 通信 通讯 光通信 电子 微电子 微电 半导体 集成电路 芯片 光电 光学 激光 显示
电气 电器 电力 电工 电缆 线缆 电机 电源 电池 锂电 锂能 锂业 储能 新能源 新能 能源 热电 发电 风电 风能 光伏 节能 环保 环境 环境保护
生态 园林 绿化 水务 水业 燃气 天然气 石油 石化 油品 润滑油 化工 化学 化纤 纤维 材料 新材料 新材 合金 金属 钢铁 特钢 钢管 钢构
钢结构 铝业 铜业 锌业 钨业 钛业 稀土 黄金 矿业 煤业 煤炭 焦化 有色 水泥 建材 玻璃 陶瓷 石材 木业 纸业 造纸 包装 印刷 塑料 塑胶
橡胶 轮胎 制品 用品 器材 器械 医疗器械 仪器 仪表 设备 装备 机械 重工 重机 精工 精机 精密 机电 机床 数控 模具 轴承 阀门 泵业 液压
传动 自动化 控制 动力 机器人 汽车 汽配 车辆 零部件 部件 制造 工业 实业 产业 企业 发展 投资 控股 资本 资产 资源 金融 银行 证券
保险 信托 基金 期货 租赁 担保 置业 地产 房地产 物业 开发 建设 建筑 建工 工程 路桥 交通 城建 市政 公用 公用事业 事业 物流
供应链 运输 货运 货代 货运代理 代理 配件 汽车配件 酒店管理 快递 速递 仓储 冷链 航运 海运 船务 船舶 港口 港务 集装箱 航空 机场 高速 商贸 贸易 经贸 进出口 外贸 国际
商业 商务 百货 零售 超市 连锁 电商 电子商务 服务 咨询 管理 顾问 设计 规划设计 装饰 装修 广告 营销 传媒 文化 影视 娱乐 游戏 体育
旅游 酒店 餐饮 食品 饮料 乳业 酒业 啤酒 茶业 糖业 粮油 粮食 饲料 农业 农牧 牧业 渔业 林业 种业 农化 农资 水产 养殖 医药 药业
制药 生物 生化 基因 健康 医疗 医院 养老 教育 培训 检测 认证 检验 测试 安防 消防 防水 涂料 家居 家具 家电 家纺 纺织 服装 服饰
鞋业 丝绸 皮革 珠宝 五金 照明 日化 化妆品 宠物 玩具 人力资源 劳务 保安 物资 研究院 研究所 设计院 科学 科学研究 高新 高科 实验室 中心
`;

export const INDUSTRY_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/** Prefixes too common to be a brand: 中国银行 and 中国建设银行 differ in what follows, so they keep it. */
const GENERIC_BRANDS = new Set(['中国', '中华', '全国', '国际', '亚洲', '环球', '东方', '华夏', '国家']);

const LONGEST = Math.max(...[...INDUSTRY_WORDS].map((w) => w.length));

/**
 * Split a core into brand and trailing industry words: 火炬润滑油 → 火炬 + [润滑油],
 * 国华网安科技 → 国华网安 + [科技]. The brand keeps at least two characters; a core made only
 * of industry words (工程咨询) gets an empty brand.
 */
export function splitIndustry(core: string): { brand: string; industries: string[] } {
  const industries: string[] = [];
  let brand = core;
  for (let found = true; found; ) {
    found = false;
    for (let length = Math.min(LONGEST, brand.length - 2); length >= 2; length--) {
      const tail = brand.slice(-length);
      if (INDUSTRY_WORDS.has(tail)) {
        industries.unshift(tail);
        brand = brand.slice(0, -length);
        found = true;
        break;
      }
    }
  }
  if (GENERIC_BRANDS.has(brand)) return { brand: core, industries: [] };
  if (isIndustryOnly(brand)) {
    industries.unshift(...splitIndustryOnly(brand));
    brand = '';
  }
  return { brand, industries };
}

/** True when the text is one or more industry words and nothing else (工程, 工程咨询). */
export function isIndustryOnly(text: string): boolean {
  return text.length > 0 && splitIndustryOnly(text).length > 0;
}

function splitIndustryOnly(text: string): string[] {
  if (text.length === 0) return [];
  for (let length = Math.min(LONGEST, text.length); length >= 2; length--) {
    if (!INDUSTRY_WORDS.has(text.slice(-length))) continue;
    if (length === text.length) return [text];
    const before = splitIndustryOnly(text.slice(0, -length));
    if (before.length > 0) return [...before, text.slice(-length)];
  }
  return [];
}
