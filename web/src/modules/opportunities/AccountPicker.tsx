import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { api, call } from '../../app/api/client';

/** Picks an account the user can see, searched by name as they type. */
export function AccountPicker({ value, onChange, placeholder, initial, id }: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  initial?: { id: string; name: string };
  id?: string;
}) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>(initial ? [{ value: initial.id, label: initial.name }] : []);
  useEffect(() => {
    const timer = setTimeout(() => {
      void call(api.GET('/api/v1/accounts', { params: { query: { q: q || undefined, limit: 20, fields: 'name', count: 'false' } } })).then((page) => {
        setOptions(page.items.map((a) => ({ value: a.id!, label: a.name ?? a.id! })));
      }, () => undefined);
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value}
      placeholder={placeholder}
      onChange={(v: string | undefined) => onChange?.(v)}
      options={options}
      data-testid="account-picker"
    />
  );
}
