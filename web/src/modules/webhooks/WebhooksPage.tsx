import { useState } from 'react';
import { App, Button, Dropdown, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { MoreOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import { useT } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';
import { formatDateTime } from '../../app/format';
import { SecretModal } from './SecretModal';
import { WebhookFormModal } from './WebhookFormModal';
import { ALL_EVENTS, deliveryColors, type Webhook } from './webhooks-api';

/** Administrators subscribe URLs to record events; each row leads to its delivery log. */
export default function WebhooksPage() {
  const t = useT();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const [editing, setEditing] = useState<Webhook | 'new'>();
  const [secret, setSecret] = useState<{ name: string; secret: string; graceUntil?: string | null }>();
  const { data: hooks = [], loading, reload } = useApi(async () => (await call(api.GET('/api/v1/webhooks'))).items, []);

  const act = async (run: () => Promise<unknown>, done?: string) => {
    try {
      await run();
      if (done) void message.success(done);
      reload();
    } catch (err) {
      report(err);
    }
  };
  const path = (w: Webhook) => ({ params: { path: { id: w.id } } });
  const sendTest = (w: Webhook) => act(() => call(api.POST('/api/v1/webhooks/{id}/test', path(w))), t('webhook.test.sent'));
  const toggle = (w: Webhook) => act(() => call(api.PATCH('/api/v1/webhooks/{id}', { ...path(w), body: { version: w.version, active: !w.active } })));
  const remove = (w: Webhook) => act(() => call(api.DELETE('/api/v1/webhooks/{id}', path(w))), t('common.deleted'));
  const rotate = (w: Webhook) =>
    modal.confirm({
      title: t('webhook.rotate'),
      content: t('webhook.rotate.confirm'),
      onOk: () =>
        act(async () => {
          const r = await call(api.POST('/api/v1/webhooks/{id}/rotate-secret', { ...path(w), body: { version: w.version, keepPreviousHours: 24 } }));
          setSecret({ name: w.name, secret: r.secret, graceUntil: r.webhook.previousSecretUntil });
        }),
    });

  return (
    <>
      <PageHeader
        title={t('webhook.title')}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('webhook.add')}</Button>}
      >
        <Typography.Text type="secondary">{t('webhook.intro')}</Typography.Text>
      </PageHeader>
      <Table<Webhook>
        rowKey="id"
        loading={loading}
        dataSource={hooks}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'name', title: t('webhook.name'), render: (_, w) => <Link to={`/webhooks/${w.id}`}>{w.name}</Link> },
          { key: 'url', title: t('webhook.url'), render: (_, w) => <Typography.Text code ellipsis style={{ maxWidth: 280 }}>{w.url}</Typography.Text> },
          {
            key: 'events',
            title: t('webhook.events'),
            render: (_, w) => (w.events.includes(ALL_EVENTS) ? t('webhook.events.all') : t('webhook.events.count', { count: w.events.length })),
          },
          {
            key: 'status',
            title: t('delivery.status'),
            render: (_, w) => (w.active ? <Tag color="green">{t('webhook.status.active')}</Tag> : <Tag>{t('webhook.status.disabled')}</Tag>),
          },
          {
            key: 'last',
            title: t('webhook.lastDelivery'),
            render: (_, w) => (
              <Flex gap={4} wrap>
                {w.lastDelivery ? (
                  <>
                    <Tag color={deliveryColors[w.lastDelivery.status]}>{t(`delivery.status.${w.lastDelivery.status}`)}</Tag>
                    {w.lastDelivery.statusCode !== null && <Typography.Text code>{w.lastDelivery.statusCode}</Typography.Text>}
                    <Typography.Text type="secondary">{formatDateTime(w.lastDelivery.at)}</Typography.Text>
                  </>
                ) : '—'}
                {w.failedDeliveries > 0 && <Tag color="error">{t('webhook.failedCount', { count: w.failedDeliveries })}</Tag>}
                {w.pendingDeliveries > 0 && <Tag color="processing">{t('webhook.pendingCount', { count: w.pendingDeliveries })}</Tag>}
              </Flex>
            ),
          },
          {
            key: 'actions',
            title: '',
            render: (_, w) => (
              <Flex gap={8}>
                <Button size="small" onClick={() => void sendTest(w)} disabled={!w.active}>{t('webhook.test')}</Button>
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: [
                      { key: 'edit', label: t('common.edit'), onClick: () => setEditing(w) },
                      { key: 'toggle', label: t(w.active ? 'webhook.disable' : 'webhook.enable'), onClick: () => void toggle(w) },
                      { key: 'rotate', label: t('webhook.rotate'), onClick: () => rotate(w) },
                    ],
                  }}
                >
                  <Button size="small" icon={<MoreOutlined />} aria-label={t('common.more')} />
                </Dropdown>
                <Popconfirm title={t('webhook.delete.confirm', { name: w.name })} okButtonProps={{ danger: true }} onConfirm={() => remove(w)}>
                  <Button size="small" danger>{t('common.delete')}</Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]}
      />
      {editing && (
        <WebhookFormModal
          webhook={editing === 'new' ? undefined : editing}
          onCancel={() => setEditing(undefined)}
          onSaved={(saved, newSecret) => {
            setEditing(undefined);
            if (newSecret) setSecret({ name: saved.name, secret: newSecret });
            else void message.success(t('common.saved'));
            reload();
          }}
        />
      )}
      {secret && <SecretModal {...secret} onClose={() => setSecret(undefined)} />}
    </>
  );
}
