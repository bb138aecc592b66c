import { useState } from 'react';
import { App, Button, Flex, Form, Modal, Typography } from 'antd';
import { DeleteOutlined, TagsOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { api, call } from '../../../app/api/client';
import { useReportError } from '../../../app/api/report-error';
import { useSignedIn } from '../../../app/auth/auth-context';
import { useT } from '../../../app/i18n/i18n-context';
import { MergeSelectedButton } from '../../account-merge/MergeSelectedButton';
import { UserPicker } from '../../org/users/UserPicker';
import { ListInput } from '../form/ListInput';

type Dialog = 'assign' | 'tag' | undefined;

/**
 * What can be done to the selected accounts at once: give them to another owner (assign), add or
 * remove tags (update), move them to the recycle bin (delete). Each appears only with its right.
 */
export function BulkActions({ ids, onDone, onClear }: { ids: string[]; onDone: () => void; onClear: () => void }) {
  const t = useT();
  const { access } = useSignedIn();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const [dialog, setDialog] = useState<Dialog>();
  const [working, setWorking] = useState(false);
  const [assignForm] = Form.useForm<{ ownerId: string }>();
  const [tagForm] = Form.useForm<{ add: string[]; remove: string[] }>();

  const run = async (action: () => Promise<{ updated: number }>, form?: Parameters<typeof report>[1]) => {
    setWorking(true);
    try {
      const { updated } = await action();
      void message.success(t('bulk.done', { n: updated }));
      setDialog(undefined);
      onDone();
    } catch (err) {
      report(err, form);
    } finally {
      setWorking(false);
    }
  };

  const remove = () =>
    modal.confirm({
      title: t('bulk.delete.confirm', { n: ids.length }),
      content: t('bulk.delete.text'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      onOk: () => run(() => call(api.POST('/api/v1/accounts/bulk/delete', { body: { ids } }))),
    });

  return (
    <Flex wrap gap={8} align="center" data-testid="bulk-actions" style={{ padding: '8px 12px', marginBottom: 12, background: '#e6f4ff', borderRadius: 6 }}>
      <Typography.Text strong>{t('bulk.selected', { n: ids.length })}</Typography.Text>
      {access.can('account', 'assign') && (
        <Button icon={<UserSwitchOutlined />} onClick={() => setDialog('assign')}>
          {t('bulk.assign')}
        </Button>
      )}
      {access.can('account', 'update') && (
        <Button icon={<TagsOutlined />} onClick={() => setDialog('tag')}>
          {t('bulk.tag')}
        </Button>
      )}
      {access.can('account', 'delete') && (
        <Button danger icon={<DeleteOutlined />} onClick={remove}>
          {t('common.delete')}
        </Button>
      )}
      <MergeSelectedButton ids={ids} />
      <Button type="link" onClick={onClear}>
        {t('bulk.clear')}
      </Button>

      <Modal
        open={dialog === 'assign'}
        title={t('bulk.assign.title', { n: ids.length })}
        okText={t('bulk.assign')}
        confirmLoading={working}
        onOk={() => assignForm.submit()}
        onCancel={() => setDialog(undefined)}
        destroyOnHidden
      >
        <Form
          name="bulk-assign"
          form={assignForm}
          layout="vertical"
          onFinish={(v) => run(() => call(api.POST('/api/v1/accounts/bulk/assign', { body: { ids, ownerId: v.ownerId } })), assignForm)}
        >
          <Form.Item name="ownerId" label={t('bulk.assign.owner')} extra={t('bulk.assign.hint')} rules={[{ required: true, message: t('bulk.assign.required') }]}>
            <UserPicker />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={dialog === 'tag'}
        title={t('bulk.tag.title', { n: ids.length })}
        okText={t('common.save')}
        confirmLoading={working}
        onOk={() => tagForm.submit()}
        onCancel={() => setDialog(undefined)}
        destroyOnHidden
      >
        <Form
          name="bulk-tag"
          form={tagForm}
          layout="vertical"
          initialValues={{ add: [], remove: [] }}
          onFinish={(v) => run(() => call(api.POST('/api/v1/accounts/bulk/tag', { body: { ids, add: v.add, remove: v.remove } })), tagForm)}
        >
          <Form.Item name="add" label={t('bulk.tag.add')}>
            <ListInput />
          </Form.Item>
          <Form.Item
            name="remove"
            label={t('bulk.tag.remove')}
            dependencies={['add']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, remove: string[]) =>
                  remove.length || (getFieldValue('add') as string[]).length ? Promise.resolve() : Promise.reject(new Error(t('bulk.tag.required'))),
              }),
            ]}
          >
            <ListInput />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
