import { Button, Checkbox, Flex, Form, Input, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../app/i18n/i18n-context';
import type { OptionValues } from './field-form-values';

/**
 * The choices of a select field, in display order. An option records already hold keeps its value
 * and cannot be removed, only archived (hidden from new input, still shown where it is stored).
 */
export function OptionsEditor() {
  const t = useT();
  const form = Form.useFormInstance();
  return (
    <Form.List
      name="options"
      rules={[
        {
          validator: async (_, options: OptionValues[] | undefined) => {
            if (!options?.some((o) => !o.archived)) throw new Error(t('customField.options.required'));
          },
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <Flex vertical gap={8}>
          {fields.map((field, index) => {
            const option = form.getFieldValue(['options', field.name]) as OptionValues | undefined;
            return (
              <Flex key={field.key} gap={6} align="flex-start" wrap data-testid="option-row">
                <Form.Item
                  name={[field.name, 'labelZh']}
                  rules={[{ required: true, whitespace: true, message: t('customField.label.required') }]}
                  style={{ marginBottom: 0, flex: '1 1 120px' }}
                >
                  <Input placeholder={t('customField.label.zh')} aria-label={`${t('customField.option')} ${index + 1} ${t('customField.label.zh')}`} maxLength={60} />
                </Form.Item>
                <Form.Item name={[field.name, 'labelEn']} style={{ marginBottom: 0, flex: '1 1 120px' }}>
                  <Input placeholder={t('customField.label.en')} aria-label={`${t('customField.option')} ${index + 1} ${t('customField.label.en')}`} maxLength={60} />
                </Form.Item>
                <Form.Item name={[field.name, 'value']} style={{ marginBottom: 0, width: 100 }}>
                  <Input placeholder={t('customField.option.value')} disabled={option?.existing} maxLength={60} aria-label={`${t('customField.option')} ${index + 1} ${t('customField.option.value')}`} />
                </Form.Item>
                <Flex gap={2} align="center" style={{ minHeight: 32 }}>
                  <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={t('customField.moveUp')} onClick={() => move(index, index - 1)} />
                  <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === fields.length - 1} aria-label={t('customField.moveDown')} onClick={() => move(index, index + 1)} />
                  {option?.existing ? (
                    <Form.Item name={[field.name, 'archived']} valuePropName="checked" style={{ marginBottom: 0 }}>
                      <Checkbox>{t('customField.option.archived')}</Checkbox>
                    </Form.Item>
                  ) : (
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                  )}
                </Flex>
              </Flex>
            );
          })}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ value: '', labelZh: '', labelEn: '', archived: false, existing: false } satisfies OptionValues)}
          >
            {t('customField.option.add')}
          </Button>
          <Form.ErrorList errors={errors} />
          <Typography.Text type="secondary">{t('customField.option.hint')}</Typography.Text>
        </Flex>
      )}
    </Form.List>
  );
}
