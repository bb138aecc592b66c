import { useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Form, Input, Modal, Tag } from 'antd';
import { InboxOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useReportError } from '../../app/api/report-error';
import type { Account } from '../../app/api/schemas';
import { useSignedIn } from '../../app/auth/auth-context';
import { useT } from '../../app/i18n/i18n-context';
import { AssignModal } from './AssignModal';
import { assignFromPool, claimFromPool, usePoolSummary } from './pool-api';

/**
 * The account page's pool buttons. A held customer: Release (with a reason, for the history) and
 * Assign. A pool customer: Claim and Assign. After a rep releases a customer it is no longer theirs
 * to open, so the page moves on to the pool.
 */
export function PoolAccountActions({ account, onChanged }: { account: Account; onChanged: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { access, me } = useSignedIn();
  const { message } = App.useApp();
  const report = useReportError();
  const { data: summary } = usePoolSummary([account.ownerId]);
  const [releasing, setReleasing] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  if (!summary) return null;
  const inPool = summary.holderId !== null && account.ownerId === summary.holderId;

  const release = async () => {
    setBusy(true);
    try {
      await call(api.POST('/api/v1/accounts/{id}/release', { params: { path: { id: account.id } }, body: { note: note.trim() || undefined } }));
      void message.success(t('pool.released'));
      setReleasing(false);
      if (access.scope('account') === 'own') navigate('/pool');
      else onChanged();
    } catch (err) {
      report(err);
    } finally {
      setBusy(false);
    }
  };

  const claim = async () => {
    setBusy(true);
    try {
      await claimFromPool(account.id);
      void message.success(t('pool.claimed', { name: account.name }));
      onChanged();
    } catch (err) {
      report(err);
    } finally {
      setBusy(false);
    }
  };

  const assign = (userId: string) =>
    inPool
      ? assignFromPool(account.id, userId)
      : call(api.POST('/api/v1/accounts/bulk/assign', { body: { ids: [account.id], ownerId: userId } }));

  return (
    <>
      {inPool && <Tag color="orange" style={{ alignSelf: 'center', marginInlineEnd: 0 }}>{t('pool.inPool')}</Tag>}
      {inPool && access.can('account', 'update') && (
        <Button type="primary" loading={busy} onClick={() => void claim()}>
          {t('pool.claim')}
        </Button>
      )}
      {!inPool && account.permissions.update && (account.ownerId === me.user.id || account.permissions.assign) && (
        <Button icon={<InboxOutlined />} onClick={() => setReleasing(true)}>
          {t('pool.release')}
        </Button>
      )}
      {account.permissions.assign && (
        <Button icon={<UserSwitchOutlined />} onClick={() => setAssigning(true)}>
          {t('pool.assign')}
        </Button>
      )}
      <Modal
        open={releasing}
        title={t('pool.release.title', { name: account.name })}
        okText={t('pool.release')}
        okButtonProps={{ loading: busy, danger: true }}
        onOk={() => void release()}
        onCancel={() => setReleasing(false)}
        destroyOnHidden
      >
        <p>{t('pool.release.text')}</p>
        <Form layout="vertical">
          <Form.Item label={t('pool.release.note')} htmlFor="pool-release-note">
            <Input.TextArea
              id="pool-release-note"
              rows={3}
              maxLength={500}
              value={note}
              placeholder={t('pool.release.note.placeholder')}
              onChange={(e) => setNote(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
      {assigning && (
        <AssignModal
          name={account.name}
          assign={assign}
          onClose={() => setAssigning(false)}
          onDone={() => {
            setAssigning(false);
            void message.success(t('pool.assigned'));
            onChanged();
          }}
        />
      )}
    </>
  );
}
