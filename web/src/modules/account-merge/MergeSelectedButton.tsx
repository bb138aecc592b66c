import { useNavigate } from 'react-router';
import { Button } from 'antd';
import { MergeCellsOutlined } from '@ant-design/icons';
import { useSignedIn } from '../../app/auth/auth-context';
import { useT } from '../../app/i18n/i18n-context';

/** Bulk action of the accounts list: two or more selected accounts go to the merge page. */
export function MergeSelectedButton({ ids }: { ids: string[] }) {
  const t = useT();
  const { access } = useSignedIn();
  const navigate = useNavigate();
  if (!access.has('accounts.merge') || ids.length < 2) return null;
  return (
    <Button icon={<MergeCellsOutlined />} onClick={() => navigate(`/accounts/merge?ids=${ids.join(',')}`)} data-testid="bulk-merge">
      {t('merge.bulk')}
    </Button>
  );
}
