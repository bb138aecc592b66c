import { Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useSignedIn } from '../../app/auth/auth-context';
import { useT } from '../../app/i18n/i18n-context';

/**
 * Export of a list view: the same query string the list uses (filters, search, sort), streamed by
 * the server as XLSX or CSV. A plain link, so the browser downloads it without holding it in memory.
 */
export function ExportButton({ object, query }: { object: 'accounts' | 'contacts'; query: Record<string, string | undefined> }) {
  const t = useT();
  const { access } = useSignedIn();
  if (!access.can(object === 'accounts' ? 'account' : 'contact', 'export')) return null;
  const href = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, ...extra })) if (v !== undefined && v !== '' && k !== 'cursor' && k !== 'limit') params.set(k, v);
    return `/api/v1/exports/${object}?${params.toString()}`;
  };
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'xlsx', label: <a href={href({ format: 'xlsx' })} download>{t('export.xlsx')}</a> },
          { key: 'csv', label: <a href={href({ format: 'csv' })} download>{t('export.csv')}</a> },
          { key: 'gbk', label: <a href={href({ format: 'csv', encoding: 'gbk' })} download>{t('export.csvGbk')}</a> },
        ],
      }}
    >
      <Button icon={<DownloadOutlined />} data-testid={`export-${object}`}>{t('export.button')}</Button>
    </Dropdown>
  );
}
