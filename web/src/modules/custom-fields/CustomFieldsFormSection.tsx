import { Col, Form, Row, Typography } from 'antd';
import type { CustomField } from '../../app/api/schemas';
import { useI18n } from '../../app/i18n/i18n-context';
import { CustomFieldInput } from './CustomFieldInput';
import { groupFields, localized } from './localized';

/**
 * The custom fields of a form, in the administrator's order and sections. Values live under
 * `custom.<key>` in the form, so the server's issue on `custom.<key>` lands under its field.
 */
export function CustomFieldsFormSection({ defs, wide = false }: { defs: CustomField[]; wide?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <>
      {groupFields(defs).map(({ group, fields }) => (
        <div key={group ?? ''}>
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            {group ?? t('customField.section')}
          </Typography.Title>
          <Row gutter={16}>
            {fields.map((def) => (
              <Col key={def.key} xs={24} md={wide && def.type !== 'long_text' ? 12 : 24}>
                <Form.Item
                  name={['custom', def.key]}
                  label={localized(def.label, locale)}
                  extra={def.helpText ? localized(def.helpText, locale) : undefined}
                  rules={def.required ? [{ required: true, message: t('reason.required') }] : undefined}
                >
                  <CustomFieldInput def={def} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </div>
      ))}
    </>
  );
}
