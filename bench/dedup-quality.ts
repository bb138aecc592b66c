/**
 * Duplicate-check matcher quality (precision/recall on labelled name pairs) and bulk speed.
 *
 *   npm run dedup -w bench                       # quality, seed 42
 *   npm run dedup -w bench -- --seed 7 --examples 20
 *   npm run dedup -w bench -- --bulk 1000000     # also time a duplicate report over 1,000,000 names
 *
 * Pairs come from ../shared/data/company-names/ and are scored as two accounts that have nothing
 * but a name (no short-name field, no phone: the matcher is not told which side is the short one).
 * Positives, the same company written differently:
 *   - a listed company's full name ↔ its short name exactly as the exchange prints it (万  科Ａ, *ST国华);
 *   - full name ↔ a generated variant: region moved into brackets, legal form changed, full/half
 *     width, spaces, traditional characters (OpenCC cn→tw), region dropped, its city prefixed, or
 *     several at once; regions and legal forms are located from the data's own province/city
 *     columns, not by the matcher;
 *   - a synthetic company (corpus brand + city + industry + legal form) ↔ a variant.
 * Negatives, different companies chosen to look alike:
 *   - the other listed company sharing the most characters in order (longest common subsequence);
 *   - a listed short name ↔ the other company's full name most similar to it;
 *   - same city and same last two characters (industry word); same brand with the region swapped for
 *     a city of another province; the company and a 分公司 of it; a random other company;
 *   - corpus brands one character apart (real brands, 七彩童话 / 七彩童年) in identical names; the same
 *     brand with another industry; another brand with the same region and industry.
 * Homophone typos are reported apart (not in the target). Pairs are split by company into dev (even
 * index) and test (odd index); errors are printed from dev, so tuning looks at dev.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  LIKELY_DUPLICATE_THRESHOLD,
  POSSIBLE_DUPLICATE_THRESHOLD,
  findDuplicateGroups,
  scoreAccounts,
  type AccountRecord,
  type MatchResult,
} from '../server/src/modules/dedup/matcher/index.ts';
import { charPinyin } from '../server/src/modules/dedup/matcher/pinyin.ts';
import {
  SYNTHETIC_INDUSTRIES,
  joinParts,
  pick,
  seededRandom,
  variant,
  type NameParts,
  type VariantKind,
} from '../server/src/modules/dedup/testing/synthetic-names.ts';

// ---------------------------------------------------------------- arguments and data

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}
const SEED = argument('seed', 42);
const BULK = argument('bulk', 0);
const EXAMPLES = argument('examples', 8);
const DATA = process.env.KEHU_SHARED_DATA ?? fileURLToPath(new URL('../../shared/data/', import.meta.url));

interface Listed {
  index: number;
  full: string;
  short: string;
  province: string;
  city: string;
  parts: NameParts;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** Region prefix and legal form of a listed company's full name, from the data's own province and city columns. */
function splitListed(full: string, province: string, city: string): NameParts | undefined {
  const legal = /(股份有限公司|有限责任公司|有限公司|股份公司)$/.exec(full)?.[1];
  if (!legal) return undefined;
  const cityShort = city.replace(/(市|地区|盟)$/, '');
  const provinceForms = [`${province}省`, `${province}市`, `${province}自治区`, province];
  const cityForms = [city, cityShort];
  const candidates = [
    ...provinceForms.flatMap((p) => cityForms.map((c) => ({ written: p + c, short: cityShort }))),
    ...cityForms.map((c) => ({ written: c, short: cityShort })),
    ...provinceForms.map((p) => ({ written: p, short: province })),
  ].filter((c) => c.written.length >= 2 && full.startsWith(c.written) && full.length - c.written.length - legal.length >= 2);
  const region = candidates.sort((x, y) => y.written.length - x.written.length)[0];
  return {
    regionWritten: region?.written ?? '',
    regionShort: region?.short ?? '',
    body: full.slice(region?.written.length ?? 0, -legal.length),
    legal,
  };
}

function loadListed(): Listed[] {
  const [header, ...rows] = parseCsv(readFileSync(`${DATA}company-names/szse_listed_companies.csv`, 'utf8'));
  const col = (name: string) => header.indexOf(name);
  const listed: Listed[] = [];
  for (const row of rows) {
    const [full, short, province, city] = [row[col('full_name_cn')], row[col('short_name')], row[col('province')], row[col('city')]];
    const parts = full && short ? splitListed(full, province, city) : undefined;
    if (parts) listed.push({ index: listed.length, full, short, province, city, parts });
  }
  return listed;
}

