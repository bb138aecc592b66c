import { describe, expect, it } from 'vitest';
import { normalizeCompanyName } from './normalize.ts';

const labels = (name: string) => normalizeCompanyName(name).regions.map((r) => r.label);

describe('normalizeCompanyName', () => {
  it('takes a name apart into region, core, brand, industry and legal form', () => {
    const name = normalizeCompanyName('上海火炬润滑油有限公司');
    expect(name).toMatchObject({ core: '火炬润滑油', brand: '火炬', industries: ['润滑油'], legalForms: ['有限公司'] });
    expect(labels('上海火炬润滑油有限公司')).toEqual(['上海']);
  });

  it('reads a region in brackets like a region prefix (the issue example)', () => {
    const prefixed = normalizeCompanyName('上海火炬润滑油有限公司');
    const bracketed = normalizeCompanyName('火炬润滑油(上海)有限责任公司');
    expect(bracketed.core).toBe(prefixed.core);
    expect(labels('火炬润滑油(上海)有限责任公司')).toEqual(['上海']);
    expect(bracketed.legalForms).toEqual(['有限责任公司']);
  });

  it('folds full-width characters, every bracket style, spaces and punctuation', () => {
    const plain = normalizeCompanyName('ABC科技(深圳)有限公司');
    for (const variant of ['ＡＢＣ科技（深圳）有限公司', 'abc 科技【深圳】有限公司', 'A.B.C. 科技 〔深圳〕 有限 公司', 'ＡＢＣ科技　(深圳)　有限公司']) {
      const name = normalizeCompanyName(variant);
      expect(name.text).toBe(plain.text);
      expect(name.core).toBe(plain.core);
      expect(name.regions.map((r) => r.label)).toEqual(['深圳']);
    }
  });

  it('converts traditional characters to simplified', () => {
    expect(normalizeCompanyName('上海火炬潤滑油有限責任公司').core).toBe('火炬润滑油');
    expect(normalizeCompanyName('學大（廈門）教育科技集團股份有限公司')).toMatchObject({ core: '学大教育科技', brand: '学大' });
    expect(labels('臺灣積體電路製造股份有限公司')).toEqual(['台湾']);
    expect(normalizeCompanyName('臺灣積體電路製造股份有限公司').core).toBe('积体电路制造');
  });

  it('recognises province, city and district forms, full and short', () => {
    expect(labels('上海市火炬润滑油有限公司')).toEqual(['上海']);
    expect(labels('广东省深圳市华为技术有限公司')).toEqual(['广东', '深圳']);
    expect(labels('内蒙古伊利实业集团股份有限公司')).toEqual(['内蒙古']);
    expect(labels('广西壮族自治区柳工机械有限公司')).toEqual(['广西']);
    expect(labels('延边朝鲜族自治州长白山有限公司')).toEqual(['延边']);
    // A district's short form counts only after its own city.
    expect(labels('上海浦东火炬贸易有限公司')).toEqual(['上海', '浦东']);
    expect(labels('浦东新区火炬贸易有限公司')).toEqual(['浦东']);
    // ...and a place that is not inside the region before it is part of the name (松原 is in 吉林).
    expect(normalizeCompanyName('浙江松原汽车安全系统股份有限公司').core).toBe('松原汽车安全系统');
  });

  it('keeps a region that is the only distinctive part of the name as its brand', () => {
    expect(normalizeCompanyName('上海银行股份有限公司')).toMatchObject({ core: '上海银行', brand: '上海', regions: [] });
    expect(normalizeCompanyName('上海银行股份有限公司').regionalReading?.core).toBe('银行');
    // 中国 is a brand prefix, not a region, unless in brackets.
    expect(normalizeCompanyName('中国银行股份有限公司')).toMatchObject({ core: '中国银行', regions: [] });
    expect(labels('西门子(中国)有限公司')).toEqual(['中国']);
  });

  it('records stacked and bracketed legal forms', () => {
    expect(normalizeCompanyName('深圳市振业(集团)股份有限公司')).toMatchObject({ core: '振业', legalForms: ['集团', '股份有限公司'] });
    expect(normalizeCompanyName('苏州苏大维格科技集团股份有限公司')).toMatchObject({ core: '苏大维格科技', legalForms: ['集团', '股份有限公司'] });
    expect(normalizeCompanyName('北京某某律师事务所').legalForms).toEqual(['事务所']);
    expect(normalizeCompanyName('Ping An Bank Co., Ltd.')).toMatchObject({ core: 'pinganbank', latin: true, legalForms: ['co', 'ltd'] });
  });

  it('marks a branch and keeps its parent as the name', () => {
    const branch = normalizeCompanyName('上海火炬润滑油有限公司北京分公司');
    expect(branch).toMatchObject({ core: '火炬润滑油', branch: { marker: '分公司', qualifier: '北京' } });
    expect(normalizeCompanyName('中国银行上海市分行')).toMatchObject({ core: '中国银行', branch: { marker: '分行', qualifier: '上海' } });
    expect(normalizeCompanyName('上海火炬润滑油有限公司').branch).toBeUndefined();
  });

  it('drops stock-exchange decorations from listed short names', () => {
    expect(normalizeCompanyName('万  科Ａ').core).toBe('万科');
    expect(normalizeCompanyName('*ST国华').core).toBe('国华');
    expect(normalizeCompanyName('深振业A').core).toBe('深振业');
  });
});
