import { useMemo, useState } from 'react';
import { AutoComplete, Button, Checkbox, Col, Drawer, Flex, Form, Input, Row, Select } from 'antd';
import { api, call } from '../../app/api/client';
import type { CustomField } from '../../app/api/schemas';
import { useReportError } from '../../app/api/report-error';
import { useT } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { CustomFieldInput } from './CustomFieldInput';
import { createBody, draftDefinition, toFormValues, updateBody, type FieldFormValues } from './field-form-values';
import { fieldTypes, indexable, isSelect, typeTraits } from './field-types';
import { OptionsEditor } from './OptionsEditor';

interface Props {
  objectType: string;
  /** undefined adds a field */
  field?: CustomField;
  /** section names already in use, offered for the group */
  groups: string[];
  onSaved: (field: CustomField) => void;
  onClose: () => void;
}

/**
 * Adds or edits a custom field. Key and type are fixed once created (records store values under the
 * key, in the type's form); everything else may change at any time without touching the records.
 */
export function FieldDrawer({ objectType, field, groups, onSaved, onClose }: Props) {
  const t = useT();
  const isMobile = useIsMobile();
  const report = useReportError();
  const [form] = Form.useForm<FieldFormValues>();
  const [saving, setSaving] = useState(false);
  const initial = useMemo(() => toFormValues(field), [field]);
  const type = Form.useWatch('type', form) ?? initial.type;
  const options = Form.useWatch('options', form) ?? initial.options;
  const unique = Form.useWatch('unique', form) ?? initial.unique;
  const traits = typeTraits[type];
  const draft = draftDefinition(field, { type, options });

  const submit = async (v: FieldFormValues) => {
    setSaving(true);
    try {
      onSaved(
        field
          ? await call(api.PATCH('/api/v1/custom-fields/{id}', { params: { path: { id: field.id } }, body: updateBody(field, v) }))
          : await call(api.POST('/api/v1/custom-fields', { body: createBody(objectType, v) })),
      );
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      title={field ? t('customField.edit.title', { name: field.label['zh-CN'] }) : t('customField.create.title')}
      size={isMobile ? '100%' : 620}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form
        name="custom-field"
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        // A default of the old type means nothing to the new one.
        onValuesChange={(changed: Partial<FieldFormValues>) => changed.type && form.setFieldValue('defaultValue', undefined)}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="labelZh" label={t('customField.label.zh')} rules={[{ required: true, whitespace: true, message: t('customField.label.required') }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="labelEn" label={t('customField.label.en')} extra={t('customField.label.en.hint')}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="key"
              label={t('customField.key')}
              extra={field ? t('customField.key.fixed') : t('customField.key.hint')}
              rules={[
                { required: true, message: t('customField.key.required') },
                { pattern: /^[a-z][a-z0-9_]{0,29}$/, message: t('reason.fieldKey') },
              ]}
            >
              <Input disabled={!!field} maxLength={30} autoCapitalize="off" style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="type" label={t('customField.type')} extra={field ? t('customField.type.fixed') : undefined}>
              <Select disabled={!!field} options={fieldTypes.map((ft) => ({ value: ft, label: t(typeTraits[ft].label) }))} />
            </Form.Item>
          </Col>
        </Row>
        {isSelect(type) && (
          <Form.Item label={t('customField.options')} required>
            <OptionsEditor />
          </Form.Item>
        )}
        <Form.Item label={t('customField.flags')} extra={t('customField.flags.hint')}>
          <Flex wrap gap={16}>
            <Form.Item name="required" valuePropName="checked" noStyle>
              <Checkbox>{t('customField.required')}</Checkbox>
            </Form.Item>
            {traits.unique && (
              <Form.Item name="unique" valuePropName="checked" noStyle>
                <Checkbox>{t('customField.unique')}</Checkbox>
              </Form.Item>
            )}
            {indexable(type) && (
              <Form.Item name="indexed" valuePropName="checked" noStyle>
                <Checkbox>{t('customField.indexed')}</Checkbox>
              </Form.Item>
            )}
          </Flex>
        </Form.Item>
        {!unique && (
          <Form.Item name="defaultValue" label={t('customField.defaultValue')} extra={t('customField.defaultValue.hint')}>
            <CustomFieldInput def={draft} />
          </Form.Item>
        )}
        <Form.Item name="group" label={t('customField.group')} extra={t('customField.group.hint')}>
          <AutoComplete options={groups.map((g) => ({ value: g }))} maxLength={60} showSearch={{ filterOption: true }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="helpZh" label={t('customField.help.zh')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="helpEn" label={t('customField.help.en')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