function loadCorpusBrands(): string[] {
  const lines = readFileSync(`${DATA}company-names/company-names-corpus/Company-Shorter-Form-28W.txt`, 'utf8').split(/\r?\n/);
  return [...new Set(lines.map((l) => l.trim()).filter((l) => /^\p{Script=Han}{2,6}$/u.test(l)))];
}

// ---------------------------------------------------------------- labelled pairs

/** Prefecture cities of the listed companies (short form), with their province. */
function cityList(listed: Listed[]): { city: string; province: string }[] {
  const byCity = new Map<string, string>();
  for (const l of listed) {
    const city = l.city.replace(/(市|地区|盟)$/, '');
    if (city.length >= 2 && !city.includes('直辖')) byCity.set(city, l.province);
  }
  return [...byCity].map(([city, province]) => ({ city, province }));
}

interface Pair {
  a: string;
  b: string;
  duplicate: boolean;
  category: string;
  /** Index of the company the pair is built around: even → dev, odd → test. */
  company: number;
}

const POSITIVE_VARIANTS: VariantKind[] = [
  'region_in_brackets', 'legal_form_changed', 'full_half_width', 'spaces', 'traditional', 'region_dropped', 'region_added', 'combined',
];

function lcsLength(a: string, b: string): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  return row[b.length];
}

/**
 * The other company whose text shares the most characters in order with `text` (longest common
 * subsequence; ties: same province first, then at random). Candidates are visited by how many
 * distinct characters they share, which bounds their LCS, so most companies are never scored.
 */
function lookAlike(text: string, self: Listed, listed: Listed[], target: (l: Listed) => string, random: () => number): Listed {
  const index = charIndex(listed, target);
  const shared = new Map<Listed, number>();
  for (const ch of new Set(text)) for (const other of index.get(ch) ?? []) shared.set(other, (shared.get(other) ?? 0) + 1);
  const candidates = [...shared].sort((x, y) => y[1] - x[1]);
  let best: Listed[] = [];
  let bestScore = -1;
  for (const [other, bound] of candidates) {
    if (bound + 0.5 < bestScore) break;
    if (other === self || other.full === self.full) continue;
    const score = lcsLength(text, target(other)) + (other.province === self.province ? 0.5 : 0);
    if (score > bestScore) {
      best = [other];
      bestScore = score;
    } else if (score === bestScore) best.push(other);
  }
  return best.length > 0 ? pick(random, best) : pick(random, listed.filter((o) => o !== self));
}

const charIndexes = new Map<(l: Listed) => string, Map<string, Listed[]>>();
function charIndex(listed: Listed[], target: (l: Listed) => string): Map<string, Listed[]> {
  let index = charIndexes.get(target);
  if (index) return index;
  index = new Map();
  for (const company of listed) {
    for (const ch of new Set(target(company))) {
      const list = index.get(ch);
      if (list) list.push(company);
      else index.set(ch, [company]);
    }
  }
  charIndexes.set(target, index);
  return index;
}

const bodyOf = (l: Listed) => l.parts.body;
const stemOf = (l: Listed) => l.parts.regionWritten + l.parts.body;

