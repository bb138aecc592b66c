import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { App, Button, Card, Empty, Flex, Input, Select, Spin, Table, Tag, TreeSelect, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, call } from '../../../app/api/client';
import type { Role, User, UserListQuery } from '../../../app/api/schemas';
import { useCursorList } from '../../../app/api/use-cursor-list';
import { useSignedIn } from '../../../app/auth/auth-context';
import { useT } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../app/responsive';
import { PageHeader } from '../../../app/shell/PageHeader';
import { formatDateTime } from '../../../app/format';
import { RecordHistoryDrawer } from '../../audit-log/RecordHistoryDrawer';
import { useRoles } from '../roles/use-roles';
import { unitOptions } from '../units/unit-tree';
import { useUnits } from '../units/use-units';
import { isCompleteUser } from './complete-user';
import { OneTimePasswordModal } from './OneTimePasswordModal';
import { UserActions, type UserActionHandlers } from './UserActions';
import { UserDrawer } from './UserDrawer';
import { UserStatus } from './UserStatus';

type Editing = { user?: User } | undefined;

function RoleTags({ user, roles }: { user: User; roles: Map<string, Role> }) {
  return (
    <Flex wrap gap={4}>
      {user.roleIds.map((id) => (
        <Tag key={id} style={{ marginInlineEnd: 0 }}>
          {roles.get(id)?.name ?? '…'}
        </Tag>
      ))}
    </Flex>
  );
}

export default function UsersPage() {
  const t = useT();
  const { me, access } = useSignedIn();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const unitId = params.get('unitId') ?? undefined;
  const active = (params.get('active') ?? undefined) as UserListQuery['active'];
  const [search, setSearch] = useState(q);
  const [editing, setEditing] = useState<Editing>();
  const [history, setHistory] = useState<User>();
  const [oneTime, setOneTime] = useState<{ user: User; password: string }>();
  const { data: units = [] } = useUnits();
  const { data: roles = [] } = useRoles();
  const roleMap = useMemo(() => new Map(roles.map((r) => [r.id, r])), [roles]);
  const unitTree = useMemo(() => unitOptions(units), [units]);

  const setFilter = (name: string, value: string | undefined) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    });

  const list = useCursorList<User>(
    async (cursor) => {
      const page = await call(api.GET('/api/v1/users', { params: { query: { cursor, limit: 50, q: q || undefined, unitId, active } } }));
      return { items: page.items.filter(isCompleteUser), nextCursor: page.nextCursor };
    },
    [q, unitId, active],
  );

  const handlers: UserActionHandlers = {
    onEdit: (user) => setEditing({ user }),
    onHistory: setHistory,
    onPasswordReset: (user, password) => setOneTime({ user, password }),
    onChanged: list.reload,
  };

  const filters = (
    <Flex wrap gap={8} style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={t('user.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onSearch={(value) => setFilter('q', value.trim() || undefined)}
        style={{ width: isMobile ? '100%' : 260 }}
      />
      {units.length > 0 && (
        <TreeSelect
          allowClear
          placeholder={t('user.filter.unit')}
          treeData={unitTree}
          treeDefaultExpandAll
          value={unitId}
          onChange={(v?: string) => setFilter('unitId', v)}
          showSearch={{ treeNodeFilterProp: 'title' }}
          style={{ width: isMobile ? '100%' : 220 }}
        />
      )}
      <Select
        allowClear
        placeholder={t('user.filter.status')}
        value={active}
        onChange={(v?: string) => setFilter('active', v)}
        options={[
          { value: 'true', label: t('user.status.active') },
          { value: 'false', label: t('user.status.inactive') },
        ]}
        style={{ width: isMobile ? '100%' : 140 }}
      />
    </Flex>
  );

  const table = (
    <Table<User>
      rowKey="id"
      size="middle"
      loading={list.loading}
      dataSource={list.items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'name',
          title: t('user.name'),
          render: (_, u) => (
            <div>
              <Typography.Text strong>{u.name}</Typography.Text>
              {u.id === me.user.id && <Tag color="blue" style={{ marginInlineStart: 6 }}>{t('user.you')}</Tag>}
              <div>
                <Typography.Text type="secondary">{u.login}</Typography.Text>
              </div>
            </div>
          ),
        },
        { key: 'unit', title: t('user.unit'), render: (_, u) => u.unitName ?? '—' },
        { key: 'roles', title: t('user.roles'), render: (_, u) => <RoleTags user={u} roles={roleMap} /> },
        { key: 'title', title: t('user.title'), render: (_, u) => u.title ?? '—' },
        { key: 'email', title: t('user.email'), render: (_, u) => u.email ?? '—' },
        { key: 'phone', title: t('user.phone'), render: (_, u) => u.phone ?? '—' },
        { key: 'status', title: t('user.status'), render: (_, u) => <UserStatus user={u} /> },
        { key: 'lastLoginAt', title: t('user.lastLoginAt'), render: (_, u) => formatDateTime(u.lastLoginAt) },
        { key: 'actions', title: '', fixed: 'right', render: (_, u) => <UserActions user={u} {...handlers} /> },
      ]}
    />
  );

  // On a phone a table of nine columns is unreadable; each user becomes a card.
  const cards = (
    <Flex vertical gap={8}>
      {list.items.map((u) => (
        <Card key={u.id} size="small" data-testid="user-card">
          <Flex justify="space-between" align="flex-start" gap={8}>
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong>{u.name}</Typography.Text> <Typography.Text type="secondary">{u.login}</Typography.Text>
              <div>
                <Typography.Text type="secondary">{u.unitName ?? '—'}</Typography.Text>
              </div>
            </div>
            <UserActions user={u} {...handlers} />
          </Flex>
          <Flex wrap gap={4} style={{ marginTop: 8 }}>
            <RoleTags user={u} roles={roleMap} />
            <UserStatus user={u} />
          </Flex>
          {(u.phone || u.email) && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {[u.phone, u.email].filter(Boolean).join(' · ')}
            </Typography.Text>
          )}
        </Card>
      ))}
      {list.loading && <Spin />}
      {!list.loading && !list.items.length && <Empty description={t('common.noResults')} />}
    </Flex>
  );

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        extra={
          access.can('user', 'create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              {t('user.create')}
            </Button>
          )
        }
      />
      {filters}
      {isMobile ? cards : table}
      {list.hasMore && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={list.loadMore} loading={list.loading}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
      {editing && (
        <UserDrawer
          user={editing.user}
          units={units}
          roles={roles}
          defaultUnitId={unitId ?? me.user.unitId}
          onClose={() => setEditing(undefined)}
          onCreated={(user, password) => {
            setEditing(undefined);
            list.reload();
            if (password) setOneTime({ user, password });
            else void message.success(t('common.saved'));
          }}
          onSaved={() => {
            setEditing(undefined);
            list.reload();
            void message.success(t('common.saved'));
          }}
        />
      )}
      {history && <RecordHistoryDrawer objectType="user" objectId={history.id} title={history.name} onClose={() => setHistory(undefined)} />}
      {oneTime && <OneTimePasswordModal login={oneTime.user.login} name={oneTime.user.name} password={oneTime.password} onClose={() => setOneTime(undefined)} />}
    </>
  );
}
