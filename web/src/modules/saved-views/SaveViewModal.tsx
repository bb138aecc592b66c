import { useState } from 'react';
import { Form, Input, Modal, Radio } from 'antd';
import { api, call } from '../../app/api/client';
import type { SavedView } from '../../app/api/schemas';
import { useReportError } from '../../app/api/report-error';
import { useSignedIn } from '../../app/auth/auth-context';
import { useT } from '../../app/i18n/i18n-context';
import type { ViewContent } from './view-content';

interface Values {
  name: string;
  sharing: SavedView['sharing'];
}

/** Saves the list as it is now as a new view: a name and who else sees it. */
export function SaveViewModal({ objectType, content, onSaved, onCancel }: { objectType: string; content: ViewContent; onSaved: (view: SavedView) => void; onCancel: () => void }) {
  const t = useT();
  const { access } = useSignedIn();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      onSaved(await call(api.POST('/api/v1/saved-views', { body: { objectType, name: v.name.trim(), sharing: v.sharing, ...content } })));
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={t('view.saveAs')} okText={t('common.save')} onOk={() => form.submit()} confirmLoading={saving} onCancel={onCancel} destroyOnHidden>
      <Form name="saved-view" form={form} layout="vertical" initialValues={{ name: '', sharing: 'personal' }} onFinish={submit}>
        <Form.Item name="name" label={t('view.name')} rules={[{ required: true, whitespace: true, message: t('view.name.required') }]}>
          <Input maxLength={60} autoFocus />
        </Form.Item>
        <Form.Item name="sharing" label={t('view.sharing')}>
          <Radio.Group
            options={[
              { value: 'personal', label: t('view.sharing.personal') },
              { value: 'shared_with_unit', label: t('view.sharing.shared_with_unit') },
              // Publishing a view to the whole company is curated: it takes views.manage_shared.
              ...(access.has('views.manage_shared') ? [{ value: 'shared_with_all', label: t('view.sharing.shared_with_all') }] : []),
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
