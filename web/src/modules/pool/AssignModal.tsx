import { useState } from 'react';
import { Form, Modal } from 'antd';
import { useT } from '../../app/i18n/i18n-context';
import { useReportError } from '../../app/api/report-error';
import { UserPicker } from '../org/users/UserPicker';

/** Picks the person a customer goes to; `assign` does the request (from the pool, or a reassignment). */
export function AssignModal({ name, assign, onDone, onClose }: { name: string; assign: (userId: string) => Promise<unknown>; onDone: () => void; onClose: () => void }) {
  const t = useT();
  const report = useReportError();
  const [userId, setUserId] = useState<string>();
  const [saving, setSaving] = useState(false);
  const ok = async () => {
    if (!userId) return;
    setSaving(true);
    try {
      await assign(userId);
      onDone();
    } catch (err) {
      report(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={t('pool.assign.title', { name })} onOk={ok} okButtonProps={{ disabled: !userId, loading: saving }} onCancel={onClose} destroyOnHidden>
      <Form layout="vertical">
        <Form.Item label={t('pool.assign.pick')} htmlFor="pool-assign-user">
          <UserPicker id="pool-assign-user" value={userId} onChange={setUserId} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
