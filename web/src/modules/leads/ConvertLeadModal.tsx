import { useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal, Radio, Space, Spin, Typography } from 'antd';
import { api, call } from '../../app/api/client';
import type { paths } from '../../app/api-types';
import { ApiError } from '../../app/api/api-error';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import { useT } from '../../app/i18n/i18n-context';
import type { Lead } from './leads-api';

interface Values {
  account: string;
  ignoreDuplicates?: boolean;
  createContact: boolean;
  createOpportunity: boolean;
  opportunityName?: string;
}

type ConvertBody = paths['/api/v1/leads/{id}/convert']['post']['requestBody']['content']['application/json'];
const convert = (id: string, body: ConvertBody) => call(api.POST('/api/v1/leads/{id}/convert', { params: { path: { id } }, body }));
type Result = Awaited<ReturnType<typeof convert>>;

/**
 * Converts a lead in one step. The duplicate check runs first: an existing account the user can
 * see may be picked instead of creating one; one outside their scope is named with its holder.
 */
export function ConvertLeadModal({ lead, onDone, onClose }: { lead: Lead; onDone: (r: Result) => void; onClose: () => void }) {
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const accountName = lead.companyName ?? lead.name;
  const dups = useApi(() => call(api.POST('/api/v1/leads/{id}/duplicate-check', { params: { path: { id: lead.id } }, body: {} })), [lead.id]);
  const candidates = dups.data?.candidates ?? [];
  const likely = candidates.filter((c) => c.likelyDuplicate);
  const choice = Form.useWatch('account', form) ?? 'new';

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      onDone(await convert(lead.id, {
        version: lead.version,
        accountId: v.account === 'new' ? undefined : v.account,
        ignoreDuplicates: v.account === 'new' ? !!v.ignoreDuplicates : false,
        createContact: v.createContact,
        createOpportunity: v.createOpportunity,
        opportunityName: v.opportunityName?.trim() || undefined,
      }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'possible_duplicate_account') dups.reload();
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open width={620} title={t('lead.convert.title', { name: lead.name })} onCancel={onClose} onOk={() => form.submit()} okText={t('lead.convert')} confirmLoading={saving} destroyOnHidden>
      <Spin spinning={dups.loading}>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ account: 'new', createContact: true, createOpportunity: true, opportunityName: accountName }}>
          <Form.Item name="account" label={t('lead.convert.account')}>
            <Radio.Group>
              <Space direction="vertical">
                <Radio value="new" data-testid="convert-new-account">{t('lead.convert.newAccount', { name: accountName })}</Radio>
                {candidates.map((c, i) => (
                  <Radio key={c.id ?? `x${i}`} value={c.id ?? `x${i}`} disabled={!c.id} data-testid="convert-candidate">
                    {c.name} <Typography.Text type="secondary">({Math.round(c.score * 100)}%)</Typography.Text>
                    {!c.id && <Typography.Text type="secondary"> — {t('lead.convert.outOfScope', { owner: c.ownerName ?? '—', unit: c.unitName ?? '—' })}</Typography.Text>}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          {!dups.loading && !candidates.length && <Alert type="success" showIcon message={t('lead.convert.noDuplicates')} style={{ marginBottom: 12 }} />}
          {choice === 'new' && likely.length > 0 && (
            <Form.Item name="ignoreDuplicates" valuePropName="checked">
              <Checkbox>{t('lead.convert.ignoreDuplicates')}</Checkbox>
            </Form.Item>
          )}
          <Form.Item name="createContact" valuePropName="checked"><Checkbox>{t('lead.convert.contact')}</Checkbox></Form.Item>
          <Form.Item name="createOpportunity" valuePropName="checked"><Checkbox>{t('lead.convert.opportunity')}</Checkbox></Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() => form.getFieldValue('createOpportunity') && (
              <Form.Item name="opportunityName" label={t('lead.convert.opportunityName')}><Input maxLength={200} /></Form.Item>
            )}
          </Form.Item>
        </Form>
      </Spin>
    </Modal>
  );
}
