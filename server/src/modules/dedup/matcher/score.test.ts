import { describe, expect, it } from 'vitest';
import { LIKELY_DUPLICATE_THRESHOLD, POSSIBLE_DUPLICATE_THRESHOLD, scoreAccounts, type AccountRecord } from './index.ts';

let next = 0;
const account = (fields: Partial<AccountRecord> & { name: string }): AccountRecord => ({ id: String(next++), ...fields });
const score = (a: string | AccountRecord, b: string | AccountRecord) =>
  scoreAccounts(typeof a === 'string' ? account({ name: a }) : a, typeof b === 'string' ? account({ name: b }) : b);
const likely = (a: string | AccountRecord, b: string | AccountRecord) => score(a, b).score >= LIKELY_DUPLICATE_THRESHOLD;

describe('scoreAccounts: name variants of one company', () => {
  it('matches the issue example: region prefix vs region in brackets, 有限公司 vs 有限责任公司', () => {
    const result = score('上海火炬润滑油有限公司', '火炬润滑油(上海)有限责任公司');
    expect(result.score).toBeGreaterThanOrEqual(0.95);
    expect(result.likelyDuplicate).toBe(true);
    expect(result.reasons[0]).toMatchObject({ kind: 'same_core' });
    expect(result.reasons[0].detail).toContain('火炬润滑油');
  });

  it('matches full-width, spaced and traditional writings', () => {
    for (const variant of ['上海 火炬 润滑油 有限公司', '上海火炬潤滑油有限公司', '火炬润滑油（上海）有限公司', '上海火炬润滑油股份有限公司']) {
      expect(likely('上海火炬润滑油有限公司', variant), variant).toBe(true);
    }
  });

  it('matches when one side has no region (dropped) or an enclosing one', () => {
    expect(likely('上海火炬润滑油有限公司', '火炬润滑油有限公司')).toBe(true);
    expect(likely('广东省深圳市华为技术有限公司', '华为技术(深圳)有限公司')).toBe(true);
  });

  it('matches a short name typed as the name, and the short-name field', () => {
    expect(score('上海火炬润滑油有限公司', '火炬润滑油').reasons[0].kind).toBe('short_name');
    expect(likely('上海火炬润滑油有限公司', '火炬')).toBe(true);
    expect(likely('深圳市振业(集团)股份有限公司', '深振业A')).toBe(true);
    expect(likely('中海船务有限公司', '中海船務')).toBe(true);
    const withShort = account({ name: '火炬润滑油(上海)有限责任公司', shortName: '上海火炬' });
    const result = score(withShort, '上海火炬');
    expect(result.likelyDuplicate).toBe(true);
    expect(result.reasons[0].kind).toBe('short_name');
  });

  it('matches through a former name', () => {
    const renamed = account({ name: '上海明日能源科技有限公司', formerNames: ['上海火炬润滑油有限公司'] });
    const result = score(renamed, '火炬润滑油(上海)有限责任公司');
    expect(result.likelyDuplicate).toBe(true);
    expect(result.reasons[0].kind).toBe('former_name');
  });

  it('matches Latin names across case, punctuation and legal words', () => {
    expect(likely('Ping An Bank Co., Ltd.', 'PING AN BANK CO LTD')).toBe(true);
    expect(likely('Ping An Bank Co., Ltd.', '平安银行股份有限公司')).toBe(false);
  });
});

