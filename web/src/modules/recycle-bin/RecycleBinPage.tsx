import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Select, Table, Typography } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import type { DeletedRecord } from '../../app/api/schemas';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import { useSignedIn } from '../../app/auth/auth-context';
import { useT } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { PageHeader } from '../../app/shell/PageHeader';
import { formatDateTime } from '../../app/format';
import { objectLabel } from '../audit-log/labels';
import { useCatalog } from '../org/roles/use-catalog';
import { useUserNames } from './use-user-names';

const LIMIT = 200;

export default function RecycleBinPage() {
  const t = useT();
  const { access } = useSignedIn();
  const { message } = App.useApp();
  const report = useReportError();
  const isMobile = useIsMobile();
  const [type, setType] = useState<string>();
  const { data: catalog } = useCatalog();
  const { data: items = [], loading, reload } = useApi(
    async () => (await call(api.GET('/api/v1/recycle-bin', { params: { query: { type, limit: LIMIT } } }))).items,
    [type],
  );
  const deleters = useUserNames(items.map((r) => r.deletedBy));

  const restore = async (r: DeletedRecord) => {
    try {
      await call(api.POST('/api/v1/recycle-bin/{type}/{id}/restore', { params: { path: { type: r.type, id: r.id } } }));
      void message.success(t('bin.restored', { name: r.label }));
      reload();
    } catch (err) {
      report(err);
    }
  };

  return (
    <>
      <PageHeader title={t('nav.recycleBin')}>
        <Typography.Text type="secondary">{t('bin.intro')}</Typography.Text>
      </PageHeader>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('bin.type')}
          value={type}
          onChange={(v?: string) => setType(v)}
          options={(catalog?.objects ?? []).map((o) => ({ value: o.type, label: o.label }))}
          style={{ width: isMobile ? '100%' : 200 }}
        />
      </Flex>
      <Table<DeletedRecord>
        rowKey={(r) => `${r.type}:${r.id}`}
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'label', title: t('bin.record'), render: (_, r) => <Typography.Text strong>{r.label}</Typography.Text> },
          { key: 'type', title: t('bin.type'), render: (_, r) => objectLabel(t, r.type) },
          { key: 'deletedAt', title: t('bin.deletedAt'), render: (_, r) => formatDateTime(r.deletedAt) },
          { key: 'deletedBy', title: t('bin.deletedBy'), render: (_, r) => (r.deletedBy ? (deleters.get(r.deletedBy) ?? '—') : '—') },
          {
            key: 'actions',
            title: '',
            render: (_, r) =>
              // Restoring undoes a delete, so it takes the delete right on that kind of record.
              access.can(r.type, 'delete') && (
                <Popconfirm title={t('bin.restore.confirm', { name: r.label })} onConfirm={() => restore(r)}>
                  <Button size="small" icon={<UndoOutlined />}>
                    {t('bin.restore')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {items.length === LIMIT && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('bin.limited', { n: LIMIT })}
        </Typography.Paragraph>
      )}
    </>
  );
}
