import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useT } from '../../../app/i18n/i18n-context';

/**
 * The only time anyone sees a generated password: it must be copied now. Closing takes an explicit
 * click so a stray tap outside cannot lose it.
 */
export function OneTimePasswordModal({ login, name, password, onClose }: { login: string; name: string; password: string; onClose: () => void }) {
  const t = useT();
  return (
    <Modal
      open
      title={t('otp.title', { name })}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('otp.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('otp.warning')} style={{ marginBottom: 16 }} />
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'login', label: t('user.login'), children: <Typography.Text copyable>{login}</Typography.Text> },
          {
            key: 'password',
            label: t('otp.password'),
            children: (
              <Typography.Text code copyable data-testid="one-time-password" style={{ fontSize: 16 }}>
                {password}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Modal>
  );
}
