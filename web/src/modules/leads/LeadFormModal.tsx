import { useState } from 'react';
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { api, call } from '../../app/api/client';
import { useReportError } from '../../app/api/report-error';
import { useT } from '../../app/i18n/i18n-context';
import { leadRatings, leadSources, leadStatuses, type Lead } from './leads-api';

interface Values {
  name: string;
  companyName?: string;
  title?: string;
  phones?: string[];
  emails?: string[];
  source: (typeof leadSources)[number];
  sourceDetail?: string;
  status?: Exclude<(typeof leadStatuses)[number], 'converted'>;
  rating?: (typeof leadRatings)[number];
  qualification?: string;
  estimatedAmount?: number;
  notes?: string;
}

/** Creates a lead, or edits one that is not converted yet. */
export function LeadFormModal({ lead, onSaved, onClose }: { lead?: Lead; onSaved: (l: Lead) => void; onClose: () => void }) {
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const body = { ...v, phones: v.phones ?? [], emails: v.emails ?? [] };
      onSaved(lead
        ? await call(api.PATCH('/api/v1/leads/{id}', { params: { path: { id: lead.id } }, body: { version: lead.version, ...body } }))
        : await call(api.POST('/api/v1/leads', { body })));
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open width={640} title={lead ? t('common.edit') : t('lead.add')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={saving} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={lead ? {
          name: lead.name, companyName: lead.companyName, title: lead.title, phones: lead.phones, emails: lead.emails, source: lead.source, sourceDetail: lead.sourceDetail,
          status: lead.status === 'converted' ? undefined : lead.status, rating: lead.rating, qualification: lead.qualification, estimatedAmount: lead.estimatedAmount, notes: lead.notes,
        } : { source: 'exhibition', status: 'new' }}
      >
        <Form.Item name="name" label={t('lead.name')} rules={[{ required: true }]}><Input maxLength={100} data-testid="lead-name" /></Form.Item>
        <Form.Item name="companyName" label={t('lead.companyName')}><Input maxLength={200} data-testid="lead-company" /></Form.Item>
        <Form.Item name="title" label={t('lead.title.field')}><Input maxLength={100} /></Form.Item>
        <Form.Item name="phones" label={t('lead.phones')}><Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} data-testid="lead-phones" /></Form.Item>
        <Form.Item name="emails" label={t('lead.emails')}><Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} /></Form.Item>
        <Form.Item name="source" label={t('lead.source')} rules={[{ required: true }]}>
          <Select options={leadSources.map((s) => ({ value: s, label: t(`lead.source.${s}`) }))} />
        </Form.Item>
        <Form.Item name="sourceDetail" label={t('lead.sourceDetail')}><Input maxLength={200} /></Form.Item>
        <Form.Item name="status" label={t('lead.status')}>
          <Select options={leadStatuses.filter((s) => s !== 'converted').map((s) => ({ value: s, label: t(`lead.status.${s}`) }))} />
        </Form.Item>
        <Form.Item name="rating" label={t('lead.rating')}>
          <Select allowClear options={leadRatings.map((s) => ({ value: s, label: t(`lead.rating.${s}`) }))} />
        </Form.Item>
        <Form.Item name="qualification" label={t('lead.qualification')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Form.Item name="estimatedAmount" label={t('lead.estimatedAmount')}><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="notes" label={t('lead.notes')}><Input.TextArea rows={2} maxLength={5000} /></Form.Item>
      </Form>
    </Modal>
  );
}