function buildPairs(listed: Listed[], brands: string[], random: () => number): Pair[] {
  const pairs: Pair[] = [];
  const add = (a: string | undefined, b: string | undefined, duplicate: boolean, category: string, company: number) => {
    if (a && b && a !== b) pairs.push({ a, b, duplicate, category, company });
  };
  const cities = cityList(listed);

  for (const company of listed) {
    const { parts, index } = company;
    // Positives: the listed company's own short name, exactly as the exchange prints it (万  科Ａ, *ST国华).
    add(company.full, company.short, true, 'P listed: full name ↔ exchange short name', index);
    for (const kind of POSITIVE_VARIANTS) add(company.full, variant(random, parts, kind, company.city.includes('直辖') ? '' : company.city), true, `P listed: ${kind}`, index);

    // Negatives, each a different company that looks like this one.
    const body = parts.body;
    add(company.full, lookAlike(body, company, listed, bodyOf, random).full, false, 'N listed: most shared characters', index);
    const lookalikeForShort = lookAlike(company.short, company, listed, stemOf, random);
    add(company.short, lookalikeForShort.full, false, 'N listed: short name vs look-alike full name', index);
    const industry = body.slice(-2);
    const sameRegionIndustry = listed.filter((o) => o !== company && o.city === company.city && o.parts.body.endsWith(industry) && o.full !== company.full);
    if (sameRegionIndustry.length > 0) add(company.full, pick(random, sameRegionIndustry).full, false, 'N listed: same city + same industry word', index);
    if (parts.regionWritten) {
      // A city in another province: a city inside the company's own province would be a nested region, not another one.
      const otherCity = pick(random, cities.filter((c) => c.province !== company.province)).city;
      add(company.full, joinParts({ ...parts, regionWritten: otherCity }), false, 'N listed: same brand, other region', index);
    }
    add(company.full, `${company.full}${pick(random, cities).city}分公司`, false, 'N listed: branch vs parent', index);
    add(company.full, pick(random, listed).full, false, 'N listed: random other company', index);
  }

  // The corpus gives brand diversity: synthetic companies region + brand + industry + legal form.
  const brandSet = new Set(brands);
  const nearBrands = nearMissBrands(brands, random);
  for (let index = 0; index < 3000; index++) {
    const brand = pick(random, brands);
    const { city } = pick(random, cities);
    const parts: NameParts = { regionWritten: city, regionShort: city, body: brand + pick(random, SYNTHETIC_INDUSTRIES), legal: pick(random, ['有限公司', '有限责任公司', '股份有限公司']) };
    const full = joinParts(parts);
    const kind = pick(random, POSITIVE_VARIANTS.filter((k) => k !== 'region_added'));
    add(full, variant(random, parts, kind), true, `P corpus: ${kind}`, index);
    const [x, y] = nearBrands[index % nearBrands.length];
    const template = { ...parts, body: '' };
    const industry = pick(random, SYNTHETIC_INDUSTRIES);
    add(joinParts({ ...template, body: x + industry }), joinParts({ ...template, body: y + industry }), false, 'N corpus: brands one character apart', index);
    const otherIndustry = pick(random, SYNTHETIC_INDUSTRIES.filter((w) => !parts.body.endsWith(w)));
    add(full, joinParts({ ...parts, body: brand + otherIndustry }), false, 'N corpus: same brand, other industry', index);
    const otherBrand = pick(random, brands);
    add(full, joinParts({ ...parts, body: otherBrand + parts.body.slice(brand.length) }), false, 'N corpus: same region + industry, other brand', index);
    const typo = homophoneTypo(brand, brandSet, random);
    if (typo) add(full, joinParts({ ...parts, body: typo + parts.body.slice(brand.length) }), true, 'T corpus: homophone typo in the brand (not in target)', index);
  }
  return pairs;
}

/** Pairs of real corpus brands of the same length that differ in exactly one character (阿宝 / 阿保). */
function nearMissBrands(brands: string[], random: () => number): [string, string][] {
  const byPattern = new Map<string, string[]>();
  for (const brand of brands) {
    for (let i = 0; i < brand.length; i++) {
      const pattern = `${brand.slice(0, i)}?${brand.slice(i + 1)}`;
      const list = byPattern.get(pattern);
      if (list) list.push(brand);
      else byPattern.set(pattern, [brand]);
    }
  }
  const pairs: [string, string][] = [];
  for (const list of byPattern.values()) if (list.length >= 2) pairs.push([list[0], list[1]]);
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j], pairs[i]];
  }
  return pairs;
}

/** A brand with one character replaced by another reading the same, as an input method may produce. */
function homophoneTypo(brand: string, known: Set<string>, random: () => number): string | undefined {
  const at = Math.floor(random() * brand.length);
  const reading = charPinyin(brand[at]);
  const same = homophones().get(reading)?.filter((c) => c !== brand[at]) ?? [];
  if (same.length === 0) return undefined;
  const typo = brand.slice(0, at) + pick(random, same) + brand.slice(at + 1);
  return known.has(typo) ? undefined : typo;
}

let homophoneIndex: Map<string, string[]> | undefined;
function homophones(): Map<string, string[]> {
  if (homophoneIndex) return homophoneIndex;
  homophoneIndex = new Map();
  // Common characters only: a typo picks what the input method offers first.
  for (const ch of '安百宝北本必博彩长晨诚成创春达大德鼎东帆飞丰峰福富港高光广国海豪浩恒宏华辉汇佳嘉金锦晶京久俊凯康科蓝乐力利联隆龙美明南宁鹏平奇启强庆瑞润森盛世顺泰腾天通万伟信星兴鑫旭亚阳耀益英永源远悦云泽正智中众卓') {
    const reading = charPinyin(ch);
    const list = homophoneIndex.get(reading);
    if (list) list.push(ch);
    else homophoneIndex.set(reading, [ch]);
  }
  return homophoneIndex;
}

