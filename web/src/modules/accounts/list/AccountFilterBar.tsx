import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, DatePicker, Flex, Input, Select, TreeSelect } from 'antd';
import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { AccountType, CustomField } from '../../../app/api/schemas';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../app/responsive';
import { CustomFiltersDrawer } from '../../custom-fields/CustomFiltersDrawer';
import { unitOptions } from '../../org/units/unit-tree';
import { useUnits } from '../../org/units/use-units';
import { UserPicker } from '../../org/users/UserPicker';
import { RegionCascader } from '../regions/RegionCascader';
import { codesOf, pathOf } from '../regions/region-cache';
import { typeOptions } from '../use-account-types';
import { hasFilters, type AccountFilters } from './account-list-state';

const tiers = ['A', 'B', 'C'];
const csv = (v: string | undefined) => (v ? v.split(',') : []);
const joined = (list: string[]) => (list.length ? list.join(',') : undefined);

/**
 * The list's filters. Typing in the search box filters when the user presses Enter or stops typing;
 * custom fields are filtered in a drawer. On a phone only the search box shows until "filters" is tapped.
 */
export function AccountFilterBar({ filters, types, defs, onChange }: {
  filters: AccountFilters;
  types: AccountType[];
  defs: CustomField[];
  onChange: (filters: AccountFilters) => void;
}) {
  const { t, locale } = useI18n();
  const isMobile = useIsMobile();
  const { data: units = [] } = useUnits();
  const unitTree = useMemo(() => unitOptions(units), [units]);
  const [search, setSearch] = useState(filters.q ?? '');
  const [industry, setIndustry] = useState(filters.industry ?? '');
  const [expanded, setExpanded] = useState(false);
  const [customOpen, setCustomOpen] = useState(false);
  const set = (patch: Partial<AccountFilters>) => onChange({ ...filters, ...patch });

  // A view or the back button changes the filters from outside: the inputs follow.
  useEffect(() => setSearch(filters.q ?? ''), [filters.q]);
  useEffect(() => setIndustry(filters.industry ?? ''), [filters.industry]);
  useEffect(() => {
    const q = search.trim() || undefined;
    if (q === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q }), 400);
    return () => clearTimeout(timer);
    // Only typing starts the pause; a change from outside is followed above.
  }, [search]);

  const width = isMobile ? '100%' : 180;
  const customCount = Object.keys(filters.customFilters ?? {}).length;
  const showAll = !isMobile || expanded;

  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }}>
      <Flex gap={8} style={{ width: isMobile ? '100%' : 300 }}>
        <Input.Search
          allowClear
          placeholder={t('account.search')}
          aria-label={t('account.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => set({ q: value.trim() || undefined })}
        />
        {isMobile && (
          <Badge dot={hasFilters({ ...filters, q: undefined })}>
            <Button icon={<FilterOutlined />} aria-label={t('filter.toggle')} onClick={() => setExpanded((e) => !e)} />
          </Badge>
        )}
      </Flex>
      {showAll && (
        <>
          <UserPicker placeholder={t('account.owner')} value={filters.ownerId} onChange={(ownerId) => set({ ownerId })} style={{ width }} />
          {units.length > 0 && (
            <TreeSelect
              allowClear
              placeholder={t('account.filter.unit')}
              treeData={unitTree}
              treeDefaultExpandAll
              value={filters.unitId}
              onChange={(unitId?: string) => set({ unitId })}
              showSearch={{ treeNodeFilterProp: 'title' }}
              style={{ width }}
            />
          )}
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('account.type')}
            options={typeOptions(types, locale)}
            value={csv(filters.type)}
            onChange={(v: string[]) => set({ type: joined(v) })}
            style={{ width }}
          />
          <Select
            mode="multiple"
            allowClear
            placeholder={t('account.tier')}
            options={tiers.map((tier) => ({ value: tier, label: t('account.tier.value', { tier }) }))}
            value={csv(filters.tier)}
            onChange={(v: string[]) => set({ tier: joined(v) })}
            style={{ width: isMobile ? '100%' : 140 }}
          />
          <Input
            allowClear
            placeholder={t('account.industry')}
            value={industry}
            onChange={(e) => {
              setIndustry(e.target.value);
              if (!e.target.value) set({ industry: undefined });
            }}
            onPressEnter={() => set({ industry: industry.trim() || undefined })}
            onBlur={() => industry.trim() !== (filters.industry ?? '') && set({ industry: industry.trim() || undefined })}
            style={{ width: isMobile ? '100%' : 140 }}
          />
          <RegionCascader
            placeholder={t('account.region')}
            value={pathOf(filters)}
            onChange={(path) => {
              const codes = codesOf(path ?? []);
              set({ provinceCode: codes.provinceCode ?? undefined, cityCode: codes.cityCode ?? undefined, districtCode: codes.districtCode ?? undefined });
            }}
            style={{ width: isMobile ? '100%' : 220 }}
          />
          <Select
            mode="tags"
            allowClear
            maxTagCount="responsive"
            placeholder={t('account.tags')}
            value={csv(filters.tags)}
            open={false}
            suffixIcon={null}
            onChange={(v: string[]) => set({ tags: joined(v.map((s) => s.trim()).filter(Boolean)) })}
            style={{ width }}
          />
          <DatePicker.RangePicker
            placeholder={[t('account.filter.createdFrom'), t('account.filter.createdTo')]}
            value={[filters.createdFrom ? dayjs(filters.createdFrom) : null, filters.createdTo ? dayjs(filters.createdTo) : null]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              set({ createdFrom: range?.[0]?.startOf('day').toISOString(), createdTo: range?.[1]?.endOf('day').toISOString() })
            }
            style={{ width: isMobile ? '100%' : 260 }}
          />
          {defs.length > 0 && (
            <Badge count={customCount} size="small">
              <Button icon={<FilterOutlined />} onClick={() => setCustomOpen(true)}>
                {t('filter.customFields')}
              </Button>
            </Badge>
          )}
          {hasFilters(filters) && (
            <Button type="link" icon={<ClearOutlined />} onClick={() => onChange({})}>
              {t('filter.clearAll')}
            </Button>
          )}
        </>
      )}
      {customOpen && (
        <CustomFiltersDrawer
          defs={defs}
          value={filters.customFilters}
          onClose={() => setCustomOpen(false)}
          onApply={(customFilters) => {
            setCustomOpen(false);
            set({ customFilters });
          }}
        />
      )}
    </Flex>
  );
}
