import { useState } from 'react';
import { App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useReportError } from '../../app/api/report-error';
import { useI18n } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';
import { usePipelines, type Pipeline } from './pipelines-api';

type Kind = 'open' | 'won' | 'lost';
interface StageRow { id?: string; name: string; probability: number; kind: Kind }
interface Values { name: string; description?: string; isDefault?: boolean; active?: boolean }

/** Administrators configure pipelines: their stages in order, each with a default probability and a kind. */
export default function PipelinesPage() {
  const { t } = useI18n();
  const { data: pipelines = [], reload, loading } = usePipelines();
  const [editing, setEditing] = useState<Pipeline | 'new'>();
  return (
    <>
      <PageHeader
        title={t('pipeline.title')}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('pipeline.add')}</Button>}
      />
      <Flex vertical gap={12}>
        {pipelines.map((p) => (
          <Card
            key={p.id}
            loading={loading}
            title={<Space>{p.name}{p.isDefault && <Tag color="blue">{t('pipeline.default')}</Tag>}{!p.active && <Tag>{t('pipeline.inactive')}</Tag>}</Space>}
            extra={p.permissions.update && <Button onClick={() => setEditing(p)}>{t('common.edit')}</Button>}
          >
            {p.description && <Typography.Paragraph type="secondary">{p.description}</Typography.Paragraph>}
            <Flex wrap gap={8}>
              {p.stages.filter((s) => s.active).map((s) => (
                <Tag key={s.id} color={s.kind === 'won' ? 'green' : s.kind === 'lost' ? 'red' : 'default'}>
                  {s.name} · {s.probability}%
                </Tag>
              ))}
            </Flex>
          </Card>
        ))}
      </Flex>
      {editing && <PipelineModal pipeline={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} onSaved={() => { setEditing(undefined); reload(); }} />}
    </>
  );
}

function PipelineModal({ pipeline, onClose, onSaved }: { pipeline?: Pipeline; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [stages, setStages] = useState<StageRow[]>(
    pipeline
      ? pipeline.stages.filter((s) => s.active).map((s) => ({ id: s.id, name: s.name, probability: s.probability, kind: s.kind }))
      : [
          { name: '', probability: 10, kind: 'open' },
          { name: '', probability: 100, kind: 'won' },
          { name: '', probability: 0, kind: 'lost' },
        ],
  );
  const set = (i: number, patch: Partial<StageRow>) => setStages((list) => list.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const swap = (i: number, j: number) => setStages((list) => {
    const next = [...list];
    [next[i], next[j]] = [next[j], next[i]];
    return next;
  });

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const body = stages.map((s) => ({ ...(s.id ? { id: s.id } : {}), name: s.name.trim(), probability: s.probability, kind: s.kind }));
      if (pipeline) {
        await call(api.PATCH('/api/v1/pipelines/{id}', {
          params: { path: { id: pipeline.id } },
          body: { version: pipeline.version, name: v.name, description: v.description ?? null, active: v.active, ...(v.isDefault && !pipeline.isDefault ? { isDefault: true as const } : {}), stages: body },
        }));
      } else {
        await call(api.POST('/api/v1/pipelines', { body: { name: v.name, description: v.description ?? null, isDefault: v.isDefault, stages: body } }));
      }
      void message.success(t('common.saved'));
      onSaved();
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open width={720} title={pipeline ? t('pipeline.edit') : t('pipeline.add')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={saving}>
      <Form form={form} layout="vertical" initialValues={{ name: pipeline?.name, description: pipeline?.description, isDefault: pipeline?.isDefault, active: pipeline?.active ?? true }} onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label={t('pipeline.name')} rules={[{ required: true }]}>
          <Input maxLength={60} data-testid="pipeline-name" />
        </Form.Item>
        <Form.Item name="description" label={t('pipeline.description')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Space>
          <Form.Item name="isDefault" valuePropName="checked"><Checkbox disabled={pipeline?.isDefault}>{t('pipeline.makeDefault')}</Checkbox></Form.Item>
          {pipeline && <Form.Item name="active" valuePropName="checked"><Checkbox disabled={pipeline.isDefault}>{t('pipeline.active')}</Checkbox></Form.Item>}
        </Space>
      </Form>
      <Typography.Text type="secondary">{t('pipeline.stages.hint')}</Typography.Text>
      <Table<StageRow & { i: number }>
        size="small"
        pagination={false}
        rowKey="i"
        style={{ marginTop: 8 }}
        dataSource={stages.map((s, i) => ({ ...s, i }))}
        columns={[
          { title: t('pipeline.stage.name'), render: (_, s) => <Input value={s.name} maxLength={60} onChange={(e) => set(s.i, { name: e.target.value })} /> },
          { title: t('pipeline.stage.probability'), width: 110, render: (_, s) => <InputNumber min={0} max={100} value={s.probability} onChange={(v) => set(s.i, { probability: v ?? 0 })} /> },
          {
            title: t('pipeline.stage.kind'), width: 120,
            render: (_, s) => (
              <Select<Kind> value={s.kind} style={{ width: 110 }} onChange={(kind) => set(s.i, { kind })}
                options={(['open', 'won', 'lost'] as const).map((k) => ({ value: k, label: t(`pipeline.stage.kind.${k}`) }))} />
            ),
          },
          {
            width: 120,
            render: (_, s) => (
              <Space size={0}>
                <Button type="text" size="small" aria-label={t('pipeline.stage.up')} icon={<ArrowUpOutlined />} disabled={s.i === 0} onClick={() => swap(s.i, s.i - 1)} />
                <Button type="text" size="small" aria-label={t('pipeline.stage.down')} icon={<ArrowDownOutlined />} disabled={s.i === stages.length - 1} onClick={() => swap(s.i, s.i + 1)} />
                <Button type="text" size="small" danger aria-label={t('pipeline.stage.remove')} icon={<DeleteOutlined />} disabled={stages.length <= 2} onClick={() => setStages((l) => l.filter((_, j) => j !== s.i))} />
              </Space>
            ),
          },
        ]}
      />
      <Button style={{ marginTop: 8 }} icon={<PlusOutlined />} onClick={() => setStages((l) => [...l.filter((s) => s.kind === 'open'), { name: '', probability: 50, kind: 'open' }, ...l.filter((s) => s.kind !== 'open')])}>
        {t('pipeline.stage.add')}
      </Button>
    </Modal>
  );
}
