import { useState } from 'react';
import { App, Button, Dropdown, Flex, type MenuProps } from 'antd';
import { DeleteOutlined, EditOutlined, HistoryOutlined, KeyOutlined, MoreOutlined, PoweroffOutlined, SwapOutlined } from '@ant-design/icons';
import { api, call } from '../../../app/api/client';
import type { User } from '../../../app/api/schemas';
import { useReportError } from '../../../app/api/report-error';
import { useSignedIn } from '../../../app/auth/auth-context';
import { useT } from '../../../app/i18n/i18n-context';
import { TransferBookModal } from '../../pool/TransferBookModal';

export interface UserActionHandlers {
  onEdit: (user: User) => void;
  onHistory: (user: User) => void;
  onPasswordReset: (user: User, password: string) => void;
  onChanged: () => void;
}

/** Edit plus a "more" menu; each entry appears only where the record's permissions allow it. */
export function UserActions({ user, onEdit, onHistory, onPasswordReset, onChanged }: UserActionHandlers & { user: User }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const report = useReportError();
  const { access, me } = useSignedIn();
  const [transferring, setTransferring] = useState(false);

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void message.success(done);
      onChanged();
    } catch (err) {
      report(err);
    }
  };

  const resetPassword = () =>
    modal.confirm({
      title: t('user.resetPassword.confirm', { name: user.name }),
      content: t('user.resetPassword.text'),
      onOk: async () => {
        try {
          const { oneTimePassword } = await call(api.POST('/api/v1/users/{id}/reset-password', { params: { path: { id: user.id } } }));
          onPasswordReset(user, oneTimePassword);
        } catch (err) {
          report(err);
        }
      },
    });

  const setActive = (active: boolean) =>
    modal.confirm({
      title: t(active ? 'user.activate.confirm' : 'user.deactivate.confirm', { name: user.name }),
      content: active ? undefined : t('user.deactivate.text'),
      okButtonProps: { danger: !active },
      onOk: () =>
        run(
          () => call(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: { version: user.version, active } })),
          t('common.saved'),
        ),
    });

  const remove = () =>
    modal.confirm({
      title: t('user.delete.confirm', { name: user.name }),
      content: t('user.delete.text'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      onOk: () => run(() => call(api.DELETE('/api/v1/users/{id}', { params: { path: { id: user.id } } })), t('common.deleted')),
    });

  const items: MenuProps['items'] = [
    { key: 'history', icon: <HistoryOutlined />, label: t('user.history'), onClick: () => onHistory(user) },
    // A departing rep's customers and open tasks, for whoever may reassign customers.
    ...(access.can('account', 'assign') && user.id !== me.user.id
      ? [{ key: 'transfer', icon: <SwapOutlined />, label: t('pool.transfer'), onClick: () => setTransferring(true) }]
      : []),
    ...(user.permissions.resetPassword ? [{ key: 'reset', icon: <KeyOutlined />, label: t('user.resetPassword'), onClick: resetPassword }] : []),
    // Deactivating yourself is refused by the server; delete permission already excludes yourself.
    ...(user.permissions.update && user.permissions.delete
      ? [{ key: 'active', icon: <PoweroffOutlined />, label: t(user.active ? 'user.deactivate' : 'user.activate'), onClick: () => setActive(!user.active) }]
      : []),
    ...(user.permissions.delete ? [{ key: 'delete', icon: <DeleteOutlined />, danger: true, label: t('common.delete'), onClick: remove }] : []),
  ];

  return (
    <Flex gap={4}>
      {user.permissions.update && (
        <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(user)}>
          {t('common.edit')}
        </Button>
      )}
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button size="small" icon={<MoreOutlined />} aria-label={t('common.more')} />
      </Dropdown>
      {transferring && <TransferBookModal user={user} onClose={() => setTransferring(false)} onDone={() => setTransferring(false)} />}
    </Flex>
  );
}
