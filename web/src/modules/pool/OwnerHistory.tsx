import { Empty, Spin, Timeline, Typography } from 'antd';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import type { MessageKey } from '../../app/i18n/translate';
import type { OwnerChange } from './pool-api';

const reasonColor: Record<OwnerChange['reason'], string> = {
  created: 'green', claimed: 'blue', released: 'gray', returned_by_rule: 'red', assigned: 'blue', transferred: 'purple', merged: 'orange',
};

/** Who held the customer and why it changed hands, newest first (the pool history API). */
export function OwnerHistory({ accountId }: { accountId: string }) {
  const t = useT();
  const { data, loading } = useApi(
    async () => (await call(api.GET('/api/v1/accounts/{id}/owner-history', { params: { path: { id: accountId } } }))).items,
    [accountId],
  );
  if (loading && !data) return <Spin />;
  if (!data?.length) return <Empty description={t('pool.history.empty')} />;
  return (
    <Timeline
      data-testid="owner-history"
      style={{ marginTop: 12 }}
      items={data.map((h) => ({
        color: reasonColor[h.reason],
        children: (
          <>
            <Typography.Text strong>{t(`pool.history.reason.${h.reason}` as MessageKey)}</Typography.Text>
            {' → '}
            {h.toPool ? t('pool.history.toPool') : (h.toOwnerName ?? '—')}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {formatDateTime(h.at)}
            </Typography.Text>
            {h.note && <Typography.Paragraph style={{ margin: 0 }}>{h.note}</Typography.Paragraph>}
          </>
        ),
      }))}
    />
  );
}
