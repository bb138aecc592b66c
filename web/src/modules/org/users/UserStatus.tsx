import { Flex, Tag } from 'antd';
import type { User } from '../../../app/api/schemas';
import { useT } from '../../../app/i18n/i18n-context';

export function UserStatus({ user }: { user: User }) {
  const t = useT();
  return (
    <Flex wrap gap={4}>
      {user.active ? <Tag color="green">{t('user.status.active')}</Tag> : <Tag>{t('user.status.inactive')}</Tag>}
      {user.locked && <Tag color="red">{t('user.status.locked')}</Tag>}
      {user.mustChangePassword && <Tag color="orange">{t('user.status.oneTimePassword')}</Tag>}
    </Flex>
  );
}
