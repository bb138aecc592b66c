import { useEffect, useState } from 'react';
import { Alert, App, Button, Empty, Flex, Form, Input, List, Modal, Popconfirm, Select, Spin, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useReportError } from '../../app/api/report-error';
import type { Account } from '../../app/api/schemas';
import { useApi } from '../../app/api/use-api';
import { formatDate, formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import type { MessageKey } from '../../app/i18n/translate';
import { onRiskFlagsChanged, riskFlagsChanged, riskKinds, type RiskKind } from './risk-api';
import { RiskBadge } from './RiskBadge';

function useAccountFlags(accountId: string) {
  const loaded = useApi(async () => (await call(api.GET('/api/v1/accounts/{id}/risk-flags', { params: { path: { id: accountId } } }))).items, [accountId]);
  const { reload } = loaded;
  useEffect(() => onRiskFlagsChanged((id) => id === accountId && reload()), [accountId, reload]);
  return loaded;
}

/** Under the account's name: a red banner with each active flag, for everyone who opens it. */
export function AccountRiskBanner({ accountId }: { accountId: string }) {
  const t = useT();
  const { data = [] } = useAccountFlags(accountId);
  const active = data.filter((f) => !f.clearedAt);
  if (!active.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="risk-banner"
      style={{ marginTop: 8 }}
      title={t('risk.warning')}
      description={
        <Flex vertical gap={4}>
          {active.map((f) => (
            <div key={f.id}>
              <RiskBadge kind={f.kind} /> {f.reason}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                ({t('risk.by', { name: f.flaggedByName ?? '—', unit: f.unitName ?? '—', at: formatDate(f.createdAt) })})
              </Typography.Text>
            </div>
          ))}
        </Flex>
      }
    />
  );
}

/** The "Flag risk" button and its form (kind and reason), for whoever may edit the account. */
export function FlagRiskButton({ account }: { account: Account }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<{ kind: RiskKind; reason: string }>();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  if (!account.permissions.update) return null;
  const submit = async (v: { kind: RiskKind; reason: string }) => {
    setSaving(true);
    try {
      await call(api.POST('/api/v1/accounts/{id}/risk-flags', { params: { path: { id: account.id } }, body: { kind: v.kind, reason: v.reason.trim() } }));
      void message.success(t('risk.flagged'));
      setOpen(false);
      form.resetFields();
      riskFlagsChanged(account.id);
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Button danger icon={<WarningOutlined />} onClick={() => setOpen(true)}>
        {t('risk.flag')}
      </Button>
      <Modal
        open={open}
        title={t('risk.flag.title', { name: account.name })}
        okText={t('risk.flag')}
        okButtonProps={{ danger: true, loading: saving }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        forceRender
      >
        <Typography.Paragraph type="secondary">{t('risk.flag.text')}</Typography.Paragraph>
        <Form form={form} name="risk-flag" layout="vertical" initialValues={{ kind: 'bad_debt', reason: '' }} onFinish={submit}>
          <Form.Item name="kind" label={t('risk.flag.kind')}>
            <Select options={riskKinds.map((k) => ({ value: k, label: t(`risk.kind.${k}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('risk.flag.reason')} rules={[{ required: true, min: 2, whitespace: true, message: t('risk.flag.reason.required') }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The account's flags, cleared ones too; Clear where the server says the user may. */
export function RiskFlagsPanel({ accountId }: { accountId: string }) {
  const t = useT();
  const report = useReportError();
  const { data, loading } = useAccountFlags(accountId);
  if (loading && !data) return <Spin />;
  if (!data?.length) return <Empty description={t('risk.empty')} />;
  const clear = async (flagId: string) => {
    try {
      await call(api.POST('/api/v1/risk-flags/{id}/clear', { params: { path: { id: flagId } } }));
      riskFlagsChanged(accountId);
    } catch (err) {
      report(err);
    }
  };
  return (
    <List
      dataSource={data}
      renderItem={(f) => (
        <List.Item
          actions={f.canClear ? [
            <Popconfirm key="clear" title={t('risk.clear.confirm')} onConfirm={() => clear(f.id)}>
              <Button size="small">{t('risk.clear')}</Button>
            </Popconfirm>,
          ] : []}
        >
          <List.Item.Meta
            title={<Flex gap={8} align="center" wrap><RiskBadge kind={f.kind} />{f.clearedAt && <Typography.Text type="secondary">{t('risk.cleared', { at: formatDateTime(f.clearedAt) })}</Typography.Text>}</Flex>}
            description={
              <>
                <Typography.Text delete={!!f.clearedAt}>{f.reason}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('risk.by', { name: f.flaggedByName ?? '—', unit: f.unitName ?? '—', at: formatDateTime(f.createdAt) })}
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
