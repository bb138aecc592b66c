import { Col, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import type { AccountType, CustomField } from '../../../app/api/schemas';
import { useI18n } from '../../../app/i18n/i18n-context';
import { CustomFieldsFormSection } from '../../custom-fields/CustomFieldsFormSection';
import { UserPicker } from '../../org/users/UserPicker';
import { RegionCodesInput } from '../regions/RegionCodesInput';
import { ListInput } from './ListInput';
import { typeOptions } from '../use-account-types';

interface Props {
  types: AccountType[];
  defs: CustomField[];
  /** the owner can be chosen (someone who may hand accounts to others) */
  ownerEditable: boolean;
  /** fields the reader's role hides are absent from the record and left out of the form */
  hidden?: { phones?: boolean; emails?: boolean; creditLimit?: boolean };
  /** two columns on a wide page, one in a drawer */
  wide: boolean;
}


/** The account form's fields: identity, classification, registration and contact details, then the custom fields. */
export function AccountFormFields({ types, defs, ownerEditable, hidden = {}, wide }: Props) {
  const { t, locale } = useI18n();
  const half = wide ? 12 : 24;
  return (
    <>
      <Typography.Title level={5}>{t('account.section.basics')}</Typography.Title>
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item name="kind" label={t('account.kind')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'company', label: t('account.kind.company') },
                { value: 'person', label: t('account.kind.person') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={half}>
          <Form.Item name="name" label={t('account.name')} rules={[{ required: true, whitespace: true, message: t('account.name.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={half}>
          <Form.Item name="shortName" label={t('account.shortName')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={half}>
          <Form.Item name="englishName" label={t('account.englishName')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={half}>
          <Form.Item name="formerNames" label={t('account.formerNames')} extra={t('form.listHint')}>
            <ListInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={half}>
          <Form.Item name="type" label={t('account.type')}>
            <Select allowClear options={typeOptions(types, locale)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={half}>
          <Form.Item name="tier" label={t('account.tier')}>
            <Select allowClear options={['A', 'B', 'C'].map((tier) => ({ value: tier, label: t('account.tier.value', { tier }) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={half}>
          <Form.Item name="industry" label={t('account.industry')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={half}>
          <Form.Item name="source" label={t('account.source')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={half}>
          <Form.Item name="tags" label={t('account.tags')} extra={t('form.listHint')}>
            <ListInput />
          </Form.Item>
        </Col>
        {ownerEditable && (
          <Col xs={24} md={half}>
            <Form.Item name="ownerId" label={t('account.owner')} extra={t('account.owner.hint')}>
              <UserPicker />
            </Form.Item>
          </Col>
        )}
      </Row>

      <Typography.Title level={5}>{t('account.section.registration')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={half}>
          <Form.Item name="creditCode" label={t('account.creditCode')} extra={t('account.creditCode.hint')}>
            <Input maxLength={40} autoCapitalize="characters" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        {!hidden.creditLimit && (
          <Col xs={24} md={half}>
            <Form.Item name="creditLimit" label={t('account.creditLimit')}>
              <InputNumber<string> stringMode precision={2} min="0" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={half}>
          <Form.Item name="region" label={t('account.region')}>
            <RegionCodesInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={half}>
          <Form.Item name="address" label={t('account.address')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        {!hidden.phones && (
          <Col xs={24} md={half}>
            <Form.Item name="phones" label={t('account.phones')} extra={t('form.listHint')}>
              <ListInput />
            </Form.Item>
          </Col>
        )}
        {!hidden.emails && (
          <Col xs={24} md={half}>
            <Form.Item name="emails" label={t('account.emails')} extra={t('form.listHint')}>
              <ListInput />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={half}>
          <Form.Item name="website" label={t('account.website')}>
            <Input maxLength={200} placeholder="https://" />
          </Form.Item>
        </Col>
      </Row>
      <CustomFieldsFormSection defs={defs} wide={wide} />
    </>
  );
}
