import { Alert, Button, Card, Flex } from 'antd';
import { useAuth } from '../../app/auth/auth-context';
import { useReportError } from '../../app/api/report-error';
import { useT } from '../../app/i18n/i18n-context';
import { Brand } from '../../app/shell/Brand';
import { LocaleSwitch } from '../../app/shell/LocaleSwitch';
import { PasswordForm } from './PasswordForm';

/** Shown instead of every page while the user still signs in with a one-time password. */
export default function ForcedPasswordChangePage() {
  const t = useT();
  const { me, refresh, signOut } = useAuth();
  const report = useReportError();
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: 16 }}>
      <Flex justify="space-between" align="center" style={{ width: '100%', maxWidth: 420 }}>
        <Brand />
        <LocaleSwitch />
      </Flex>
      <Card title={t('password.forced.title')} style={{ width: '100%', maxWidth: 420, marginTop: 24 }}>
        <Alert type="info" showIcon title={t('password.forced.text', { name: me?.user.name ?? '' })} style={{ marginBottom: 16 }} />
        <PasswordForm oneTime onChanged={refresh} />
        <Button type="link" block style={{ marginTop: 8 }} onClick={() => signOut().catch(report)}>
          {t('shell.signOut')}
        </Button>
      </Card>
    </Flex>
  );
}
