import { Alert, Button, Modal, Typography } from 'antd';
import { useT } from '../../app/i18n/i18n-context';
import { formatDateTime } from '../../app/format';

/** The signing secret, shown once after creating a subscription or rotating its secret. */
export function SecretModal({ name, secret, graceUntil, onClose }: { name: string; secret: string; graceUntil?: string | null; onClose: () => void }) {
  const t = useT();
  return (
    <Modal
      open
      title={t('webhook.secret.title', { name })}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={<Button type="primary" onClick={onClose}>{t('otp.done')}</Button>}
    >
      <Alert type="warning" showIcon title={t('webhook.secret.warning')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph code copyable data-testid="webhook-secret" style={{ wordBreak: 'break-all' }}>
        {secret}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('webhook.secret.how')}</Typography.Paragraph>
      {graceUntil && <Typography.Paragraph type="secondary">{t('webhook.secret.graceUntil', { time: formatDateTime(graceUntil) })}</Typography.Paragraph>}
    </Modal>
  );
}
