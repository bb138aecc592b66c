import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { api, call } from '../../../app/api/client';
import { useT } from '../../../app/i18n/i18n-context';

interface Option {
  value: string;
  label: string;
}

/** Finds a contact by name, pinyin, phone or e-mail (the list's search), within the picker's data scope. */
export function ContactPicker({ value, onChange, id }: { value?: string; onChange?: (id: string | undefined) => void; id?: string }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let current = true;
    setLoading(true);
    const timer = setTimeout(() => {
      call(api.GET('/api/v1/contacts', { params: { query: { q: query.trim() || undefined, limit: 20, fields: 'name,title,department', count: 'false' } } }))
        .then((page) => {
          if (!current) return;
          setOptions(
            page.items.flatMap((c) =>
              c.id && c.name ? [{ value: c.id, label: [c.name, [c.title, c.department].filter(Boolean).join(' · ')].filter(Boolean).join('  ') }] : [],
            ),
          );
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
      id={id}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      allowClear
      value={value}
      placeholder={t('contact.pick')}
      options={options}
      loading={loading}
      onChange={(v: string | undefined) => onChange?.(v)}
      notFoundContent={loading ? t('common.loading') : t('common.noResults')}
      style={{ width: '100%' }}
    />
  );
}
