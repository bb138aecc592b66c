import { describe, expect, it } from 'vitest';
import { SYNTHETIC_INDUSTRIES, joinParts, pick, seededRandom, variant, type NameParts, type VariantKind } from '../testing/synthetic-names.ts';
import { blockingKeys, findDuplicateGroups, prepareAccount, type AccountRecord } from './index.ts';

const groupOf = (groups: { ids: string[] }[], id: string) => groups.find((g) => g.ids.includes(id))?.ids.slice().sort();

describe('findDuplicateGroups', () => {
  it('groups name variants, short names and shared phones, and leaves look-alikes apart', () => {
    const records: AccountRecord[] = [
      { id: 'torch', name: '上海火炬润滑油有限公司', phones: ['021-68888888'] },
      { id: 'torch-bracket', name: '火炬润滑油(上海)有限责任公司' },
      { id: 'torch-short', name: '火炬润滑油' },
      { id: 'torch-phone', name: '明日能源', phones: ['+86 21 6888 8888'] },
      { id: 'torch-branch', name: '上海火炬润滑油有限公司北京分公司' },
      { id: 'torch-beijing', name: '北京火炬润滑油有限公司' },
      { id: 'torch-logistics', name: '上海火炬物流有限公司' },
      { id: 'golden-dragon', name: '上海金龙润滑油有限公司' },
      { id: 'zhenye', name: '深圳市振业(集团)股份有限公司' },
      { id: 'zhenye-short', name: '深振业A' },
    ];
    const { groups } = findDuplicateGroups(records);
    expect(groupOf(groups, 'torch')).toEqual(['torch', 'torch-bracket', 'torch-phone', 'torch-short']);
    expect(groupOf(groups, 'zhenye')).toEqual(['zhenye', 'zhenye-short']);
    for (const apart of ['torch-branch', 'torch-beijing', 'torch-logistics', 'golden-dragon']) expect(groupOf(groups, apart)).toBeUndefined();
    const link = groups.find((g) => g.ids.includes('torch'))!.links.find((l) => [l.a, l.b].includes('torch-phone'))!;
    expect(link.reasons[0].kind).toBe('phone');
  });

  it('scores a pair that shares several keys once', () => {
    const { stats } = findDuplicateGroups([
      { id: '1', name: '上海火炬润滑油有限公司', phones: ['13800138000'], emails: ['a@huoju.cn'] },
      { id: '2', name: '上海火炬润滑油有限公司', phones: ['13800138000'], emails: ['a@huoju.cn'] },
    ]);
    expect(stats.comparisons).toBe(1);
  });

  it('compares an oversized block within a window instead of pair by pair', () => {
    const records: AccountRecord[] = Array.from({ length: 600 }, (_, i) => ({ id: String(i), name: `华${i}`, phones: ['4008208888'] }));
    records.push({ id: 'x', name: '华1', phones: ['4008208888'] });
    const { stats, groups } = findDuplicateGroups(records, { maxBlockSize: 100, window: 5 });
    expect(stats.windowedBlocks).toBeGreaterThan(0);
    expect(stats.comparisons).toBeLessThan(601 * 10);
    expect(groups.length).toBeGreaterThan(0);
  });

  it('finds planted duplicates among generated companies at a cost close to linear', () => {
    const random = seededRandom(7);
    const brands = ['火炬', '金龙', '华强', '海德', '七彩童话', '七彩童年', '阿宝', '阿保', '中远', '长城', '东方雨虹', '神州数码', '美的', '格力', '宏图', '远大'];
    const cities = ['上海', '北京', '深圳', '广州', '杭州', '南京', '武汉', '成都', '西安', '青岛', '厦门', '大连'];
    const bases: NameParts[] = [];
    for (const brand of brands) {
      for (const industry of SYNTHETIC_INDUSTRIES) {
        const city = pick(random, cities);
        bases.push({ regionWritten: city, regionShort: city, body: brand + industry, legal: pick(random, ['有限公司', '股份有限公司']) });
      }
    }
    const records: AccountRecord[] = bases.map((parts, i) => ({ id: `b${i}`, name: joinParts(parts) }));
    const planted: [string, string][] = [];
    const kinds: VariantKind[] = ['region_in_brackets', 'legal_form_changed', 'full_half_width', 'spaces', 'traditional', 'region_dropped', 'combined'];
    bases.forEach((parts, i) => {
      const name = variant(random, parts, pick(random, kinds));
      if (!name || random() < 0.5) return;
      records.push({ id: `v${i}`, name });
      planted.push([`b${i}`, `v${i}`]);
    });
    const { groups, stats } = findDuplicateGroups(records);
    const found = planted.filter(([a, b]) => groupOf(groups, a)?.includes(b)).length;
    expect(found / planted.length).toBeGreaterThanOrEqual(0.98);
    // Same brand with another industry, or one character apart, is never grouped.
    for (const group of groups) expect(new Set(group.ids.map((id) => id.slice(1))).size).toBe(1);
    expect(stats.comparisons).toBeLessThan(records.length * 5);
  });

  it('gives the keys that the accounts module can store to look candidates up', () => {
    const keys = blockingKeys(prepareAccount({ id: '1', name: '上海火炬润滑油有限公司', creditCode: '91440300192185379H', phones: ['13800138000'] }));
    expect(keys).toEqual(expect.arrayContaining(['c:火炬润滑油', 'b:火炬', 'cc:91440300192185379H', 't:13800138000']));
    const shortKeys = blockingKeys(prepareAccount({ id: '2', name: '火炬润滑油(上海)有限责任公司' }));
    expect(shortKeys).toContain('c:火炬润滑油');
  });
});
