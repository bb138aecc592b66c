import { useState, type CSSProperties } from 'react';
import { useNavigate } from 'react-router';
import { AutoComplete, Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useT } from '../../app/i18n/i18n-context';
import { hitKey, hitPath, isHitKey, searchTargets } from './search-targets';
import { SearchHitLabel } from './SearchHitLabel';
import { useSearch } from './use-search';

/**
 * The search box: results grouped by record type as the user types; arrow keys move, Enter or a
 * click opens the record (the first result is active, so Enter alone opens the best match).
 */
export function SearchBox({ style, autoFocus, onOpened }: { style?: CSSProperties; autoFocus?: boolean; onOpened?: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const { hits, loading, answered } = useSearch(text);

  const groups = searchTargets
    .map((target) => ({
      label: t(target.label),
      options: hits.filter((h) => h.type === target.type).map((h) => ({ value: hitKey(h.type, h.id), label: <SearchHitLabel hit={h} /> })),
    }))
    .filter((g) => g.options.length > 0);
  const settled = !loading && answered === text.trim();

  return (
    <AutoComplete
      value={text}
      options={groups}
      style={style}
      showSearch={{ filterOption: false }}
      // The best match is active, so Enter alone opens it (AutoComplete leaves this off by default).
      defaultActiveFirstOption
      // Results need some room beside a narrow header box; a full-width box (phone) is wide enough.
      popupMatchSelectWidth={typeof style?.width === 'number' ? Math.max(360, style.width) : true}
      notFoundContent={text.trim() && settled ? t('search.none') : undefined}
      onChange={(value: string) => {
        // Choosing a result also reports its key as the new text; the box keeps what was typed.
        if (!isHitKey(value)) setText(value);
      }}
      onSelect={(key: string) => {
        const path = hitPath(key);
        if (!path) return;
        setText('');
        navigate(path);
        onOpened?.();
      }}
    >
      <Input
        allowClear
        autoFocus={autoFocus}
        prefix={<SearchOutlined style={{ color: '#999' }} />}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
      />
    </AutoComplete>
  );
}
