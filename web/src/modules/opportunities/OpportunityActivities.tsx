import { useState } from 'react';
import { App, Button, Card, Empty, Flex } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import type { Activity } from '../../app/api/schemas';
import { useApi } from '../../app/api/use-api';
import { useSignedIn } from '../../app/auth/auth-context';
import { useI18n } from '../../app/i18n/i18n-context';
import { ActivityEntry } from '../activities/ActivityEntry';
import { LogActivityDrawer } from '../activities/LogActivityDrawer';
import { useCustomFields } from '../custom-fields/use-custom-fields';

/** The follow-ups about one deal, newest first; a new one is logged here already linked to the deal. */
export function OpportunityActivities({ opportunity, account }: { opportunity: { id: string; name: string }; account: { id: string; name: string } }) {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const { message } = App.useApp();
  const [logging, setLogging] = useState(false);
  const { data: defs = [] } = useCustomFields('activity');
  const list = useApi(() => call(api.GET('/api/v1/activities', { params: { query: { opportunityId: opportunity.id, limit: 20 } } })), [opportunity.id]);
  // Without `fields` the list sends whole activities; the schema is partial only for field selection.
  const items = (list.data?.items ?? []) as Activity[];
  return (
    <Card
      title={t('opp.activities')}
      size="small"
      style={{ marginTop: 16 }}
      extra={access.can('activity', 'create') && (
        <Button size="small" icon={<PlusOutlined />} onClick={() => setLogging(true)} data-testid="opp-log-activity">{t('opp.logActivity')}</Button>
      )}
    >
      {items.length ? (
        <Flex vertical gap={12} data-testid="opp-activities">
          {items.map((a) => <ActivityEntry key={a.id} activity={a} onChanged={list.reload} />)}
        </Flex>
      ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {logging && (
        <LogActivityDrawer
          account={account}
          opportunity={opportunity}
          defs={defs}
          onClose={() => setLogging(false)}
          onSaved={() => {
            setLogging(false);
            void message.success(t('activity.logged'));
            list.reload();
          }}
        />
      )}
    </Card>
  );
}
