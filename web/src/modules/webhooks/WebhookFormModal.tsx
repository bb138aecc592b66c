import { useState } from 'react';
import { Checkbox, Divider, Flex, Form, Input, Modal, Switch, Typography } from 'antd';
import { api, call } from '../../app/api/client';
import { useReportError } from '../../app/api/report-error';
import { useT } from '../../app/i18n/i18n-context';
import { ALL_EVENTS, useWebhookEvents, type Webhook, type WebhookEvent } from './webhooks-api';

interface Values {
  name: string;
  url: string;
  events: string[];
  active: boolean;
}

/** The events grouped by the record they report, each group a row of check boxes; or every event. */
function EventPicker({ value = [], onChange, events }: { value?: string[]; onChange?: (v: string[]) => void; events: WebhookEvent[] }) {
  const t = useT();
  const all = value.includes(ALL_EVENTS);
  const groups = new Map<string, WebhookEvent[]>();
  for (const e of events) groups.set(e.typeLabel, [...(groups.get(e.typeLabel) ?? []), e]);
  return (
    <Flex vertical gap={4}>
      <Checkbox checked={all} onChange={(e) => onChange?.(e.target.checked ? [ALL_EVENTS] : [])} data-testid="webhook-all-events">
        {t('webhook.events.all')}
      </Checkbox>
      <Divider style={{ margin: '4px 0' }} />
      {[...groups].map(([label, list]) => (
        <Flex key={label} wrap gap={4} align="baseline">
          <Typography.Text strong style={{ minWidth: 72 }}>{label}</Typography.Text>
          <Checkbox.Group
            disabled={all}
            value={all ? [] : value}
            onChange={(picked) => onChange?.([...value.filter((v) => !list.some((e) => e.name === v)), ...(picked as string[])])}
            options={list.map((e) => ({ value: e.name, label: e.label.replace(`${label}：`, '').replace(`${label} `, '') }))}
          />
        </Flex>
      ))}
    </Flex>
  );
}

/** Create or edit a subscription; creating answers with the secret, which the caller shows once. */
export function WebhookFormModal({ webhook, onCancel, onSaved }: {
  webhook?: Webhook;
  onCancel: () => void;
  onSaved: (saved: Webhook, secret?: string) => void;
}) {
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { data: events = [] } = useWebhookEvents();

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const body = { name: v.name.trim(), url: v.url.trim(), events: v.events, active: v.active };
      if (webhook) {
        onSaved(await call(api.PATCH('/api/v1/webhooks/{id}', { params: { path: { id: webhook.id } }, body: { version: webhook.version, ...body } })));
      } else {
        const created = await call(api.POST('/api/v1/webhooks', { body }));
        onSaved(created.webhook, created.secret);
      }
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t(webhook ? 'webhook.edit' : 'webhook.add')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form
        name="webhook"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={webhook ? { name: webhook.name, url: webhook.url, events: webhook.events, active: webhook.active } : { name: '', url: 'https://', events: [], active: true }}
      >
        <Form.Item name="name" label={t('webhook.name')} rules={[{ required: true, whitespace: true, message: t('webhook.name.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="url" label={t('webhook.url')} extra={t('webhook.url.hint')} rules={[{ required: true, whitespace: true, message: t('webhook.url.required') }]}>
          <Input maxLength={2000} inputMode="url" />
        </Form.Item>
        <Form.Item name="events" label={t('webhook.events')} rules={[{ required: true, type: 'array', min: 1, message: t('webhook.events.required') }]}>
          <EventPicker events={events} />
        </Form.Item>
        <Form.Item name="active" label={t('webhook.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
