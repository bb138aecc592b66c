import { App, Button, Flex, Table, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, EditOutlined, InboxOutlined, UndoOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import type { CustomField } from '../../app/api/schemas';
import { useReportError } from '../../app/api/report-error';
import { useI18n } from '../../app/i18n/i18n-context';
import { typeTraits } from './field-types';
import { localized } from './localized';

interface Props {
  objectType: string;
  fields: CustomField[];
  loading: boolean;
  onEdit: (field: CustomField) => void;
  onChanged: () => void;
}

/** An object type's fields in form order: move one up or down, edit, archive or restore it. */
export function CustomFieldsTable({ objectType, fields, loading, onEdit, onChanged }: Props) {
  const { t, locale } = useI18n();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const active = fields.filter((f) => !f.archived).sort((a, b) => a.position - b.position);
  const rows = [...active, ...fields.filter((f) => f.archived)];

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void message.success(done);
      onChanged();
    } catch (err) {
      report(err);
    }
  };

  const move = (field: CustomField, by: number) => {
    const ids = active.map((f) => f.id);
    const at = ids.indexOf(field.id);
    [ids[at], ids[at + by]] = [ids[at + by], ids[at]];
    return run(() => call(api.POST('/api/v1/custom-fields/reorder', { body: { objectType, ids } })), t('common.saved'));
  };

  const archive = (field: CustomField) =>
    modal.confirm({
      title: t('customField.archive.confirm', { name: localized(field.label, locale) }),
      content: t('customField.archive.text'),
      okText: t('customField.archive'),
      okButtonProps: { danger: true },
      onOk: () => run(() => call(api.POST('/api/v1/custom-fields/{id}/archive', { params: { path: { id: field.id } } })), t('customField.archived')),
    });

  return (
    <Table<CustomField>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(f) => (f.archived ? 'kehu-archived-row' : '')}
      columns={[
        {
          key: 'order',
          title: t('customField.order'),
          width: 90,
          render: (_, f) => {
            const at = active.indexOf(f);
            if (at < 0) return null;
            return (
              <Flex>
                <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={at === 0} aria-label={t('customField.moveUpNamed', { name: localized(f.label, locale) })} onClick={() => move(f, -1)} />
                <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={at === active.length - 1} aria-label={t('customField.moveDownNamed', { name: localized(f.label, locale) })} onClick={() => move(f, 1)} />
              </Flex>
            );
          },
        },
        {
          key: 'label',
          title: t('customField.label'),
          render: (_, f) => (
            <div>
              <Typography.Text strong>{localized(f.label, locale)}</Typography.Text>
              <div>
                <Typography.Text type="secondary" code>
                  {f.key}
                </Typography.Text>
              </div>
            </div>
          ),
        },
        { key: 'type', title: t('customField.type'), render: (_, f) => t(typeTraits[f.type].label) },
        { key: 'group', title: t('customField.group'), render: (_, f) => f.group ?? '—' },
        {
          key: 'flags',
          title: t('customField.flags'),
          render: (_, f) => (
            <Flex wrap gap={4}>
              {f.required && <Tag color="red">{t('customField.required')}</Tag>}
              {f.unique && <Tag color="purple">{t('customField.unique')}</Tag>}
              {f.indexed && <Tag color="blue">{t('customField.indexed')}</Tag>}
              {f.archived && <Tag>{t('customField.status.archived')}</Tag>}
            </Flex>
          ),
        },
        {
          key: 'actions',
          title: '',
          render: (_, f) => (
            <Flex gap={4}>
              {!f.archived && f.permissions.update && (
                <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(f)}>
                  {t('common.edit')}
                </Button>
              )}
              {!f.archived && f.permissions.archive && (
                <Button size="small" icon={<InboxOutlined />} onClick={() => archive(f)}>
                  {t('customField.archive')}
                </Button>
              )}
              {f.archived && f.permissions.restore && (
                <Button
                  size="small"
                  icon={<UndoOutlined />}
                  onClick={() => run(() => call(api.POST('/api/v1/custom-fields/{id}/restore', { params: { path: { id: f.id } } })), t('customField.restored'))}
                >
                  {t('customField.restore')}
                </Button>
              )}
            </Flex>
          ),
        },
      ]}
    />
  );
}