// ---------------------------------------------------------------- scoring and report

interface Scored extends Pair {
  result: MatchResult;
}

function scorePairs(pairs: Pair[]): Scored[] {
  return pairs.map((p) => ({ ...p, result: scoreAccounts({ id: 'a', name: p.a }, { id: 'b', name: p.b }) }));
}

function metrics(scored: Scored[], threshold: number) {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const s of scored) {
    const predicted = s.result.score >= threshold;
    if (s.duplicate && predicted) tp++;
    else if (s.duplicate) fn++;
    else if (predicted) fp++;
    else tn++;
  }
  return { tp, fp, fn, tn, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function report(all: Scored[]): void {
  const target = all.filter((s) => !s.category.startsWith('T'));
  const dev = target.filter((s) => s.company % 2 === 0);
  const test = target.filter((s) => s.company % 2 === 1);
  const t = LIKELY_DUPLICATE_THRESHOLD;
  console.log(`\nseed ${SEED}; threshold ${t}; ${target.filter((s) => s.duplicate).length} positive and ${target.filter((s) => !s.duplicate).length} negative pairs (typo pairs reported apart)\n`);
  console.log('split   pairs   precision  recall   TP     FP    FN');
  for (const [label, set] of [['all', target], ['dev', dev], ['test', test]] as const) {
    const m = metrics(set, t);
    console.log(`${label.padEnd(6)} ${String(set.length).padStart(6)}   ${pct(m.precision).padStart(7)}  ${pct(m.recall).padStart(7)}  ${String(m.tp).padStart(5)} ${String(m.fp).padStart(5)} ${String(m.fn).padStart(5)}`);
  }

  console.log('\nthreshold  precision  recall   (test split)');
  for (const threshold of [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]) {
    const m = metrics(test, threshold);
    console.log(`${threshold.toFixed(2).padStart(9)}  ${pct(m.precision).padStart(9)}  ${pct(m.recall).padStart(7)}${threshold === t ? '   ← chosen' : ''}`);
  }

  console.log(`\nper category (all splits): share at or above ${t} (positives: found; negatives: wrongly flagged), and at or above ${POSSIBLE_DUPLICATE_THRESHOLD} ("possible")`);
  const categories = [...new Set(all.map((s) => s.category))].sort();
  for (const category of categories) {
    const set = all.filter((s) => s.category === category);
    const flagged = set.filter((s) => s.result.score >= t).length;
    const possible = set.filter((s) => s.result.score >= POSSIBLE_DUPLICATE_THRESHOLD).length;
    console.log(`  ${category.padEnd(58)} ${String(set.length).padStart(5)}  ${pct(flagged / set.length).padStart(6)} ${(set[0].duplicate ? 'found' : 'false +').padEnd(7)}  ${pct(possible / set.length).padStart(6)}`);
  }

  const shuffled = [...dev].sort((x, y) => hashString(x.a + x.b) - hashString(y.a + y.b));
  for (const category of categories) {
    const wrong = shuffled.filter((s) => s.category === category && s.duplicate !== s.result.score >= t);
    if (wrong.length === 0 || EXAMPLES === 0) continue;
    console.log(`\n${wrong[0].duplicate ? 'missed' : 'wrongly flagged'} (dev split, ${wrong.length}): ${category}`);
    for (const s of wrong.slice(0, EXAMPLES)) {
      console.log(`  ${s.result.score.toFixed(2)}  ${s.a}  |  ${s.b}   ${s.result.reasons[0]?.detail.replace(/^.*?: /, '') ?? ''}`);
    }
  }
}

function hashString(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

// ---------------------------------------------------------------- bulk timing

/**
 * N synthetic accounts: 90% distinct companies (listed full names and corpus brand + region +
 * industry + legal form), 10% a second record of one of them — a written variant, or, one time in
 * ten, its short name typed as the name. A third carry a short name, a quarter a phone number.
 * Reports the time of findDuplicateGroups and how many planted duplicates it grouped.
 */
function bulk(count: number, listed: Listed[], brands: string[], random: () => number): void {
  const cities = cityList(listed).map((c) => c.city);
  const bases: { parts: NameParts; shortName: string; phone?: string }[] = [];
  const records: AccountRecord[] = [];
  const baseOf: number[] = [];
  const seenBodies = new Set<string>();
  while (records.length < count) {
    if (bases.length > 100 && random() < 0.1) {
      const base = Math.floor(random() * bases.length);
      const { parts, shortName, phone } = bases[base];
      const name = random() < 0.1 ? shortName : variant(random, parts, pick(random, POSITIVE_VARIANTS));
      if (!name) continue;
      records.push({ id: String(records.length), name, phones: random() < 0.5 && phone ? [phone] : [] });
      baseOf.push(base);
      continue;
    }
    // Distinct companies get distinct brand + industry: two of them differing only in a region
    // prefix that one omits could not be told apart by anyone.
    let parts: NameParts;
    let shortName: string;
    if (random() < 0.02) {
      const company = pick(random, listed);
      parts = company.parts;
      shortName = company.short;
    } else {
      const city = pick(random, cities);
      const body = pick(random, brands) + pick(random, SYNTHETIC_INDUSTRIES);
      parts = { regionWritten: random() < 0.8 ? city : '', regionShort: city, body, legal: pick(random, ['有限公司', '有限责任公司', '股份有限公司']) };
      shortName = body;
    }
    if (seenBodies.has(parts.body)) continue;
    seenBodies.add(parts.body);
    const phone = random() < 0.25 ? `1${String(3 + Math.floor(random() * 7))}${String(Math.floor(random() * 1e9)).padStart(9, '0')}` : undefined;
    bases.push({ parts, shortName, phone });
    records.push({ id: String(records.length), name: joinParts(parts), shortName: random() < 0.33 ? shortName : undefined, phones: phone ? [phone] : [] });
    baseOf.push(bases.length - 1);
  }
  const baseRecord = new Map<number, number>();
  baseOf.forEach((base, i) => baseRecord.has(base) || baseRecord.set(base, i));

  const cpuBefore = process.cpuUsage();
  const report = findDuplicateGroups(records);
  const cpu = process.cpuUsage(cpuBefore);
  const groupOf = new Map<string, number>();
  report.groups.forEach((g, i) => g.ids.forEach((id) => groupOf.set(id, i)));
  let planted = 0, found = 0, links = 0, wrongLinks = 0;
  baseOf.forEach((base, i) => {
    const original = baseRecord.get(base)!;
    if (original === i) return;
    planted++;
    const group = groupOf.get(String(i));
    if (group !== undefined && group === groupOf.get(String(original))) found++;
  });
  for (const group of report.groups) {
    for (const link of group.links) {
      links++;
      if (baseOf[Number(link.a)] === baseOf[Number(link.b)]) continue;
      if (wrongLinks++ < EXAMPLES) {
        const [a, b] = [records[Number(link.a)], records[Number(link.b)]];
        console.log(`  wrong link ${link.score}: ${a.name} (${a.shortName ?? ''}) | ${b.name} (${b.shortName ?? ''}): ${link.reasons[0]?.detail}`);
      }
    }
  }
  const { stats } = report;
  console.log(`\nbulk: ${stats.accounts.toLocaleString()} accounts, ${stats.keys.toLocaleString()} keys, ${stats.blocks.toLocaleString()} blocks (${stats.windowedBlocks} windowed), ${stats.comparisons.toLocaleString()} comparisons`);
  console.log(`      wall ${stats.ms.total} ms (prepare ${stats.ms.prepare}, block ${stats.ms.block}, compare ${stats.ms.compare}), CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms; heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB`);
  console.log(`      ${report.groups.length.toLocaleString()} groups; planted duplicates grouped with their original: ${found}/${planted} (${pct(found / planted)}); links joining different companies: ${wrongLinks}/${links} (${pct(wrongLinks / Math.max(1, links))})`);
}

// ---------------------------------------------------------------- main

const listed = loadListed();
const brands = loadCorpusBrands();
const started = performance.now();
const pairs = buildPairs(listed, brands, seededRandom(SEED));
const built = performance.now();
const scored = scorePairs(pairs);
console.log(`${listed.length} listed companies, ${brands.length.toLocaleString()} corpus brands; ${scored.length} pairs built in ${Math.round(built - started)} ms, scored in ${Math.round(performance.now() - built)} ms`);
report(scored);
if (BULK > 0) bulk(BULK, listed, brands, seededRandom(SEED + 1));
