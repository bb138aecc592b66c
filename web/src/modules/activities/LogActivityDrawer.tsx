import { useMemo, useState } from 'react';
import { Button, Col, DatePicker, Drawer, Flex, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { api, call } from '../../app/api/client';
import type { Activity, CustomField } from '../../app/api/schemas';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import { useSignedIn } from '../../app/auth/auth-context';
import { useT } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { CustomFieldsFormSection } from '../custom-fields/CustomFieldsFormSection';
import { UserPicker } from '../org/users/UserPicker';
import { activityKinds, locatedKinds } from './activity-kinds';
import { createBody, newActivity, type ActivityFormValues } from './activity-form-values';

interface Props {
  account: { id: string; name: string };
  /** logging from a deal: the activity is linked to it */
  opportunity?: { id: string; name: string };
  defs: CustomField[];
  onSaved: (activity: Activity) => void;
  onClose: () => void;
}

/**
 * Logs a visit, call, meeting, e-mail or note at an account, or sets a task with a due time and a
 * reminder; it may be about one of the account's open deals.
 */
export function LogActivityDrawer({ account, opportunity, defs, onSaved, onClose }: Props) {
  const t = useT();
  const { access } = useSignedIn();
  const isMobile = useIsMobile();
  const report = useReportError();
  const [form] = Form.useForm<ActivityFormValues>();
  const [saving, setSaving] = useState(false);
  const initial = useMemo(() => ({ ...newActivity(defs), opportunityId: opportunity?.id }), [defs, opportunity?.id]);
  const kind = Form.useWatch('kind', form) ?? initial.kind;
  const { data: contacts = [] } = useApi(
    async () => (access.can('contact', 'read') ? (await call(api.GET('/api/v1/accounts/{id}/contacts', { params: { path: { id: account.id } } }))).items : []),
    [account.id],
  );
  const { data: deals = [] } = useApi(
    async () => (access.can('opportunity', 'read')
      ? (await call(api.GET('/api/v1/opportunities', { params: { query: { accountId: account.id, status: 'open', limit: 100 } } }))).items
      : []),
    [account.id],
  );
  const dealOptions = [
    ...(opportunity && !deals.some((d) => d.id === opportunity.id) ? [{ value: opportunity.id, label: opportunity.name }] : []),
    ...deals.flatMap((d) => (d.id && d.name ? [{ value: d.id, label: d.name }] : [])),
  ];

  const submit = async (v: ActivityFormValues) => {
    setSaving(true);
    try {
      onSaved(await call(api.POST('/api/v1/activities', { body: createBody(account.id, defs, v) })));
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  const half = isMobile ? 24 : 12;
  return (
    <Drawer
      open
      title={t('activity.log.title', { name: account.name })}
      size={isMobile ? '100%' : 560}
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
      <Form name="activity" form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="kind" label={t('activity.kind')}>
          <Radio.Group optionType="button" options={activityKinds.map((k) => ({ value: k.kind, label: t(k.label) }))} />
        </Form.Item>
        <Form.Item name="subject" label={t('activity.subject')} rules={[{ required: true, whitespace: true, message: t('activity.subject.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        {kind === 'task' ? (
          <Row gutter={16}>
            <Col span={half}>
              <Form.Item name="dueAt" label={t('activity.dueAt')}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={half}>
              <Form.Item name="reminderAt" label={t('activity.reminderAt')} extra={t('activity.reminderAt.hint')}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            {access.scope('activity') !== 'own' && (
              <Col span={24}>
                <Form.Item name="assigneeId" label={t('activity.assignee')} extra={t('activity.assignee.hint')}>
                  <UserPicker />
                </Form.Item>
              </Col>
            )}
          </Row>
        ) : (
          <Row gutter={16}>
            <Col span={half}>
              <Form.Item name="time" label={t('activity.time')} extra={t('activity.time.hint')}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder={t('activity.time.now')} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={half}>
              <Form.Item name="durationMinutes" label={t('activity.duration')}>
                <InputNumber min={1} max={10080} precision={0} suffix={t('activity.minutes')} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            {locatedKinds.includes(kind) && (
              <Col span={24}>
                <Form.Item name="locationAddress" label={t('activity.location')}>
                  <Input maxLength={300} />
                </Form.Item>
              </Col>
            )}
          </Row>
        )}
        {contacts.length > 0 && (
          <Form.Item name="contactId" label={t('activity.contact')}>
            <Select allowClear options={contacts.map((c) => ({ value: c.contact.id, label: [c.contact.name, c.role].filter(Boolean).join(' · ') }))} />
          </Form.Item>
        )}
        {dealOptions.length > 0 && (
          <Form.Item name="opportunityId" label={t('activity.opportunity')}>
            <Select allowClear options={dealOptions} data-testid="activity-opportunity" />
          </Form.Item>
        )}
        <Form.Item name="content" label={t('activity.content')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} />
        </Form.Item>
        {kind !== 'task' && (
          <>
            <Form.Item name="result" label={t('activity.result')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
            </Form.Item>
            <Form.Item name="nextStep" label={t('activity.nextStep')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
            </Form.Item>
          </>
        )}
        <CustomFieldsFormSection defs={defs} />
      </Form>
    </Drawer>
  );
}
