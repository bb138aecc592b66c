import { useState } from 'react';
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, call } from '../../app/api/client';
import { useReportError } from '../../app/api/report-error';
import { useT } from '../../app/i18n/i18n-context';
import { defaultPipelineOf, usePipelines } from '../pipelines/pipelines-api';
import { AccountPicker } from './AccountPicker';
import type { Opportunity } from './opportunities-api';

interface Values {
  name: string;
  accountId: string;
  amount?: number;
  expectedCloseDate?: Dayjs;
  pipelineId?: string;
  nextStep?: string;
}

/** A new deal: for a given account (from its page) or one picked here. */
export function CreateOpportunityModal({ account, onSaved, onClose }: { account?: { id: string; name: string }; onSaved: (o: Opportunity) => void; onClose: () => void }) {
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { data: pipelines } = usePipelines();
  const submit = async (v: Values) => {
    setSaving(true);
    try {
      onSaved(await call(api.POST('/api/v1/opportunities', {
        body: {
          name: v.name, accountId: v.accountId, currency: 'CNY', amount: v.amount === undefined || v.amount === null ? undefined : String(v.amount),
          expectedCloseDate: v.expectedCloseDate?.format('YYYY-MM-DD'), pipelineId: v.pipelineId, nextStep: v.nextStep,
        },
      })));
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={t('opp.add')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ accountId: account?.id, pipelineId: defaultPipelineOf(pipelines)?.id }} onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label={t('opp.name')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="opp-name" />
        </Form.Item>
        <Form.Item name="accountId" label={t('opp.account')} rules={[{ required: true }]}>
          <AccountPicker initial={account} placeholder={t('opp.account.search')} />
        </Form.Item>
        <Form.Item name="amount" label={t('opp.amount')}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="opp-amount" />
        </Form.Item>
        <Form.Item name="expectedCloseDate" label={t('opp.expectedCloseDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {(pipelines?.filter((p) => p.active).length ?? 0) > 1 && (
          <Form.Item name="pipelineId" label={t('opp.pipeline')}>
            <Select options={pipelines!.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        )}
        <Form.Item name="nextStep" label={t('opp.nextStep')}>
          <Input maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
