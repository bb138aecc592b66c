import { useEffect, useState } from 'react';
import { App, Button, Descriptions, Flex, Select, Spin, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useCursorList } from '../../app/api/use-cursor-list';
import { useReportError } from '../../app/api/report-error';
import { useT } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';
import { formatDateTime } from '../../app/format';
import { deliveryColors, type Delivery, type DeliveryStatus } from './webhooks-api';

/** The payload as sent and every attempt with the receiver's answer, loaded when a row opens. */
function DeliveryDetail({ id }: { id: string }) {
  const t = useT();
  const { data } = useApi(async () => call(api.GET('/api/v1/webhook-deliveries/{id}', { params: { path: { id } } })), [id]);
  if (!data) return <Spin size="small" />;
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{t('delivery.attemptLog')}</Typography.Text>
      {data.attemptLog.map((a) => (
        <Descriptions key={a.attempt} size="small" bordered column={{ xs: 1, md: 4 }} data-testid="delivery-attempt">
          <Descriptions.Item label={t('delivery.attempt', { n: a.attempt })}>{formatDateTime(a.startedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('delivery.code')}>{a.statusCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('delivery.duration')}>{a.durationMs} ms</Descriptions.Item>
          <Descriptions.Item label={t('delivery.error')}>{a.error ?? '—'}</Descriptions.Item>
          {a.responseBody && (
            <Descriptions.Item label={t('delivery.response')} span={4}>
              <Typography.Text code style={{ wordBreak: 'break-all' }}>{a.responseBody}</Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
      ))}
      <Typography.Text strong>{t('delivery.payload')}</Typography.Text>
      <pre style={{ margin: 0, maxHeight: 320, overflow: 'auto', fontSize: 12, background: 'rgba(0,0,0,0.03)', padding: 8 }}>
        {JSON.stringify(data.payload, null, 2)}
      </pre>
    </Flex>
  );
}

/** One subscription's delivery log: status, response code and attempts; replay one or all failed. */
export default function WebhookDeliveriesPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const report = useReportError();
  const [status, setStatus] = useState<DeliveryStatus>();
  const { data: hook, reload: reloadHook } = useApi(async () => call(api.GET('/api/v1/webhooks/{id}', { params: { path: { id } } })), [id]);
  const list = useCursorList(
    async (cursor) => call(api.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id }, query: { cursor, status, limit: 50 } } })),
    [id, status],
  );
  const { reload } = list;

  // While something is on its way, look again every few seconds: sending happens in the background.
  const pending = list.items.some((d) => d.status === 'pending' && (!d.nextAttemptAt || Date.parse(d.nextAttemptAt) - Date.now() < 60_000));
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(reload, 3000);
    return () => clearInterval(timer);
  }, [pending, reload]);

  const act = async <R,>(run: () => Promise<R>, done: (result: R) => string) => {
    try {
      void message.success(done(await run()));
      reload();
      reloadHook();
    } catch (err) {
      report(err);
    }
  };
  const path = { params: { path: { id } } };

  return (
    <>
      <PageHeader
        title={<>{t('webhook.deliveries')} · {hook?.name ?? ''}</>}
        extra={
          <>
            <Link to="/webhooks"><Button icon={<ArrowLeftOutlined />}>{t('webhook.back')}</Button></Link>
            <Button icon={<ReloadOutlined />} onClick={reload} aria-label={t('delivery.refresh')} />
            <Button disabled={!hook?.active} onClick={() => void act(() => call(api.POST('/api/v1/webhooks/{id}/test', path)), () => t('webhook.test.sent'))}>
              {t('webhook.test')}
            </Button>
            <Button
              disabled={!hook?.active || !hook.failedDeliveries}
              onClick={() => void act(
                () => call(api.POST('/api/v1/webhooks/{id}/replay-failed', path)),
                (r) => t('webhook.replayFailed.done', { count: r.count }),
              )}
            >
              {t('webhook.replayFailed')}
            </Button>
          </>
        }
      >
        {hook && (
          <Flex gap={8} wrap align="center">
            {hook.active ? <Tag color="green">{t('webhook.status.active')}</Tag> : <Tag>{t('webhook.status.disabled')}</Tag>}
            <Typography.Text code>{hook.url}</Typography.Text>
          </Flex>
        )}
      </PageHeader>
      <Flex style={{ marginBottom: 12 }}>
        <Select<DeliveryStatus | undefined>
          allowClear
          placeholder={t('delivery.filter.all')}
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={(['pending', 'delivered', 'failed'] as const).map((s) => ({ value: s, label: t(`delivery.status.${s}`) }))}
        />
      </Flex>
      <Table<Delivery>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('delivery.empty') }}
        expandable={{ expandedRowRender: (d) => <DeliveryDetail id={d.id} /> }}
        columns={[
          { key: 'createdAt', title: t('delivery.createdAt'), render: (_, d) => formatDateTime(d.createdAt) },
          { key: 'event', title: t('delivery.event'), render: (_, d) => <Typography.Text code>{d.event}</Typography.Text> },
          { key: 'object', title: t('delivery.object'), render: (_, d) => d.object.label ?? d.object.id ?? '—' },
          {
            key: 'status',
            title: t('delivery.status'),
            render: (_, d) => <Tag color={deliveryColors[d.status]} data-testid="delivery-status">{t(`delivery.status.${d.status}`)}</Tag>,
          },
          { key: 'code', title: t('delivery.code'), render: (_, d) => d.lastStatusCode ?? (d.lastError ? <Typography.Text type="danger">{d.lastError}</Typography.Text> : '—') },
          { key: 'attempts', title: t('delivery.attempts'), render: (_, d) => <span data-testid="delivery-attempts">{d.attempts}</span> },
          { key: 'duration', title: t('delivery.duration'), render: (_, d) => (d.lastDurationMs === null ? '—' : `${d.lastDurationMs} ms`) },
          { key: 'next', title: t('delivery.nextAttempt'), render: (_, d) => formatDateTime(d.nextAttemptAt) },
          {
            key: 'actions',
            title: '',
            render: (_, d) => (
              <Button
                size="small"
                disabled={!hook?.active}
                onClick={() => void act(() => call(api.POST('/api/v1/webhook-deliveries/{id}/replay', { params: { path: { id: d.id } } })), () => t('delivery.replayed'))}
              >
                {t('delivery.replay')}
              </Button>
            ),
          },
        ]}
      />
      {list.hasMore && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={list.loadMore}>{t('common.loadMore')}</Button>
        </Flex>
      )}
    </>
  );
}
