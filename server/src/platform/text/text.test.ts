import { describe, expect, it } from 'vitest';
import { chunks } from './chunks.ts';
import { highlight } from './highlight.ts';
import { normalizeText, normalizeWithOffsets } from './normalize.ts';
import { normalizePhone, phoneKeys } from './phone.ts';
import { pinyinForms } from './pinyin.ts';
import { buildSearchDocument } from './search-document.ts';
import { parseSearchQuery } from './search-query.ts';
import { sortKey } from './sort-key.ts';

describe('normalizeText', () => {
  it('folds width, case, spaces and traditional characters', () => {
    expect(normalizeText('ＡＢＣ 物流（上海）')).toBe('abc物流(上海)');
    expect(normalizeText('中海船務 有限公司')).toBe('中海船务有限公司');
    expect(normalizeText('裏 裡 衞')).toBe('里里卫');
  });

  it('maps every folded character back to the original', () => {
    const n = normalizeWithOffsets('上海 火炬');
    expect(n.text).toBe('上海火炬');
    expect(n.origin[2]).toEqual([3, 4]);
  });
});

describe('chunks', () => {
  it('cuts two-character chunks, once each', () => {
    expect(chunks('火炬润滑油')).toEqual(['火炬', '炬润', '润滑', '滑油']);
    expect(chunks('油油油')).toEqual(['油油']);
    expect(chunks('火')).toEqual([]);
  });
});

describe('pinyinForms', () => {
  it('gives full pinyin and initials with polyphones read in context', () => {
    expect(pinyinForms('中海船务')).toMatchObject({ full: 'zhonghaichuanwu', initials: 'zhcw' });
    expect(pinyinForms('重庆钢铁').initials).toBe('cqgt');
    expect(pinyinForms('厦门港务').initials).toBe('xmgw');
    expect(pinyinForms('单雄信', { person: true }).full).toBe('shanxiongxin');
  });
});

describe('phones', () => {
  it.each([
    ['+86 138-0013-8000', '13800138000'],
    ['13800138000', '13800138000'],
    ['(0086)138 0013 8000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['021-6888 8888', '02168888888'],
    ['+86 21 6888 8888', '02168888888'],
    ['+1 (415) 555-0100', '+14155550100'],
  ])('%s is stored as %s', (raw, digits) => {
    expect(normalizePhone(raw)).toBe(digits);
  });

  it('finds a landline by its local number too', () => {
    expect(phoneKeys('02168888888')).toEqual(['02168888888', '68888888']);
    expect(phoneKeys('057187654321')).toEqual(['057187654321', '87654321']);
    expect(phoneKeys('13800138000')).toEqual(['13800138000']);
  });

  it('refuses what is not a number', () => {
    expect(normalizePhone('call me')).toBeNull();
  });
});

describe('search document and query', () => {
  const doc = buildSearchDocument({ names: ['上海火炬润滑油有限公司', '火炬'], phones: ['+86 138-0013-8000'], emails: ['Info@Torch.CN'], codes: ['91310000132200821h'] });

  it('stores chunks, pinyin, initials and exact keys', () => {
    expect(doc.searchNames).toBe('上海火炬润滑油有限公司\n火炬');
    expect(doc.searchGrams).toEqual(expect.arrayContaining(['火炬', '上海', '^上', '^火', 'hj', '^s']));
    expect(doc.searchLatin.split(' ')).toEqual(expect.arrayContaining(['shanghaihuojurunhuayouyouxiangongsi', 'shhjrhyyxgs', 'huoju', 'hj']));
    expect(doc.searchKeys).toEqual(expect.arrayContaining(['tel:13800138000', 'mail:info@torch.cn', 'code:91310000132200821H', 'name:火炬']));
  });

  it('parses a keyword into terms and exact keys', () => {
    expect(parseSearchQuery('火炬').terms).toEqual([{ text: '火炬', mode: 'chunks', grams: ['火炬'], latin: false }]);
    expect(parseSearchQuery('zhcw').terms[0].mode).toBe('latin');
    expect(parseSearchQuery('hj').terms[0]).toMatchObject({ mode: 'chunks', grams: ['hj'] });
    expect(parseSearchQuery('火').terms[0]).toMatchObject({ mode: 'prefix', grams: ['^火'] });
    expect(parseSearchQuery('+86 138-0013-8000').keys).toContain('tel:13800138000');
    expect(parseSearchQuery(' INFO@torch.cn ').keys).toContain('mail:info@torch.cn');
  });

  it('every chunk of a keyword found inside a name is among the name\'s chunks', () => {
    for (const q of ['火炬', '润滑油', '上海火炬', 'hj', 'rhy']) {
      const grams = parseSearchQuery(q).terms.flatMap((t) => t.grams);
      expect(doc.searchGrams).toEqual(expect.arrayContaining(grams));
    }
  });
});

describe('highlight', () => {
  const name = { field: 'name', value: '上海火炬润滑油有限公司', kind: 'name' as const };

  it('marks a Chinese keyword', () => {
    expect(highlight(parseSearchQuery('火炬'), [name])).toEqual({ field: 'name', text: name.value, ranges: [[2, 4]] });
  });

  it('marks the characters a pinyin or initials keyword stands for', () => {
    const ship = { field: 'name', value: '中海船务', kind: 'name' as const };
    expect(highlight(parseSearchQuery('zhonghai'), [ship])?.ranges).toEqual([[0, 2]]);
    expect(highlight(parseSearchQuery('zhcw'), [ship])?.ranges).toEqual([[0, 4]]);
    expect(highlight(parseSearchQuery('huoju'), [name])?.ranges).toEqual([[2, 4]]);
  });

  it('marks a whole phone number found in another format', () => {
    const h = highlight(parseSearchQuery('+86 138-0013-8000'), [name, { field: 'phones', value: '13800138000', kind: 'phone' }]);
    expect(h).toEqual({ field: 'phones', text: '13800138000', ranges: [[0, 11]] });
  });
});

describe('sortKey', () => {
  it('orders Chinese names by pinyin', () => {
    const names = ['中海船务', '阿里巴巴', '北京燕山'];
    expect([...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))).toEqual(['阿里巴巴', '北京燕山', '中海船务']);
  });
});
