import { useEffect, useState, type CSSProperties } from 'react';
import { Select } from 'antd';
import { api, call } from '../../../app/api/client';
import { useT } from '../../../app/i18n/i18n-context';

interface Option {
  value: string;
  label: string;
}

/** Picks one user by typing part of a name or login; searches within the picker's data scope. */
export function UserPicker({ value, onChange, placeholder, style }: { value?: string; onChange: (id: string | undefined) => void; placeholder?: string; style?: CSSProperties }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let current = true;
    setLoading(true);
    // A short pause so typing a name sends one request, not one per keystroke.
    const timer = setTimeout(() => {
      call(api.GET('/api/v1/users', { params: { query: { q: query || undefined, limit: 20, fields: 'name,login' } } }))
        .then((page) => {
          if (!current) return;
          setOptions(page.items.flatMap((u) => (u.id && u.name ? [{ value: u.id, label: `${u.name} (${u.login ?? ''})` }] : [])));
        })
        .catch(() => current && setOptions([]))
        .finally(() => current && setLoading(false));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQuery }}
      allowClear
      value={value}
      placeholder={placeholder ?? t('user.pick')}
      options={options}
      loading={loading}
      onChange={(v: string | undefined) => onChange(v)}
      notFoundContent={loading ? t('common.loading') : t('common.noResults')}
      style={style}
    />
  );
}
