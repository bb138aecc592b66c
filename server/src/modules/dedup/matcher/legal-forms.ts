/**
 * Legal-form and organisation-type words that end a company name. They say what kind of entity a
 * name denotes, not which one, so they are removed from the comparable core and recorded.
 *
 * Families decide compatibility: 有限公司, 有限责任公司 and 股份有限公司 are one family because
 * companies convert between them without becoming someone else (and people write them loosely);
 * a 厂 or a 商行 is more often a different registration than a typing variant.
 */
export type LegalFamily = 'company' | 'group' | 'factory' | 'firm' | 'partnership' | 'sole_trader' | 'cooperative';

/** Suffixes in the order they are tried (longest first within the same ending). */
const SUFFIXES: [string, LegalFamily][] = [
  ['股份有限公司', 'company'],
  ['有限责任公司', 'company'],
  ['有限公司', 'company'],
  ['股份公司', 'company'],
  ['责任公司', 'company'],
  ['总公司', 'company'],
  ['集团公司', 'group'],
  ['公司', 'company'],
  ['有限责任', 'company'],
  ['股份', 'company'],
  ['有限', 'company'],
  ['集团', 'group'],
  ['特殊普通合伙', 'partnership'],
  ['普通合伙', 'partnership'],
  ['有限合伙', 'partnership'],
  ['合伙企业', 'partnership'],
  ['个人独资企业', 'sole_trader'],
  ['个体工商户', 'sole_trader'],
  ['事务所', 'firm'],
  ['工作室', 'sole_trader'],
  ['经营部', 'sole_trader'],
  ['门市部', 'sole_trader'],
  ['商行', 'sole_trader'],
  ['专业合作社', 'cooperative'],
  ['合作社', 'cooperative'],
  ['总厂', 'factory'],
  ['工厂', 'factory'],
  ['厂', 'factory'],
];

/** Latin-script legal words, matched as whole words before spaces are removed. */
const LATIN_WORDS: [RegExp, LegalFamily][] = [
  [/\b(co|company|corp|corporation|inc|incorporated|ltd|limited|llc|plc|gmbh|ag|sa|bv|pte|pty|lp|llp)\b\.?/g, 'company'],
  [/\bgroup\b/g, 'group'],
];

/** Words a bracket may hold that are legal forms rather than names: 深圳市振业(集团)股份有限公司. */
const BRACKET_FORMS = new Map<string, LegalFamily>([
  ['集团', 'group'],
  ['控股', 'group'],
  ['股份', 'company'],
  ['有限', 'company'],
  ['有限合伙', 'partnership'],
  ['普通合伙', 'partnership'],
  ['特殊普通合伙', 'partnership'],
]);

export function bracketLegalForm(content: string): LegalFamily | undefined {
  return BRACKET_FORMS.get(content);
}

/**
 * Remove legal forms from the end of `text`, as often as they are stacked (…集团股份有限公司).
 * Stops before the name would become shorter than `keep` characters, so 股份 in a two-character
 * name stays.
 */
export function stripLegalSuffixes(text: string, keep = 2): { rest: string; forms: string[]; families: LegalFamily[] } {
  const forms: string[] = [];
  const families: LegalFamily[] = [];
  let rest = text;
  for (let found = true; found; ) {
    found = false;
    for (const [suffix, family] of SUFFIXES_BY_LAST_CHAR.get(rest[rest.length - 1]) ?? []) {
      if (rest.endsWith(suffix) && rest.length - suffix.length >= keep) {
        forms.unshift(suffix);
        families.unshift(family);
        rest = rest.slice(0, -suffix.length);
        found = true;
        break;
      }
    }
  }
  return { rest, forms, families };
}

/** The suffixes grouped by their last character, in the order they are tried: most names end in 司 and need seven checks, not thirty. */
const SUFFIXES_BY_LAST_CHAR = new Map<string, [string, LegalFamily][]>();
for (const entry of SUFFIXES) {
  const last = entry[0][entry[0].length - 1];
  const list = SUFFIXES_BY_LAST_CHAR.get(last);
  if (list) list.push(entry);
  else SUFFIXES_BY_LAST_CHAR.set(last, [entry]);
}

/** Remove Latin legal words anywhere ("Ping An Bank Co., Ltd."); the text must still have its spaces. */
export function stripLatinLegalWords(text: string): { rest: string; forms: string[]; families: LegalFamily[] } {
  const forms: string[] = [];
  const families: LegalFamily[] = [];
  let rest = text;
  for (const [pattern, family] of LATIN_WORDS) {
    rest = rest.replace(pattern, (word) => {
      forms.push(word.replace(/\.$/, ''));
      families.push(family);
      return ' ';
    });
  }
  return { rest, forms, families };
}

/** Suffixes that make a name a branch of another: 上海火炬润滑油有限公司北京分公司, 中国银行上海分行. */
export const BRANCH_MARKERS = [
  '分公司', '分厂', '分店', '分行', '支行', '营业部', '办事处', '代表处', '分部', '分所', '分社', '分院', '分中心', '分校',
];

/** Words after which a branch's own qualifier starts: the parent's legal form. */
export const PARENT_END_WORDS = ['公司', '集团', '厂', '银行', '事务所'];

export interface LegalCompatibility {
  /** Multiplier applied to a name match: 1 for the same family or when one side has no legal form. */
  factor: number;
  note?: string;
}

export function compareLegalFamilies(a: readonly LegalFamily[], b: readonly LegalFamily[]): LegalCompatibility {
  if (a.length === 0 || b.length === 0) return { factor: 1 };
  const main = (families: readonly LegalFamily[]): LegalFamily => families[families.length - 1];
  const fa = new Set(a);
  const fb = new Set(b);
  if (main(a) === main(b) && fa.has('group') === fb.has('group')) return { factor: 1 };
  const companyLike = (f: LegalFamily) => f === 'company' || f === 'group';
  if (companyLike(main(a)) && companyLike(main(b))) return { factor: 0.97, note: 'group vs company' };
  if ((main(a) === 'factory' && companyLike(main(b))) || (main(b) === 'factory' && companyLike(main(a)))) {
    return { factor: 0.9, note: 'factory vs company' };
  }
  return { factor: 0.85, note: `${main(a)} vs ${main(b)}` };
}
