import { Button, Checkbox, Flex, Popover, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, SettingOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/i18n-context';
import type { AccountColumn } from './account-columns';

/** Which columns show beside the name, and in which order; custom fields are offered like the built-in ones. */
export function ColumnChooser({ all, chosen, onChange }: { all: AccountColumn[]; chosen: string[]; onChange: (keys: string[]) => void }) {
  const t = useT();
  const move = (key: string, by: number) => {
    const next = [...chosen];
    const at = next.indexOf(key);
    const to = at + by;
    if (at < 0 || to < 0 || to >= next.length) return;
    [next[at], next[to]] = [next[to], next[at]];
    onChange(next);
  };
  // Shown columns first in their order, then the others as the list defines them.
  const ordered = [...chosen.flatMap((k) => all.find((c) => c.key === k) ?? []), ...all.filter((c) => !chosen.includes(c.key))];

  const content = (
    <Flex vertical gap={2} style={{ maxHeight: 360, overflowY: 'auto', minWidth: 220 }}>
      <Typography.Text type="secondary" style={{ marginBottom: 4 }}>
        {t('columns.hint')}
      </Typography.Text>
      {ordered.map((c) => {
        const shown = chosen.includes(c.key);
        return (
          <Flex key={c.key} justify="space-between" align="center" gap={8}>
            <Checkbox checked={shown} onChange={(e) => onChange(e.target.checked ? [...chosen, c.key] : chosen.filter((k) => k !== c.key))}>
              {c.title}
            </Checkbox>
            {shown && (
              <Flex>
                <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={t('columns.up', { name: c.title })} onClick={() => move(c.key, -1)} />
                <Button size="small" type="text" icon={<ArrowDownOutlined />} aria-label={t('columns.down', { name: c.title })} onClick={() => move(c.key, 1)} />
              </Flex>
            )}
          </Flex>
        );
      })}
    </Flex>
  );

  return (
    <Popover content={content} trigger="click" placement="bottomRight" title={t('columns.title')}>
      <Button icon={<SettingOutlined />}>{t('columns.title')}</Button>
    </Popover>
  );
}
