import { useState } from 'react';
import { App, Button, Empty, Flex, Popconfirm, Spin, Table, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import type { Attachment } from '../../app/api/schemas';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import { formatBytes, formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { attachmentsUrl, uploadAttachment } from './upload-attachment';

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * A record's files: upload (whoever may change the record), download (whoever may see it), delete.
 * Downloads are plain links: the server sends the file as an attachment with its name.
 */
export function AttachmentsPanel({ recordType, recordId, canUpload }: { recordType: string; recordId: string; canUpload: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const isMobile = useIsMobile();
  const [uploading, setUploading] = useState(0);
  const { data: items = [], loading, reload } = useApi(
    async () => (await call(api.GET('/api/v1/attachments/{recordType}/{recordId}', { params: { path: { recordType, recordId } } }))).items,
    [recordType, recordId],
  );

  const upload = async (file: File) => {
    if (file.size > MAX_BYTES) {
      void message.error(t('attachment.tooLarge', { name: file.name }));
      return;
    }
    setUploading((n) => n + 1);
    try {
      await uploadAttachment(recordType, recordId, file);
      void message.success(t('attachment.uploaded', { name: file.name }));
      reload();
    } catch (err) {
      report(err);
    } finally {
      setUploading((n) => n - 1);
    }
  };

  const remove = async (a: Attachment) => {
    try {
      await call(api.DELETE('/api/v1/attachments/{recordType}/{recordId}/{id}', { params: { path: { recordType, recordId, id: a.id } } }));
      void message.success(t('common.deleted'));
      reload();
    } catch (err) {
      report(err);
    }
  };

  const download = (a: Attachment) => `${attachmentsUrl(recordType, recordId)}/${a.id}`;

  return (
    <>
      {canUpload && (
        <Upload
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            // The file is sent by upload() as the raw body, not by the component's form post.
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={uploading > 0} style={{ marginBottom: 16 }}>
            {t('attachment.upload')}
          </Button>
        </Upload>
      )}
      {loading && !items.length ? (
        <Spin />
      ) : !items.length ? (
        <Empty description={t('attachment.none')} />
      ) : (
        <Table<Attachment>
          rowKey="id"
          size="small"
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'fileName',
              title: t('attachment.fileName'),
              render: (_, a) => (
                <Typography.Link href={download(a)} download={a.fileName} style={{ wordBreak: 'break-all' }}>
                  {a.fileName}
                </Typography.Link>
              ),
            },
            { key: 'size', title: t('attachment.size'), render: (_, a) => formatBytes(a.size) },
            ...(isMobile
              ? []
              : [
                  { key: 'uploadedBy', title: t('attachment.uploadedBy'), render: (_: unknown, a: Attachment) => a.uploadedByName ?? '—' },
                  { key: 'createdAt', title: t('attachment.uploadedAt'), render: (_: unknown, a: Attachment) => formatDateTime(a.createdAt) },
                ]),
            {
              key: 'actions',
              title: '',
              render: (_, a) => (
                <Flex gap={4}>
                  <Button size="small" icon={<DownloadOutlined />} href={download(a)} download={a.fileName} aria-label={t('attachment.download')} />
                  {a.permissions.delete && (
                    <Popconfirm title={t('attachment.delete.confirm', { name: a.fileName })} okButtonProps={{ danger: true }} onConfirm={() => remove(a)}>
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
