import { useState } from 'react';
import { App, Button, Empty, Flex, Select, Spin, Timeline, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import type { Account, TimelineEntry } from '../../app/api/schemas';
import type { FieldNamer } from '../audit-log/ChangeList';
import { useCursorList } from '../../app/api/use-cursor-list';
import { useSignedIn } from '../../app/auth/auth-context';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { ActivityEntry } from '../activities/ActivityEntry';
import { activityKinds, kindOf } from '../activities/activity-kinds';
import { LogActivityDrawer } from '../activities/LogActivityDrawer';
import { useCustomFields } from '../custom-fields/use-custom-fields';
import { OpportunityEntry } from '../opportunities/OpportunityEntry';
import { ChangeEntry } from './ChangeEntry';

type EntryType = TimelineEntry['type'];

/**
 * Everything that happened with a customer, newest first: follow-ups and changes to the record and
 * its contacts, filterable by type, read page by page. A follow-up is logged right here.
 */
export function AccountTimeline({ account, fields }: { account: Account; fields?: FieldNamer }) {
  const t = useT();
  const { access } = useSignedIn();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [types, setTypes] = useState<EntryType[]>([]);
  const [logging, setLogging] = useState(false);
  const { data: defs = [] } = useCustomFields('activity');
  const list = useCursorList<TimelineEntry>(
    (cursor) =>
      call(api.GET('/api/v1/accounts/{id}/timeline', { params: { path: { id: account.id }, query: { cursor, limit: 30, type: types.length ? types.join(',') : undefined } } })),
    [account.id, types.join(',')],
  );

  const typeOptions = [
    ...activityKinds.map((k) => ({ value: k.kind, label: t(k.label) })),
    { value: 'change' as const, label: t('timeline.changes') },
    ...(access.can('opportunity', 'read') ? [{ value: 'opportunity' as const, label: t('nav.opportunities') }] : []),
  ];

  return (
    <>
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 16 }}>
        <Select
          mode="multiple"
          allowClear
          placeholder={t('timeline.allTypes')}
          aria-label={t('timeline.filter')}
          options={typeOptions}
          value={types}
          onChange={(v: EntryType[]) => setTypes(v)}
          style={{ width: isMobile ? '100%' : 320 }}
        />
        {access.can('activity', 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setLogging(true)}>
            {t('activity.log')}
          </Button>
        )}
      </Flex>
      {list.loading && !list.items.length ? (
        <Spin />
      ) : !list.items.length ? (
        <Empty description={t('timeline.none')} />
      ) : (
        <Timeline
          items={list.items.map((e) => ({
            key: e.id,
            color: e.activity ? kindOf(e.activity.kind).color : 'gray',
            content: (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at)}
                </Typography.Text>
                {e.activity && <ActivityEntry activity={e.activity} onChanged={list.reload} />}
                {e.change && <ChangeEntry change={e.change} fields={fields} />}
                {e.opportunity && <OpportunityEntry entry={e.opportunity} />}
              </div>
            ),
          }))}
        />
      )}
      {list.hasMore && (
        <Flex justify="center">
          <Button onClick={list.loadMore} loading={list.loading}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
      {logging && (
        <LogActivityDrawer
          account={account}
          defs={defs}
          onClose={() => setLogging(false)}
          onSaved={() => {
            setLogging(false);
            void message.success(t('activity.logged'));
            list.reload();
          }}
        />
      )}
    </>
  );
}
