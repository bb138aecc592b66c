import { useState } from 'react';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import { useSignedIn } from '../../app/auth/auth-context';
import { useT } from '../../app/i18n/i18n-context';
import { useRoles } from '../org/roles/use-roles';

interface Values {
  name: string;
  roleId: string | undefined;
  expiresAt: Dayjs | null;
}

/** A key acts with one role its creator holds; the server returns the key once, in this response. */
export function CreateApiKeyModal({ onCreated, onCancel }: { onCreated: (name: string, key: string) => void; onCancel: () => void }) {
  const t = useT();
  const { me } = useSignedIn();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { data: roles = [] } = useRoles();
  const { data: myRoleIds } = useApi(
    async () => (await call(api.GET('/api/v1/users/{id}', { params: { path: { id: me.user.id } } }))).roleIds,
    [me.user.id],
  );
  const options = roles.filter((r) => myRoleIds?.includes(r.id)).map((r) => ({ value: r.id, label: r.name }));

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const { key } = await call(
        api.POST('/api/v1/api-keys', {
          body: { name: v.name.trim(), roleId: v.roleId ?? '', expiresAt: v.expiresAt ? v.expiresAt.endOf('day').toISOString() : null },
        }),
      );
      onCreated(v.name.trim(), key);
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={t('apiKey.create')} okText={t('apiKey.create')} onOk={() => form.submit()} confirmLoading={saving} onCancel={onCancel} destroyOnHidden>
      <Form name="apiKey" form={form} layout="vertical" onFinish={submit} initialValues={{ name: '', roleId: undefined, expiresAt: null }}>
        <Form.Item name="name" label={t('apiKey.name')} extra={t('apiKey.name.hint')} rules={[{ required: true, whitespace: true, message: t('apiKey.name.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="roleId" label={t('apiKey.role')} extra={t('apiKey.role.hint')} rules={[{ required: true, message: t('apiKey.role.required') }]}>
          <Select options={options} loading={!myRoleIds} />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('apiKey.expiresAt')} extra={t('apiKey.expiresAt.hint')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(new Date(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
