import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Table, Tag, Typography } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';
import { useLinkLabel } from './MovedCounts';
import { undoMerge, type AccountMerge } from './merge-api';

/** Recent merges in the caller's scope, each with its Undo while that is still possible. */
export default function AccountMergesPage() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const label = useLinkLabel();
  const [busy, setBusy] = useState<string>();
  const { data, loading, reload } = useApi(() => call(api.GET('/api/v1/account-merges', { params: { query: { limit: 100 } } })), []);
  const undo = async (m: AccountMerge) => {
    setBusy(m.id);
    try {
      await undoMerge(m.id);
      void message.success(t('merge.undone'));
      reload();
    } catch (err) {
      report(err);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <>
      <PageHeader title={t('merge.list.title')}>
        <Typography.Text type="secondary">{t('merge.list.text')}</Typography.Text>
      </PageHeader>
      <Card size="small">
        <Table<AccountMerge>
          size="small"
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'when', title: t('merge.list.when'), render: (_, m) => formatDateTime(m.createdAt) },
            { key: 'survivor', title: t('merge.list.survivor'), render: (_, m) => <Link to={`/accounts/${m.survivorId}`}>{m.survivorName}</Link> },
            { key: 'merged', title: t('merge.list.merged'), render: (_, m) => m.merged.map((x) => <div key={x.id}>{m.undoneAt ? <Link to={`/accounts/${x.id}`}>{x.name}</Link> : x.name}</div>) },
            { key: 'moved', title: t('merge.list.moved'), render: (_, m) => m.moved.map((x) => <div key={x.link}>{label(x.link)}: {x.count}</div>) },
            { key: 'by', title: t('merge.list.by'), render: (_, m) => m.createdByName ?? '—' },
            {
              key: 'undo',
              title: '',
              render: (_, m) =>
                m.undoneAt ? (
                  <Tag>{t('merge.list.undone')}</Tag>
                ) : m.canUndo ? (
                  <Button size="small" icon={<UndoOutlined />} loading={busy === m.id} onClick={() => void undo(m)}>
                    {t('merge.undo')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
    </>
  );
}
