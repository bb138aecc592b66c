import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { Cascader } from 'antd';
import type { Region } from '../../../app/api/schemas';
import { useT } from '../../../app/i18n/i18n-context';
import { regionChildren } from './region-cache';

interface RegionOption {
  value: string;
  label: string;
  isLeaf: boolean;
  region: Region;
  children?: RegionOption[];
}

/**
 * Province / city / district from the server's GB/T 2260 list, one level fetched at a time. Any level
 * may be chosen (a province alone is a valid region). `onChange` gets the chosen regions top down.
 */
export function RegionCascader({ value, onChange, placeholder, style, id }: {
  value?: string[];
  onChange?: (path: Region[] | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
}) {
  const t = useT();
  const [levels, setLevels] = useState<Map<string, Region[]>>(new Map());

  const load = (parent: string) =>
    regionChildren(parent).then(
      (items) => setLevels((m) => (m.has(parent) ? m : new Map(m).set(parent, items))),
      () => undefined,
    );

  // The provinces, and the levels along a value set from outside, so its names show at once.
  const wanted = ['', ...(value ?? []).slice(0, -1)].join(',');
  useEffect(() => {
    for (const parent of wanted.split(',')) void load(parent);
  }, [wanted]);

  const options = useMemo(() => {
    const build = (parent: string): RegionOption[] | undefined =>
      levels.get(parent)?.map((r) => ({ value: r.code, label: r.name, isLeaf: !r.hasChildren, region: r, children: build(r.code) }));
    return build('') ?? [];
  }, [levels]);

  return (
    <Cascader<RegionOption>
      id={id}
      value={value}
      options={options}
      changeOnSelect
      allowClear
      showSearch={false}
      placeholder={placeholder ?? t('region.pick')}
      style={style}
      loadData={(selected) => {
        const last = selected[selected.length - 1];
        if (last) void load(last.value);
      }}
      onChange={(_codes, selected) => onChange?.(selected?.length ? selected.map((o) => o.region) : undefined)}
    />
  );
}
