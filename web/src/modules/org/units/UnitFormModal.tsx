import { useState } from 'react';
import { Form, Input, InputNumber, Modal, Radio } from 'antd';
import { api, call } from '../../../app/api/client';
import type { OrgUnit } from '../../../app/api/schemas';
import { useReportError } from '../../../app/api/report-error';
import { useT } from '../../../app/i18n/i18n-context';

export type UnitFormTarget =
  | { mode: 'create'; parent: OrgUnit; kind: 'branch' | 'department' }
  | { mode: 'edit'; unit: OrgUnit };

interface Values {
  kind: 'branch' | 'department';
  name: string;
  code: string;
  /** null when the field is cleared */
  sortOrder: number | null;
}

/** Create a unit under a parent, or rename one (name, code, order). */
export function UnitFormModal({ target, onDone, onCancel }: { target: UnitFormTarget; onDone: (unit: OrgUnit) => void; onCancel: () => void }) {
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const editing = target.mode === 'edit' ? target.unit : undefined;

  const save = (v: Values) => {
    const fields = { name: v.name.trim(), code: v.code.trim() || null, sortOrder: v.sortOrder ?? 0 };
    return target.mode === 'edit'
      ? call(api.PATCH('/api/v1/org-units/{id}', { params: { path: { id: target.unit.id } }, body: { version: target.unit.version, ...fields } }))
      : call(api.POST('/api/v1/org-units', { body: { parentId: target.parent.id, kind: v.kind, ...fields } }));
  };

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      onDone(await save(v));
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  const title =
    target.mode === 'edit' ? t('unit.edit.title', { name: target.unit.name }) : t('unit.create.title', { parent: target.parent.name });
  return (
    <Modal open title={title} okText={t('common.save')} onOk={() => form.submit()} confirmLoading={saving} onCancel={onCancel} destroyOnHidden>
      <Form
        name="unit"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: target.mode === 'create' ? target.kind : editing?.kind,
          name: editing?.name ?? '',
          code: editing?.code ?? '',
          sortOrder: editing?.sortOrder ?? 0,
        }}
      >
        {target.mode === 'create' && (
          <Form.Item name="kind" label={t('unit.kind')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'branch', label: t('unit.kind.branch') },
                { value: 'department', label: t('unit.kind.department') },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('unit.name')} rules={[{ required: true, whitespace: true, message: t('unit.name.required') }]}>
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item name="code" label={t('unit.code')} extra={t('unit.code.hint')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('unit.sortOrder')} extra={t('unit.sortOrder.hint')}>
          <InputNumber precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
