import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, Flex } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, call } from '../../../app/api/client';
import type { AccountRow, AccountType, CustomField, SavedView } from '../../../app/api/schemas';
import { useCursorList } from '../../../app/api/use-cursor-list';
import { useSignedIn } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../app/responsive';
import { ListCountText } from '../../../app/shell/ListCountText';
import { PageHeader } from '../../../app/shell/PageHeader';
import { SavedViewBar } from '../../saved-views/SavedViewBar';
import { AccountCards, cardFields } from './AccountCards';
import { accountColumns, defaultColumns, fieldsFor, visibleColumns } from './account-columns';
import { listQuery, paramsFromState, readFilters, stateFromParams, type AccountListState } from './account-list-state';
import { AccountFilterBar } from './AccountFilterBar';
import { AccountsTable } from './AccountsTable';
import { BulkActions } from './BulkActions';
import { ColumnChooser } from './ColumnChooser';
import { ExportButton } from '../../imports/ExportButton';

const PAGE = 50;

/** The list's query as the export wants it: the same filters, search and sort, without paging or field selection. */
const exportQuery = (query: Record<string, unknown>): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(query).filter(([k, v]) => k !== 'fields' && v !== undefined && v !== null).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]));

const fromView = (view: SavedView | null): AccountListState =>
  view
    ? { filters: readFilters((k) => view.filters[k]), sort: view.sort, columns: view.columns.length ? view.columns : undefined, viewId: view.id }
    : { filters: {}, sort: null, columns: undefined, viewId: '' };

interface Props {
  types: AccountType[];
  defs: CustomField[];
  views: SavedView[];
  reloadViews: () => void;
}

/** The list itself: views, filters, columns and sort live in the address; rows are read page by page. */
export function AccountList({ types, defs, views, reloadViews }: Props) {
  const { t, locale } = useI18n();
  const { access } = useSignedIn();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const preferred = views.find((v) => v.isDefault);
  // Nothing in the address: the user's default view, if they chose one.
  const state = useMemo(() => ([...params.keys()].length || !preferred ? stateFromParams(params) : fromView(preferred)), [params, preferred]);
  const setState = (next: AccountListState) => setParams(paramsFromState(next));
  const [selected, setSelected] = useState<string[]>([]);

  const all = useMemo(() => accountColumns(t, locale, types, defs), [t, locale, types, defs]);
  const columns = visibleColumns(all, state.columns);
  const fields = isMobile ? cardFields : fieldsFor(columns);
  const query = listQuery(state, fields, defs);
  const queryKey = JSON.stringify(query);

  const list = useCursorList<AccountRow>(
    (cursor) => call(api.GET('/api/v1/accounts', { params: { query: { ...query, cursor, limit: PAGE, count: cursor ? 'false' : 'true' } } })),
    [queryKey],
  );
  useEffect(() => setSelected([]), [queryKey]);

  const bulkAllowed = !isMobile && (access.can('account', 'assign') || access.can('account', 'update') || access.can('account', 'delete'));
  const content = { filters: { ...state.filters }, columns: state.columns ?? defaultColumns, sort: state.sort };

  return (
    <>
      <PageHeader
        title={
          <Flex align="baseline" gap={12} wrap>
            {t('nav.accounts')}
            <ListCountText total={list.total} />
          </Flex>
        }
        extra={
          <>
            {!isMobile && <ColumnChooser all={all} chosen={columns.map((c) => c.key)} onChange={(keys) => setState({ ...state, columns: keys })} />}
            {!isMobile && <ExportButton object="accounts" query={exportQuery(query)} />}
            {access.can('account', 'create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/accounts/new')}>
                {t('account.create')}
              </Button>
            )}
          </>
        }
      />
      <SavedViewBar
        objectType="account"
        views={views}
        activeId={state.viewId || undefined}
        content={content}
        onApply={(view) => setState(fromView(view))}
        onChanged={reloadViews}
      />
      <AccountFilterBar filters={state.filters} types={types} defs={defs} onChange={(filters) => setState({ ...state, filters })} />
      {bulkAllowed && selected.length > 0 && (
        <BulkActions
          ids={selected}
          onClear={() => setSelected([])}
          onDone={() => {
            setSelected([]);
            list.reload();
          }}
        />
      )}
      {isMobile ? (
        <AccountCards items={list.items} types={types} loading={list.loading} />
      ) : (
        <AccountsTable
          items={list.items}
          columns={columns}
          loading={list.loading}
          sort={state.sort}
          onSort={(sort) => setState({ ...state, sort })}
          selection={bulkAllowed ? { keys: selected, onChange: setSelected } : undefined}
        />
      )}
      {list.hasMore && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={list.loadMore} loading={list.loading}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </>
  );
}
