import { useState } from 'react';
import { Alert, App, Button, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import type { ApiKey } from '../../app/api/schemas';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import { useT } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';
import { formatDate, formatDateTime } from '../../app/format';
import { CreateApiKeyModal } from './CreateApiKeyModal';

function KeyStatus({ apiKey }: { apiKey: ApiKey }) {
  const t = useT();
  if (apiKey.revokedAt) return <Tag>{t('apiKey.status.revoked')}</Tag>;
  if (apiKey.expiresAt && new Date(apiKey.expiresAt) < new Date()) return <Tag color="orange">{t('apiKey.status.expired')}</Tag>;
  return <Tag color="green">{t('apiKey.status.active')}</Tag>;
}

export default function ApiKeysPage() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; key: string }>();
  const { data: keys = [], loading, reload } = useApi(async () => (await call(api.GET('/api/v1/api-keys'))).items, []);

  const revoke = async (k: ApiKey) => {
    try {
      await call(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id: k.id } } }));
      void message.success(t('apiKey.revoked', { name: k.name }));
      reload();
    } catch (err) {
      report(err);
    }
  };

  return (
    <>
      <PageHeader
        title={t('nav.apiKeys')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('apiKey.create')}
          </Button>
        }
      >
        <Typography.Text type="secondary">
          {t('apiKey.intro')} <a href="/api/docs" target="_blank" rel="noreferrer">{t('apiKey.docs')}</a>
        </Typography.Text>
      </PageHeader>
      <Table<ApiKey>
        rowKey="id"
        loading={loading}
        dataSource={keys}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'name', title: t('apiKey.name'), render: (_, k) => <Typography.Text strong>{k.name}</Typography.Text> },
          { key: 'prefix', title: t('apiKey.prefix'), render: (_, k) => <Typography.Text code>{`kehu_${k.prefix}_…`}</Typography.Text> },
          { key: 'role', title: t('apiKey.role'), render: (_, k) => k.roleName ?? '—' },
          { key: 'status', title: t('apiKey.status'), render: (_, k) => <KeyStatus apiKey={k} /> },
          { key: 'createdAt', title: t('common.createdAt'), render: (_, k) => formatDateTime(k.createdAt) },
          { key: 'lastUsedAt', title: t('apiKey.lastUsedAt'), render: (_, k) => formatDateTime(k.lastUsedAt) },
          { key: 'expiresAt', title: t('apiKey.expiresAt'), render: (_, k) => (k.expiresAt ? formatDate(k.expiresAt) : t('apiKey.never')) },
          {
            key: 'actions',
            title: '',
            render: (_, k) =>
              !k.revokedAt && (
                <Popconfirm title={t('apiKey.revoke.confirm', { name: k.name })} okButtonProps={{ danger: true }} onConfirm={() => revoke(k)}>
                  <Button size="small" danger>
                    {t('apiKey.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {creating && (
        <CreateApiKeyModal
          onCancel={() => setCreating(false)}
          onCreated={(name, key) => {
            setCreating(false);
            setCreated({ name, key });
            reload();
          }}
        />
      )}
      {created && (
        <Modal
          open
          title={t('apiKey.created.title', { name: created.name })}
          closable={false}
          mask={{ closable: false }}
          keyboard={false}
          footer={<Button type="primary" onClick={() => setCreated(undefined)}>{t('otp.done')}</Button>}
        >
          <Alert type="warning" showIcon title={t('apiKey.created.warning')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph code copyable data-testid="api-key" style={{ wordBreak: 'break-all' }}>
            {created.key}
          </Typography.Paragraph>
        </Modal>
      )}
    </>
  );
}
