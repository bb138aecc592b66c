import { useState } from 'react';
import { App, Button, Card, Checkbox, Divider, Flex, Form, Input, InputNumber, List, Modal, Select, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import { useSignedIn } from '../../app/auth/auth-context';
import { useI18n } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { PageHeader } from '../../app/shell/PageHeader';
import { milestoneName } from './orders-api';

type OrderType = NonNullable<ReturnType<typeof useOrderTypes>['data']>['items'][number];
const useOrderTypes = () => useApi(() => call(api.GET('/api/v1/order-types')), []);

const roles = ['order_execution', 'sales_rep', 'branch_manager', 'head_office', 'service', 'admin'] as const;
type Role = (typeof roles)[number];

interface Step {
  key: string;
  name: string;
  englishName?: string;
  responsibleRole?: Role | null;
  responsibleUnitId?: string | null;
  durationDays: number;
  dependsOn: string[];
}
interface Values {
  code: string;
  name: string;
  englishName?: string;
  isDefault: boolean;
  active: boolean;
  milestones: Step[];
}

const blankStep = (n: number): Step => ({ key: `step_${n}`, name: '', durationDays: 3, dependsOn: [] });

/**
 * Order types and their execution templates: each milestone with the role or unit responsible, its
 * expected duration and the milestones it waits for. New orders get their plan from here.
 */
export default function OrderTypesPage() {
  const { t, locale } = useI18n();
  const { access } = useSignedIn();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const report = useReportError();
  const types = useOrderTypes();
  const units = useApi(() => call(api.GET('/api/v1/org-units')), []);
  const [editing, setEditing] = useState<OrderType | 'new'>();
  const [form] = Form.useForm<Values>();
  const steps = Form.useWatch('milestones', form) ?? [];
  const canManage = access.has('order_types.manage');
  const unitName = (id: string | null) => units.data?.items.find((u) => u.id === id)?.name ?? '—';

  const save = async (v: Values) => {
    try {
      await call(api.POST('/api/v1/order-types', {
        body: {
          code: v.code, name: v.name, englishName: v.englishName?.trim() || null, isDefault: v.isDefault, active: v.active,
          milestones: v.milestones.map((m) => ({
            key: m.key, name: m.name, englishName: m.englishName?.trim() || null, responsibleRole: m.responsibleRole ?? null,
            responsibleUnitId: m.responsibleUnitId ?? null, durationDays: m.durationDays ?? 0, dependsOn: m.dependsOn ?? [],
          })),
        },
      }));
      void message.success(t('common.saved'));
      setEditing(undefined);
      types.reload();
    } catch (err) {
      report(err, form);
    }
  };

  const initial = (type: OrderType | 'new'): Values => (type === 'new'
    ? { code: '', name: '', isDefault: false, active: true, milestones: [blankStep(1)] }
    : {
      code: type.code, name: type.name, englishName: type.englishName ?? undefined, isDefault: type.isDefault, active: type.active,
      milestones: type.milestones.map((m) => ({
        key: m.key, name: m.name, englishName: m.englishName ?? undefined, responsibleRole: m.responsibleRole as Role | null,
        responsibleUnitId: m.responsibleUnitId, durationDays: m.durationDays, dependsOn: m.dependsOn,
      })),
    });

  return (
    <>
      <PageHeader title={t('orderType.title')} extra={canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('orderType.add')}</Button>}>
        <Typography.Text type="secondary">{t('orderType.hint')}</Typography.Text>
      </PageHeader>
      <List
        loading={types.loading}
        grid={{ gutter: 16, xs: 1, md: 2 }}
        dataSource={types.data?.items ?? []}
        renderItem={(type) => (
          <List.Item>
            <Card
              size="small"
              data-testid="order-type"
              title={<Flex gap={8} wrap align="center"><span>{locale === 'en-US' ? (type.englishName ?? type.name) : type.name}</span><Typography.Text type="secondary" code>{type.code}</Typography.Text></Flex>}
              extra={
                <Flex gap={4} align="center">
                  {type.isDefault && <Tag color="blue">{t('orderType.default')}</Tag>}
                  {!type.active && <Tag>{t('product.inactive')}</Tag>}
                  {canManage && <Button size="small" onClick={() => setEditing(type)} data-testid="order-type-edit">{t('common.edit')}</Button>}
                </Flex>
              }
            >
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {type.milestones.map((m) => (
                  <li key={m.id}>
                    {milestoneName(m, locale)}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {' · '}{m.durationDays}d
                      {m.responsibleRole ? ` · ${t(`role.${m.responsibleRole as Role}`)}` : ''}
                      {m.responsibleUnitId ? ` · ${unitName(m.responsibleUnitId)}` : ''}
                    </Typography.Text>
                  </li>
                ))}
              </ol>
            </Card>
          </List.Item>
        )}
      />
      <Modal
        open={!!editing}
        title={editing === 'new' ? t('orderType.add') : t('orderType.edit')}
        width={isMobile ? '100%' : 900}
        onCancel={() => setEditing(undefined)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        okButtonProps={{ 'data-testid': 'order-type-save' }}
        destroyOnHidden
      >
        {editing && (
          <Form form={form} layout="vertical" onFinish={save} initialValues={initial(editing)} key={editing === 'new' ? 'new' : editing.id}>
            <Flex gap={12} wrap>
              <Form.Item name="code" label={t('orderType.code')} rules={[{ required: true, pattern: /^[a-z0-9_]{1,40}$/ }]} extra="a-z 0-9 _">
                <Input disabled={editing !== 'new'} style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name="name" label={t('orderType.name')} rules={[{ required: true, whitespace: true }]}><Input style={{ width: 180 }} maxLength={100} /></Form.Item>
              <Form.Item name="englishName" label={t('orderType.englishName')}><Input style={{ width: 180 }} maxLength={100} /></Form.Item>
              <Form.Item name="isDefault" valuePropName="checked" label=" "><Checkbox>{t('orderType.default')}</Checkbox></Form.Item>
              <Form.Item name="active" valuePropName="checked" label=" "><Checkbox>{t('orderType.active')}</Checkbox></Form.Item>
            </Flex>
            <Divider titlePlacement="start" style={{ margin: '4px 0 12px' }}>{t('orderType.milestones')}</Divider>
            <Form.List name="milestones">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, n) => {
                    const others = steps.filter((_, i) => i !== n).map((s) => s?.key).filter(Boolean);
                    return (
                      <Card key={f.key} size="small" style={{ marginBottom: 8 }} data-testid="template-step"
                        title={<Typography.Text type="secondary">#{n + 1}</Typography.Text>}
                        extra={fields.length > 1 && <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(f.name)} />}
                      >
                        <Flex gap={8} wrap>
                          <Form.Item name={[f.name, 'key']} label={t('orderType.key')} rules={[{ required: true, pattern: /^[a-z0-9_]{1,40}$/ }]} style={{ marginBottom: 8 }}>
                            <Input style={{ width: 150 }} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'name']} label={t('orderType.milestoneName')} rules={[{ required: true, whitespace: true }]} style={{ marginBottom: 8 }}>
                            <Input style={{ width: 170 }} maxLength={100} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'englishName']} label={t('orderType.englishName')} style={{ marginBottom: 8 }}>
                            <Input style={{ width: 170 }} maxLength={100} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'durationDays']} label={t('orderType.days')} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                            <InputNumber min={0} max={365} precision={0} style={{ width: 90 }} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'responsibleRole']} label={t('orderType.role')} style={{ marginBottom: 8 }}>
                            <Select allowClear style={{ width: 150 }} options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'responsibleUnitId']} label={t('orderType.unit')} style={{ marginBottom: 8 }}>
                            <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 170 }} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'dependsOn']} label={t('orderType.dependsOn')} style={{ marginBottom: 8, minWidth: 200, flex: '1 1 200px' }}>
                            <Select mode="multiple" options={others.map((k) => ({ value: k, label: k }))} />
                          </Form.Item>
                        </Flex>
                      </Card>
                    );
                  })}
                  <Button icon={<PlusOutlined />} data-testid="template-add" onClick={() => {
                    const last = steps[steps.length - 1];
                    add({ ...blankStep(fields.length + 1), dependsOn: last?.key ? [last.key] : [] });
                  }}>
                    {t('orderType.addMilestone')}
                  </Button>
                </>
              )}
            </Form.List>
          </Form>
        )}
      </Modal>
    </>
  );
}
