import { Empty, Spin, Timeline, Typography } from 'antd';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useT } from '../../app/i18n/i18n-context';
import { formatDateTime } from '../../app/format';
import { ChangeList, type FieldNamer } from './ChangeList';
import { eventLabel } from './labels';
import { useNameLookup } from './use-name-lookup';

/**
 * One record's history (who changed what, when), newest first, for anyone who may see the record.
 * `fields` names the fields the dictionary does not know (custom fields) and their values.
 */
export function RecordHistory({ objectType, objectId, fields }: { objectType: string; objectId: string; fields?: FieldNamer }) {
  const t = useT();
  const nameOf = useNameLookup();
  const { data, loading } = useApi(
    async () => (await call(api.GET('/api/v1/history/{objectType}/{objectId}', { params: { path: { objectType, objectId }, query: { limit: 100 } } }))).items,
    [objectType, objectId],
  );

  if (loading) return <Spin />;
  if (!data?.length) return <Empty description={t('history.none')} />;
  return (
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
                <ChangeList objectType={e.objectType} changes={e.changes} nameOf={nameOf} fields={fields} />
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