describe('scoreAccounts: different companies that look alike', () => {
  it('does not match another company of the same region and industry', () => {
    const result = score('上海火炬润滑油有限公司', '上海金龙润滑油有限公司');
    expect(result.score).toBeLessThan(POSSIBLE_DUPLICATE_THRESHOLD);
    expect(likely('深圳市华强科技有限公司', '深圳市华为科技有限公司')).toBe(false);
  });

  it('calls the same brand in another region related, not a duplicate', () => {
    const result = score('上海火炬润滑油有限公司', '北京火炬润滑油有限公司');
    expect(result.likelyDuplicate).toBe(false);
    expect(result.score).toBeGreaterThanOrEqual(POSSIBLE_DUPLICATE_THRESHOLD);
    expect(result.reasons[0]).toMatchObject({ kind: 'same_brand_other_region' });
    expect(likely('上海银行股份有限公司', '北京银行股份有限公司')).toBe(false);
  });

  it('calls the same brand in another business related, not a duplicate', () => {
    expect(score('上海火炬润滑油有限公司', '上海火炬物流有限公司').reasons[0].kind).toBe('same_brand_other_industry');
    expect(likely('上海火炬润滑油有限公司', '上海火炬物流有限公司')).toBe(false);
  });

  it('tells a branch (分公司) from its parent, and two branches apart', () => {
    const parent = score('上海火炬润滑油有限公司', '上海火炬润滑油有限公司北京分公司');
    expect(parent.likelyDuplicate).toBe(false);
    expect(parent.reasons[0]).toMatchObject({ kind: 'branch' });
    expect(likely('上海火炬润滑油有限公司北京分公司', '上海火炬润滑油有限公司广州分公司')).toBe(false);
    expect(likely('上海火炬润滑油有限公司北京分公司', '火炬润滑油(上海)有限公司北京分公司')).toBe(true);
    expect(likely('中国银行上海分行', '中国银行股份有限公司上海市分行')).toBe(true);
  });

  it('keeps brands one character apart below "likely" (a typo and a different brand look the same)', () => {
    const homophone = score('上海火矩润滑油有限公司', '上海火炬润滑油有限公司');
    expect(homophone.likelyDuplicate).toBe(false);
    expect(homophone.score).toBeGreaterThanOrEqual(POSSIBLE_DUPLICATE_THRESHOLD);
    expect(likely('上海七彩童话贸易有限公司', '上海七彩童年贸易有限公司')).toBe(false);
  });

  it('does not let an ambiguous short-name field join two different registered companies', () => {
    const a = account({ name: '海南海德资本管理股份有限公司', shortName: '海德股份' });
    const b = account({ name: '海德国际汽车配件有限责任公司' });
    expect(likely(a, b)).toBe(false);
  });
});

describe('scoreAccounts: identifiers', () => {
  it('an identical credit code is a duplicate whatever the names say', () => {
    const a = account({ name: '上海火炬润滑油有限公司', creditCode: '91440300192185379H' });
    const b = account({ name: '明日能源', creditCode: '９１４４０３００１９２１８５３７９ｈ' });
    const result = score(a, b);
    expect(result.score).toBe(1);
    expect(result.reasons[0].kind).toBe('credit_code');
  });

  it('two valid, different credit codes are two legal entities, however alike the names', () => {
    const a = account({ name: '上海火炬润滑油有限公司', creditCode: '91440300192185379H' });
    const b = account({ name: '火炬润滑油(上海)有限公司', creditCode: '91440300192181490G' });
    const result = score(a, b);
    expect(result.likelyDuplicate).toBe(false);
    expect(result.reasons.map((r) => r.kind)).toContain('credit_code_conflict');
  });

  it('the same phone in another format or the same e-mail is strong evidence', () => {
    const a = account({ name: '火炬润滑油', phones: ['+86 138-0013-8000'], emails: ['Sales@HuoJu.cn'] });
    expect(score(a, account({ name: '明日能源', phones: ['13800138000'] })).reasons[0].kind).toBe('phone');
    expect(likely(a, account({ name: '明日能源', phones: ['13800138000'] }))).toBe(true);
    expect(likely(a, account({ name: '明日能源', emails: ['mailto:sales@huoju.cn'] }))).toBe(true);
    expect(score(a, account({ name: '明日能源', emails: ['buyer@huoju.cn'] })).reasons[0].kind).toBe('email_domain');
    expect(likely(a, account({ name: '明日能源', emails: ['buyer@qq.com'] }))).toBe(false);
  });
});
