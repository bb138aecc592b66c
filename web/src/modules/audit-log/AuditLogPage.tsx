import { useState } from 'react';
import { Button, DatePicker, Flex, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, call } from '../../app/api/client';
import type { AuditEvent, AuditQuery } from '../../app/api/schemas';
import { useCursorList } from '../../app/api/use-cursor-list';
import { useSignedIn } from '../../app/auth/auth-context';
import { useT } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { PageHeader } from '../../app/shell/PageHeader';
import { formatDateTime } from '../../app/format';
import { useCatalog } from '../org/roles/use-catalog';
import { UserPicker } from '../org/users/UserPicker';
import { ChangeList } from './ChangeList';
import { auditActions, eventLabel, extraObjectTypes, objectLabel } from './labels';
import { useNameLookup } from './use-name-lookup';

type Filters = Pick<AuditQuery, 'objectType' | 'action' | 'actorUserId'> & { range?: [Dayjs, Dayjs] };

const eventColor = (action: string) =>
  action === 'delete' || action === 'revoke' || action === 'login_locked' ? 'red'
    : action === 'create' || action === 'restore' ? 'green'
      : action === 'update' ? 'blue'
        : 'default';

export default function AuditLogPage() {
  const t = useT();
  const { access } = useSignedIn();
  const isMobile = useIsMobile();
  const nameOf = useNameLookup();
  const { data: catalog } = useCatalog();
  const [filters, setFilters] = useState<Filters>({});
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  const list = useCursorList<AuditEvent>(
    (cursor) =>
      call(
        api.GET('/api/v1/audit-events', {
          params: {
            query: {
              cursor,
              limit: 50,
              objectType: filters.objectType,
              action: filters.action,
              actorUserId: filters.actorUserId,
              from: filters.range?.[0].startOf('day').toISOString(),
              to: filters.range?.[1].endOf('day').toISOString(),
            },
          },
        }),
      ),
    [filters],
  );

  const objectOptions = [
    ...(catalog?.objects ?? []).map((o) => ({ value: o.type, label: o.label })),
    ...extraObjectTypes.map((type) => ({ value: type, label: objectLabel(t, type) })),
  ];
  const filterWidth = isMobile ? '100%' : 180;

  return (
    <>
      <PageHeader title={t('nav.auditLog')} />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('audit.objectType')}
          options={objectOptions}
          value={filters.objectType}
          onChange={(objectType?: string) => set({ objectType })}
          style={{ width: filterWidth }}
        />
        <Select
          allowClear
          placeholder={t('audit.action')}
          options={auditActions.map((a) => ({ value: a, label: eventLabel(t, a) }))}
          value={filters.action}
          onChange={(action?: string) => set({ action })}
          style={{ width: filterWidth }}
        />
        {access.can('user', 'read') && (
          <UserPicker placeholder={t('audit.actor')} value={filters.actorUserId} onChange={(actorUserId) => set({ actorUserId })} style={{ width: filterWidth }} />
        )}
        <DatePicker.RangePicker
          value={filters.range}
          onChange={(range) => set({ range: range?.[0] && range[1] ? [range[0], range[1]] : undefined })}
          style={{ width: isMobile ? '100%' : 260 }}
        />
      </Flex>
      <Table<AuditEvent>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (e) => <ChangeList objectType={e.objectType} changes={e.changes} nameOf={nameOf} />,
          rowExpandable: (e) => !!e.changes && Object.keys(e.changes).length > 0,
        }}
        columns={[
          { key: 'occurredAt', title: t('audit.time'), render: (_, e) => formatDateTime(e.occurredAt), width: 150 },
          {
            key: 'actor',
            title: t('audit.actor'),
            render: (_, e) => e.actorName ?? (e.actorApiKeyId ? t('audit.apiKey') : t('audit.system')),
          },
          { key: 'action', title: t('audit.action'), render: (_, e) => <Tag color={eventColor(e.action)}>{eventLabel(t, e.action)}</Tag> },
          {
            key: 'object',
            title: t('audit.object'),
            render: (_, e) => (
              <span>
                <Typography.Text type="secondary">{objectLabel(t, e.objectType)}</Typography.Text> {e.objectLabel}
              </span>
            ),
          },
          {
            key: 'ip',
            title: t('audit.ip'),
            render: (_, e) => (typeof e.context?.ip === 'string' ? e.context.ip : '—'),
          },
        ]}
      />
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
