import { useState } from 'react';
import { Button, Checkbox, DatePicker, Drawer, Flex, Form, Input, InputNumber, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call } from '../../app/api/client';
import { useReportError } from '../../app/api/report-error';
import { useT } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import type { Opportunity } from './opportunities-api';

interface Values {
  name: string;
  amount?: number | null;
  probability?: number;
  expectedCloseDate?: Dayjs | null;
  committed?: boolean;
  nextStep?: string;
  latestFollowUp?: string;
  currentProblems?: string;
  competitors?: { name: string; strengths?: string; weaknesses?: string }[];
}

/** Edits what a rep keeps current on a deal: amount, probability, dates, progress, problems, competitors. */
export function EditOpportunityDrawer({ opp, onSaved, onClose }: { opp: Opportunity; onSaved: (o: Opportunity) => void; onClose: () => void }) {
  const t = useT();
  const isMobile = useIsMobile();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const amountLocked = opp.lines.length > 0 || opp.amount === undefined;
  const submit = async (v: Values) => {
    setSaving(true);
    try {
      onSaved(await call(api.PATCH('/api/v1/opportunities/{id}', {
        params: { path: { id: opp.id } },
        body: {
          version: opp.version,
          name: v.name,
          ...(amountLocked ? {} : { amount: v.amount === null || v.amount === undefined ? null : String(v.amount) }),
          probability: v.probability,
          expectedCloseDate: v.expectedCloseDate ? v.expectedCloseDate.format('YYYY-MM-DD') : null,
          committed: v.committed,
          nextStep: v.nextStep ?? null,
          latestFollowUp: v.latestFollowUp ?? null,
          currentProblems: v.currentProblems ?? null,
          competitors: (v.competitors ?? []).filter((c) => c?.name),
        },
      })));
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Drawer
      open
      title={t('common.edit')}
      size={isMobile ? '100%' : 560}
      onClose={onClose}
      destroyOnHidden
      footer={<Flex justify="flex-end" gap={8}><Button onClick={onClose}>{t('common.cancel')}</Button><Button type="primary" loading={saving} onClick={() => form.submit()}>{t('common.save')}</Button></Flex>}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          name: opp.name, amount: opp.amount ? Number(opp.amount) : null, probability: opp.probability,
          expectedCloseDate: opp.expectedCloseDate ? dayjs(opp.expectedCloseDate) : null, committed: opp.committed, nextStep: opp.nextStep,
          latestFollowUp: opp.latestFollowUp, currentProblems: opp.currentProblems,
          competitors: (opp.competitors ?? []).map((c) => ({ name: c.name, strengths: c.strengths ?? undefined, weaknesses: c.weaknesses ?? undefined })),
        }}
      >
        <Form.Item name="name" label={t('opp.name')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
        <Space wrap>
          <Form.Item name="amount" label={t('opp.amount')}><InputNumber min={0} precision={2} disabled={amountLocked} style={{ width: 180 }} /></Form.Item>
          <Form.Item name="probability" label={t('opp.probability')}><InputNumber min={0} max={100} suffix="%" style={{ width: 120 }} /></Form.Item>
          <Form.Item name="expectedCloseDate" label={t('opp.expectedCloseDate')}><DatePicker /></Form.Item>
        </Space>
        <Form.Item name="committed" valuePropName="checked"><Checkbox>{t('opp.committed')}</Checkbox></Form.Item>
        <Form.Item name="nextStep" label={t('opp.nextStep')}><Input maxLength={1000} /></Form.Item>
        <Form.Item name="latestFollowUp" label={t('opp.latestFollowUp')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Form.Item name="currentProblems" label={t('opp.currentProblems')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Form.List name="competitors">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline" wrap>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]} style={{ width: 140 }}><Input placeholder={t('opp.competitor.name')} /></Form.Item>
                  <Form.Item name={[f.name, 'strengths']} style={{ flex: 1 }}><Input placeholder={t('opp.competitor.strengths')} /></Form.Item>
                  <Form.Item name={[f.name, 'weaknesses']} style={{ flex: 1 }}><Input placeholder={t('opp.competitor.weaknesses')} /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>{t('opp.competitor.add')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
