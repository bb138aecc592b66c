import { useEffect, useState } from 'react';
import { App, Form, Modal, Select, Typography } from 'antd';
import { api, call } from '../../app/api/client';
import { useReportError } from '../../app/api/report-error';
import { useT } from '../../app/i18n/i18n-context';

interface Option {
  value: string;
  label: string;
}

/** Active people the caller may see, found by name or login; several may be chosen. */
function PeoplePicker({ exclude, value, onChange, id }: { exclude: string; value: string[]; onChange: (ids: string[]) => void; id?: string }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [known, setKnown] = useState<Option[]>([]);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      call(api.GET('/api/v1/users', { params: { query: { q: query || undefined, limit: 20, fields: 'name,login,active' } } }))
        .then((page) => {
          if (!current) return;
          setOptions(page.items.flatMap((u) => (u.id && u.name && u.id !== exclude && u.active !== false ? [{ value: u.id, label: `${u.name} (${u.login ?? ''})` }] : [])));
        })
        .catch(() => current && setOptions([]));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, exclude]);
  const shown = [...known.filter((k) => value.includes(k.value) && !options.some((o) => o.value === k.value)), ...options];
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      options={shown}
      placeholder={t('user.pick')}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      onChange={(ids: string[]) => {
        setKnown((k) => [...k, ...shown.filter((o) => ids.includes(o.value))]);
        onChange(ids);
      }}
      style={{ width: '100%' }}
    />
  );
}

/**
 * A departing rep's whole book — every customer, open deal and open task — to one successor or spread over
 * several, in one server transaction that writes the ownership history.
 */
export function TransferBookModal({ user, onClose, onDone }: { user: { id: string; name: string }; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const [to, setTo] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const ok = async () => {
    setSaving(true);
    try {
      const body = to.length === 1 ? { fromUserId: user.id, toUserId: to[0] } : { fromUserId: user.id, distribution: to };
      const result = await call(api.POST('/api/v1/pool/transfer', { body }));
      void message.success(t('pool.transfer.done', { accounts: result.accounts, opportunities: result.opportunities, tasks: result.tasks }));
      onDone();
    } catch (err) {
      report(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={t('pool.transfer.title', { name: user.name })} onOk={() => void ok()} okButtonProps={{ disabled: !to.length, loading: saving }} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('pool.transfer.text')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('pool.transfer.to')} htmlFor="pool-transfer-to" required>
          <PeoplePicker id="pool-transfer-to" exclude={user.id} value={to} onChange={setTo} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
