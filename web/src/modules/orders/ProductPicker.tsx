import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { api, call } from '../../app/api/client';

/** Picks an active product by code or name as the user types. */
export function ProductPicker({ value, onChange, id }: { value?: string | null; onChange?: (id: string | undefined, product?: { unit: string; name: string }) => void; id?: string }) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string; unit: string; name: string }[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => {
      void call(api.GET('/api/v1/products', { params: { query: { q: q || undefined, limit: 30 } } })).then((page) => {
        setOptions(page.items.map((p) => ({ value: p.id, label: `${p.code} ${p.name}`, unit: p.unit, name: p.name })));
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
