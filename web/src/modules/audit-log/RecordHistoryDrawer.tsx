import { Drawer, Empty, Spin, Timeline, Typography } from 'antd';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useT } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { formatDateTime } from '../../app/format';
import { ChangeList } from './ChangeList';
import { eventLabel } from './labels';
import { useNameLookup } from './use-name-lookup';

/** One record's history (who changed what, when), for anyone who may see the record. */
export function RecordHistoryDrawer({ objectType, objectId, title, onClose }: { objectType: string; objectId: string; title: string; onClose: () => void }) {
  const t = useT();
  const isMobile = useIsMobile();
  const nameOf = useNameLookup();
  const { data, loading } = useApi(
    async () => (await call(api.GET('/api/v1/history/{objectType}/{objectId}', { params: { path: { objectType, objectId }, query: { limit: 100 } } }))).items,
    [objectType, objectId],
  );

  return (
    <Drawer open title={t('history.title', { name: title })} size={isMobile ? '100%' : 560} onClose={onClose} destroyOnHidden>
      {loading ? (
        <Spin />
      ) : !data?.length ? (
        <Empty description={t('history.none')} />
      ) : (
        <Timeline
          items={data.map((e) => ({
            key: e.id,
            content: (
              <div>
                <Typography.Text type="secondary">{formatDateTime(e.occurredAt)} </Typography.Text>
                <Typography.Text strong>{eventLabel(t, e.action)}</Typography.Text>
                <Typography.Text type="secondary"> · {e.actorName ?? (e.actorApiKeyId ? t('audit.apiKey') : t('audit.system'))}</Typography.Text>
                {e.changes && Object.keys(e.changes).length > 0 && (
                  <div style={{ marginTop: 8 }}>
                    <ChangeList objectType={e.objectType} changes={e.changes} nameOf={nameOf} />
                  </div>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
