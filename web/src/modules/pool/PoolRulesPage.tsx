import { useState } from 'react';
import { App, Button, Card, Flex, Form, InputNumber, Modal, Select, Table, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useReportError } from '../../app/api/report-error';
import { useApi } from '../../app/api/use-api';
import { useT } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { PageHeader } from '../../app/shell/PageHeader';
import { usePoolSummary, type PoolRule } from './pool-api';

interface RuleForm {
  unitId: string;
  maxPrivate: number | null;
  idleDays: number | null;
  noWonDealDays: number | null;
  warnDays: number | null;
  reclaimCooldownDays: number | null;
}

// The Select needs a value for "the company default" (unitId null); an empty string would fail "required".
const TENANT = 'tenant';
const numbers = ['maxPrivate', 'idleDays', 'noWonDealDays', 'warnDays', 'reclaimCooldownDays'] as const;
const labels = {
  maxPrivate: 'pool.rules.maxPrivate',
  idleDays: 'pool.rules.idleDays',
  noWonDealDays: 'pool.rules.noWonDealDays',
  warnDays: 'pool.rules.warnDays',
  reclaimCooldownDays: 'pool.rules.reclaimCooldownDays',
} as const;

/** The pool rules (N, D, E, K, C): the company default and per-unit overrides, one form each. */
export default function PoolRulesPage() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<RuleForm>();
  const [editing, setEditing] = useState<PoolRule | 'new'>();
  const [saving, setSaving] = useState(false);
  const { data: rules = [], loading, reload } = useApi(async () => (await call(api.GET('/api/v1/pool/rules'))).items, []);
  const { data: summary } = usePoolSummary();
  const units = summary?.units ?? [];
  const unitName = (id: string | null) => (id === null ? t('pool.rules.tenant') : (units.find((u) => u.id === id)?.name ?? id));

  const open = (rule: PoolRule | 'new') => {
    setEditing(rule);
    const r = rule === 'new' ? undefined : rule;
    form.setFieldsValue({
      unitId: r ? (r.unitId ?? TENANT) : rules.some((x) => x.unitId === null) ? undefined : TENANT,
      maxPrivate: r?.maxPrivate ?? null,
      idleDays: r?.idleDays ?? null,
      noWonDealDays: r?.noWonDealDays ?? null,
      warnDays: r?.warnDays ?? 3,
      reclaimCooldownDays: r?.reclaimCooldownDays ?? 0,
    });
  };

  const save = async (v: RuleForm) => {
    setSaving(true);
    const unitId = v.unitId === TENANT ? null : v.unitId;
    const existing = rules.find((r) => r.unitId === unitId);
    try {
      await call(api.POST('/api/v1/pool/rules', {
        body: {
          unitId,
          maxPrivate: v.maxPrivate ?? null,
          idleDays: v.idleDays ?? null,
          noWonDealDays: v.noWonDealDays ?? null,
          warnDays: v.warnDays ?? 0,
          reclaimCooldownDays: v.reclaimCooldownDays ?? 0,
          version: existing?.version,
        },
      }));
      void message.success(t('common.saved'));
      setEditing(undefined);
      reload();
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  const value = (n: number | null) => (n === null ? t('pool.rules.none') : n);

  return (
    <>
      <PageHeader
        title={t('pool.rules.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
            {t('pool.rules.add')}
          </Button>
        }
      >
        <Typography.Text type="secondary">{t('pool.rules.text')}</Typography.Text>
      </PageHeader>
      <Card size={isMobile ? 'small' : 'default'}>
        <Table<PoolRule>
          rowKey="id"
          loading={loading}
          dataSource={rules}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'unit', title: t('pool.rules.unit'), render: (_, r) => unitName(r.unitId) },
            ...numbers.map((k) => ({ key: k, title: t(labels[k]), render: (_: unknown, r: PoolRule) => value(r[k]) })),
            {
              key: 'edit',
              title: '',
              render: (_, r) => <Button size="small" icon={<EditOutlined />} aria-label={t('pool.rules.edit')} onClick={() => open(r)} />,
            },
          ]}
        />
      </Card>
      <Modal
        open={editing !== undefined}
        title={editing === 'new' ? t('pool.rules.add') : t('pool.rules.edit')}
        onCancel={() => setEditing(undefined)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: saving }}
        forceRender
      >
        <Form form={form} name="pool-rule" layout="vertical" onFinish={save}>
          <Form.Item name="unitId" label={t('pool.rules.unit')} rules={[{ required: true, message: t('reason.required') }]}>
            <Select
              disabled={editing !== 'new'}
              options={[{ value: TENANT, label: t('pool.rules.tenant') }, ...units.map((u) => ({ value: u.id, label: `${'\u3000'.repeat(u.depth)}${u.name}` }))]}
            />
          </Form.Item>
          <Flex wrap gap={12}>
            {numbers.map((k) => (
              <Form.Item key={k} name={k} label={t(labels[k])} style={{ minWidth: 200, flex: 1 }}>
                <InputNumber
                  min={k === 'warnDays' || k === 'reclaimCooldownDays' || k === 'maxPrivate' ? 0 : 1}
                  max={k === 'maxPrivate' ? 100000 : 3650}
                  precision={0}
                  style={{ width: '100%' }}
                  placeholder={k === 'warnDays' || k === 'reclaimCooldownDays' ? '0' : t('pool.rules.none')}
                />
              </Form.Item>
            ))}
          </Flex>
        </Form>
      </Modal>
    </>
  );
}
