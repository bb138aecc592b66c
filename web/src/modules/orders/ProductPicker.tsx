import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { api, call } from '../../app/api/client';

type Option = { value: string; label: string; unit: string; name: string };

/** Picks an active product by code or name as the user types; `known` names products already chosen (an edited list's lines). */
export function ProductPicker({ value, onChange, id, known = [] }: {
  value?: string | null;
  onChange?: (id: string | undefined, product?: { unit: string; name: string }) => void;
  id?: string;
  known?: Option[];
}) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Option[]>([]);
  const chosen = known.find((k) => k.value === value);
  const options = chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
  useEffect(() => {
    const timer = setTimeout(() => {
      void call(api.GET('/api/v1/products', { params: { query: { q: q || undefined, limit: 30 } } })).then((page) => {
        setFound(page.items.map((p) => ({ value: p.id, label: `${p.code} ${p.name}`, unit: p.unit, name: p.name })));
      }, () => undefined);
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      style={{ minWidth: 200 }}
      onChange={(v: string | undefined) => onChange?.(v, options.find((o) => o.value === v))}
      options={options}
      data-testid="product-picker"
    />
  );
}
