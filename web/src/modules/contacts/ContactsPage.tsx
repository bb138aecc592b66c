import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Flex, Input, Table, TreeSelect, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { PlusOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import type { ContactListQuery, ContactRow } from '../../app/api/schemas';
import { useCursorList } from '../../app/api/use-cursor-list';
import { useSignedIn } from '../../app/auth/auth-context';
import { formatDateTime, formatPhone } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { ListCountText } from '../../app/shell/ListCountText';
import { PageHeader } from '../../app/shell/PageHeader';
import { ExportButton } from '../imports/ExportButton';
import { unitOptions } from '../org/units/unit-tree';
import { useUnits } from '../org/units/use-units';
import { UserPicker } from '../org/users/UserPicker';
import { AccountLinks, ContactCards } from './ContactCards';
import { ContactDrawer } from './ContactDrawer';
import { VCardButtons } from './vcard/VCardButtons';

type Sort = NonNullable<ContactListQuery['sort']>;
const sorts: Sort[] = ['name', 'createdAt', 'updatedAt'];
const fields = 'name,title,department,phones,emails,accounts,ownerName,unitName,updatedAt';

/** Contacts in the user's scope: search by name, pinyin, phone or e-mail, filter by owner and unit. */
export default function ContactsPage() {
  const t = useT();
  const { access } = useSignedIn();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const ownerId = params.get('ownerId') ?? undefined;
  const unitId = params.get('unitId') ?? undefined;
  const sort = sorts.find((s) => s === params.get('sort'));
  const order = params.get('order') === 'asc' ? 'asc' : params.get('order') === 'desc' ? 'desc' : undefined;
  const [search, setSearch] = useState(q);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const { data: units = [] } = useUnits();
  const unitTree = useMemo(() => unitOptions(units), [units]);
  useEffect(() => setSearch(q), [q]);

  const set = (patch: Record<string, string | undefined>) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });

  const list = useCursorList<ContactRow>(
    (cursor) =>
      call(api.GET('/api/v1/contacts', { params: { query: { cursor, limit: 50, q: q || undefined, ownerId, unitId, sort, order, fields, count: cursor ? 'false' : 'true' } } })),
    [q, ownerId, unitId, sort, order],
  );
  useEffect(() => setSelected([]), [q, ownerId, unitId, sort, order]);
  // Rows are selected to export them as vCards.
  const selectable = !isMobile && access.can('contact', 'export');

  const sortOrder = (field: Sort): SortOrder | undefined =>
    (sort ?? 'updatedAt') === field ? ((order ?? (field === 'name' ? 'asc' : 'desc')) === 'asc' ? 'ascend' : 'descend') : null;
  const width = isMobile ? '100%' : 200;

  const table = (
    <Table<ContactRow>
      rowKey={(c) => c.id ?? ''}
      size="middle"
      loading={list.loading}
      dataSource={list.items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      showSorterTooltip={false}
      rowSelection={selectable ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) } : undefined}
      onChange={(_p, _f, sorter, extra) => {
        if (extra.action !== 'sort' || Array.isArray(sorter)) return;
        const field = sorts.find((s) => s === sorter.columnKey);
        set({ sort: sorter.order ? field : undefined, order: sorter.order ? (sorter.order === 'ascend' ? 'asc' : 'desc') : undefined });
      }}
      columns={[
        {
          key: 'name',
          title: t('contact.name'),
          sorter: true,
          sortOrder: sortOrder('name'),
          render: (_, c) => (
            <div>
              <Link to={`/contacts/${c.id}`}>
                <Typography.Text strong style={{ color: 'inherit' }}>
                  {c.name}
                </Typography.Text>
              </Link>
              {(c.title || c.department) && (
                <div>
                  <Typography.Text type="secondary">{[c.title, c.department].filter(Boolean).join(' · ')}</Typography.Text>
                </div>
              )}
            </div>
          ),
        },
        { key: 'accounts', title: t('contact.accounts'), render: (_, c) => <AccountLinks c={c} /> },
        { key: 'phones', title: t('contact.phones'), render: (_, c) => c.phones?.map(formatPhone).join(', ') || '—' },
        { key: 'emails', title: t('contact.emails'), render: (_, c) => c.emails?.join(', ') || '—' },
        { key: 'owner', title: t('contact.owner'), render: (_, c) => c.ownerName ?? '—' },
        { key: 'unit', title: t('contact.unit'), render: (_, c) => c.unitName ?? '—' },
        { key: 'updatedAt', title: t('common.updatedAt'), sorter: true, sortOrder: sortOrder('updatedAt'), render: (_, c) => formatDateTime(c.updatedAt) },
      ]}
    />
  );

  return (
    <>
      <PageHeader
        title={
          <Flex align="baseline" gap={12} wrap>
            {t('nav.contacts')}
            <ListCountText total={list.total} />
          </Flex>
        }
        extra={
          <>
            <VCardButtons target={{ ids: selected }} canExport={selectable} onImported={list.reload} />
            {!isMobile && <ExportButton object="contacts" query={{ q: q || undefined, ownerId, unitId, sort, order }} />}
            {access.can('contact', 'create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('contact.create')}
              </Button>
            )}
          </>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('contact.search')}
          aria-label={t('contact.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => set({ q: value.trim() || undefined })}
          style={{ width: isMobile ? '100%' : 300 }}
        />
        <UserPicker placeholder={t('contact.owner')} value={ownerId} onChange={(v) => set({ ownerId: v })} style={{ width }} />
        {units.length > 0 && (
          <TreeSelect
            allowClear
            placeholder={t('account.filter.unit')}
            treeData={unitTree}
            treeDefaultExpandAll
            value={unitId}
            onChange={(v?: string) => set({ unitId: v })}
            showSearch={{ treeNodeFilterProp: 'title' }}
            style={{ width }}
          />
        )}
      </Flex>
      {isMobile ? <ContactCards items={list.items} loading={list.loading} /> : table}
      {list.hasMore && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={list.loadMore} loading={list.loading}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
      {creating && (
        <ContactDrawer
          onClose={() => setCreating(false)}
          onSaved={(contact) => {
            setCreating(false);
            navigate(`/contacts/${contact.id}`);
          }}
        />
      )}
    </>
  );
}
