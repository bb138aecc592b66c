import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Modal, Select } from 'antd';
import { MergeCellsOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import type { Account } from '../../app/api/schemas';
import { useSignedIn } from '../../app/auth/auth-context';
import { useT } from '../../app/i18n/i18n-context';

/** "Merge with…" on an account page: pick the duplicates, then compare them on the merge page. */
export function MergeWithButton({ account }: { account: Account }) {
  const t = useT();
  const { access } = useSignedIn();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);

  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => {
      void call(api.GET('/api/v1/accounts', { params: { query: { q: q || account.name.slice(0, 4), limit: 20, fields: 'name', count: 'false' } } })).then(
        (page) => setOptions(page.items.filter((a) => a.id !== account.id).map((a) => ({ value: a.id!, label: a.name ?? a.id! }))),
        () => undefined,
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [q, open, account.id, account.name]);

  if (!access.has('accounts.merge') || !account.permissions.update) return null;
  return (
    <>
      <Button icon={<MergeCellsOutlined />} onClick={() => setOpen(true)} data-testid="merge-with">
        {t('merge.withOther')}
      </Button>
      <Modal
        open={open}
        title={t('merge.withOtherTitle', { name: account.name })}
        okText={t('merge.continue')}
        okButtonProps={{ disabled: !picked.length }}
        onOk={() => navigate(`/accounts/merge?ids=${[account.id, ...picked].join(',')}`)}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Select
          mode="multiple"
          style={{ width: '100%' }}
          showSearch={{ filterOption: false, onSearch: setQ }}
          placeholder={t('merge.search')}
          value={picked}
          onChange={setPicked}
          options={options}
          data-testid="merge-with-picker"
        />
      </Modal>
    </>
  );
}
