import { useEffect, useState, type CSSProperties } from 'react';
import { Select } from 'antd';
import { api, call } from '../../../app/api/client';
import { useT } from '../../../app/i18n/i18n-context';

interface Option {
  value: string;
  label: string;
}

const optionOf = (u: { id?: string; name?: string; login?: string }): Option[] =>
  u.id && u.name ? [{ value: u.id, label: `${u.name} (${u.login ?? ''})` }] : [];

/**
 * Picks one user by typing part of a name or login; searches within the picker's data scope. A value
 * set from outside (a saved filter, a stored record) is named by reading that one user.
 */
export function UserPicker({ value, onChange, placeholder, style, id }: { value?: string | null; onChange?: (id: string | undefined) => void; placeholder?: string; style?: CSSProperties; id?: string }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [chosen, setChosen] = useState<Option>();
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let current = true;
    setLoading(true);
    // A short pause so typing a name sends one request, not one per keystroke.
    const timer = setTimeout(() => {
      call(api.GET('/api/v1/users', { params: { query: { q: query || undefined, limit: 20, fields: 'name,login' } } }))
        .then((page) => {
          if (!current) return;
          setOptions(page.items.flatMap(optionOf));
        })
        .catch(() => current && setOptions([]))
        .finally(() => current && setLoading(false));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const known = !value || options.some((o) => o.value === value) || chosen?.value === value;
  useEffect(() => {
    if (known || !value) return;
    let current = true;
    api.GET('/api/v1/users/{id}', { params: { path: { id: value } } }).then(({ data }) => {
      if (current && data) setChosen(optionOf(data)[0]);
    }, () => undefined);
    return () => {
      current = false;
    };
  }, [value, known]);

  const shown = chosen && !options.some((o) => o.value === chosen.value) ? [chosen, ...options] : options;
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      allowClear
      value={value ?? undefined}
      placeholder={placeholder ?? t('user.pick')}
      options={shown}
      loading={loading}
      onChange={(v: string | undefined) => {
        setChosen(shown.find((o) => o.value === v));
        onChange?.(v);
      }}
      notFoundContent={loading ? t('common.loading') : t('common.noResults')}
      style={style}
    />
  );
}
