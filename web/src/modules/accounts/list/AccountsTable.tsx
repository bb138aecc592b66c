import { Link } from 'react-router';
import { Table, Typography, type TableColumnsType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { AccountRow } from '../../../app/api/schemas';
import { useT } from '../../../app/i18n/i18n-context';
import type { AccountColumn } from './account-columns';
import type { ListSort } from './account-list-state';

interface Props {
  items: AccountRow[];
  columns: AccountColumn[];
  loading: boolean;
  sort: ListSort | null;
  onSort: (sort: ListSort | null) => void;
  /** row selection for bulk actions; absent when the user may do none */
  selection?: { keys: string[]; onChange: (keys: string[]) => void };
}

/** The server's default order when none is chosen: most recently changed first. */
const defaultSort: ListSort = { field: 'updatedAt', order: 'desc' };

/** The accounts table: the name (a link, short name under it) and the chosen columns; sorting happens on the server. */
export function AccountsTable({ items, columns, loading, sort, onSort, selection }: Props) {
  const t = useT();
  const current = sort ?? defaultSort;
  const sortOrder = (field: string | undefined): SortOrder | undefined =>
    field && current.field === field ? (current.order === 'asc' ? 'ascend' : 'descend') : null;

  const tableColumns: TableColumnsType<AccountRow> = [
    {
      key: 'name',
      title: t('account.name'),
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (_, a) => (
        <div style={{ minWidth: 180, maxWidth: 320 }}>
          <Link to={`/accounts/${a.id}`}>
            <Typography.Text strong style={{ color: 'inherit' }}>
              {a.name}
            </Typography.Text>
          </Link>
          {a.shortName && (
            <div>
              <Typography.Text type="secondary">{a.shortName}</Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    ...columns.map((c) => ({
      key: c.key,
      title: c.title,
      sorter: !!c.sortField,
      sortOrder: sortOrder(c.sortField),
      render: (_: unknown, a: AccountRow) => c.render(a),
    })),
  ];

  return (
    <Table<AccountRow>
      rowKey={(a) => a.id ?? ''}
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={tableColumns}
      showSorterTooltip={false}
      rowSelection={selection && { selectedRowKeys: selection.keys, onChange: (keys) => selection.onChange(keys.map(String)), fixed: true }}
      onChange={(_pagination, _filters, sorter, extra) => {
        if (extra.action !== 'sort' || Array.isArray(sorter)) return;
        const field = sorter.columnKey === 'name' ? 'name' : columns.find((c) => c.key === sorter.columnKey)?.sortField;
        onSort(field && sorter.order ? { field, order: sorter.order === 'ascend' ? 'asc' : 'desc' } : null);
      }}
    />
  );
}
