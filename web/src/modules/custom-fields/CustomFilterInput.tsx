import { DatePicker, Flex, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import type { CustomField } from '../../app/api/schemas';
import { useI18n } from '../../app/i18n/i18n-context';
import { RegionCascader } from '../accounts/regions/RegionCascader';
import { regionPath } from '../accounts/regions/region-cache';
import { UserPicker } from '../org/users/UserPicker';
import type { CustomFilter } from './custom-filters';
import { typeTraits } from './field-types';
import { localized } from './localized';

interface Props {
  def: CustomField;
  value: CustomFilter | undefined;
  onChange: (filter: CustomFilter | undefined) => void;
  id?: string;
}

const orUndefined = (f: CustomFilter): CustomFilter | undefined => (Object.values(f).some((v) => v !== undefined && v !== null && v !== '') ? f : undefined);
const bound = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? v : undefined);

/** The filter control for one custom field: "contains" for text, a range for numbers and dates, choices for the rest. */
export function CustomFilterInput({ def, value, onChange, id }: Props) {
  const { t, locale } = useI18n();
  const full = { width: '100%' };
  const traits = typeTraits[def.type];

  if (def.type === 'single_select' || def.type === 'multi_select') {
    return (
      <Select
        id={id}
        mode="multiple"
        allowClear
        placeholder={t('filter.anyOf')}
        value={(value?.in ?? []).map(String)}
        options={def.options.map((o) => ({ value: o.value, label: localized(o.label, locale) }))}
        onChange={(v: string[]) => onChange(v.length ? { in: v } : undefined)}
        style={full}
      />
    );
  }
  if (def.type === 'boolean') {
    return (
      <Select
        id={id}
        allowClear
        value={typeof value?.eq === 'boolean' ? value.eq : undefined}
        options={[
          { value: true, label: t('common.yes') },
          { value: false, label: t('common.no') },
        ]}
        onChange={(v?: boolean) => onChange(v === undefined ? undefined : { eq: v })}
        style={full}
      />
    );
  }
  if (def.type === 'user') {
    return <UserPicker id={id} value={typeof value?.eq === 'string' ? value.eq : undefined} onChange={(v) => onChange(v ? { eq: v } : undefined)} style={full} />;
  }
  if (def.type === 'region') {
    const code = typeof value?.eq === 'string' ? value.eq : undefined;
    return <RegionCascader id={id} value={code ? regionPath(code) : undefined} onChange={(path) => onChange(path ? { eq: path[path.length - 1].code } : undefined)} style={full} />;
  }
  if (def.type === 'date' || def.type === 'datetime') {
    const from = bound(value?.gte);
    const to = bound(value?.lte);
    return (
      <DatePicker.RangePicker
        id={{ start: id }}
        value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
        allowEmpty={[true, true]}
        onChange={(range) =>
          onChange(
            orUndefined({
              gte: def.type === 'date' ? range?.[0]?.format('YYYY-MM-DD') : range?.[0]?.startOf('day').toISOString(),
              lte: def.type === 'date' ? range?.[1]?.format('YYYY-MM-DD') : range?.[1]?.endOf('day').toISOString(),
            }),
          )
        }
        style={full}
      />
    );
  }
  if (traits.range) {
    const set = (patch: CustomFilter) => onChange(orUndefined({ gte: value?.gte, lte: value?.lte, ...patch }));
    return (
      <Flex gap={8} align="center">
        <InputNumber<string> id={id} stringMode placeholder={t('filter.from')} value={bound(value?.gte)?.toString()} onChange={(v) => set({ gte: v ?? undefined })} style={full} />
        <span>–</span>
        <InputNumber<string> stringMode placeholder={t('filter.to')} value={bound(value?.lte)?.toString()} onChange={(v) => set({ lte: v ?? undefined })} style={full} />
      </Flex>
    );
  }
  return (
    <Input
      id={id}
      allowClear
      placeholder={t('filter.contains')}
      value={value?.contains ?? ''}
      onChange={(e) => onChange(e.target.value.trim() ? { contains: e.target.value } : undefined)}
    />
  );
}
