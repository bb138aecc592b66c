import { useMemo, useState } from 'react';
import { Form, Modal, TreeSelect } from 'antd';
import { api, call } from '../../../app/api/client';
import type { OrgUnit } from '../../../app/api/schemas';
import { useReportError } from '../../../app/api/report-error';
import { useT } from '../../../app/i18n/i18n-context';
import { subtreeIds, unitOptions } from './unit-tree';

/** Moves a unit, with everything below it, under another unit. */
export function MoveUnitModal({ unit, units, onDone, onCancel }: { unit: OrgUnit; units: OrgUnit[]; onDone: (unit: OrgUnit) => void; onCancel: () => void }) {
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<{ parentId: string }>();
  const [saving, setSaving] = useState(false);
  // A unit cannot go under itself or its own descendants; its current parent would change nothing.
  const options = useMemo(() => {
    const blocked = subtreeIds(units, unit.id);
    return unitOptions(units, (u) => blocked.has(u.id) || u.id === unit.parentId);
  }, [units, unit]);

  const submit = async ({ parentId }: { parentId: string }) => {
    setSaving(true);
    try {
      onDone(await call(api.PATCH('/api/v1/org-units/{id}', { params: { path: { id: unit.id } }, body: { version: unit.version, parentId } })));
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={t('unit.move.title', { name: unit.name })} okText={t('unit.move')} onOk={() => form.submit()} confirmLoading={saving} onCancel={onCancel} destroyOnHidden>
      <Form name="moveUnit" form={form} layout="vertical" onFinish={submit} initialValues={{ parentId: undefined }}>
        <Form.Item name="parentId" label={t('unit.move.to')} rules={[{ required: true, message: t('unit.move.required') }]}>
          <TreeSelect treeData={options} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
