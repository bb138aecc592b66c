import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import { useSignedIn } from '../../app/auth/auth-context';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';
import { typeLabel, typeOptions, useAccountTypes } from '../accounts/use-account-types';
import { ProductPicker } from '../orders/ProductPicker';

interface Values {
  name: string;
  tier?: 'A' | 'B' | 'C';
  accountType?: string;
  provinceCode?: string;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
  priority: number;
  active: boolean;
  items: { productId: string; price: number }[];
}

type PriceList = Awaited<ReturnType<typeof loadList>>;
const loadList = (id: string) => call(api.GET('/api/v1/price-lists/{id}', { params: { path: { id } } }));

/**
 * Price lists by customer type, tier and province over a period; the most specific valid one prices
 * a line. A list opens for editing (criteria, validity, its prices) from its name.
 */
export default function PriceListsPage() {
  const { t, locale } = useI18n();
  const { access } = useSignedIn();
  const { data: types = [] } = useAccountTypes();
  // Provinces as the accounts store them (GB/T 2260 codes), so a list matches the accounts of a province.
  const provinces = useApi(async () => (await call(api.GET('/api/v1/regions'))).items, []);
  const provinceName = (code: string | null) => (code ? (provinces.data?.find((r) => r.code === code)?.name ?? code) : null);
  const { message } = App.useApp();
  const report = useReportError();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<PriceList>();
  const [form] = Form.useForm<Values>();
  const { data, loading, reload } = useApi(() => call(api.GET('/api/v1/price-lists')), []);
  const close = () => {
    setCreating(false);
    setEditing(undefined);
  };
  const save = async (v: Values) => {
    const body = {
      name: v.name, tier: v.tier ?? null, accountType: v.accountType || null, provinceCode: v.provinceCode || null, currency: editing?.currency ?? 'CNY',
      validFrom: v.validFrom.format('YYYY-MM-DD'), validTo: v.validTo?.format('YYYY-MM-DD') ?? null, priority: v.priority ?? 0, active: v.active ?? true,
      items: (v.items ?? []).filter((i) => i?.productId).map((i) => ({ productId: i.productId, price: (i.price ?? 0).toFixed(2) })),
    };
    try {
      if (editing) await call(api.PATCH('/api/v1/price-lists/{id}', { params: { path: { id: editing.id } }, body: { version: editing.version, ...body } }));
      else await call(api.POST('/api/v1/price-lists', { body }));
      void message.success(t('common.saved'));
      close();
      reload();
    } catch (err) {
      report(err, form);
    }
  };
  const open = async (id: string) => {
    try {
      setEditing(await loadList(id));
    } catch (err) {
      report(err);
    }
  };
  const remove = async (id: string) => {
    try {
      await call(api.DELETE('/api/v1/price-lists/{id}', { params: { path: { id } } }));
      void message.success(t('common.deleted'));
      reload();
    } catch (err) {
      report(err);
    }
  };
  const any = (v: string | null) => v ?? t('priceList.any');
  const known = (editing?.items ?? []).map((i) => ({ value: i.productId, label: `${i.productCode} ${i.productName}`, unit: i.unit, name: i.productName }));
  return (
    <>
      <PageHeader title={t('priceList.title')} extra={access.can('price_list', 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('priceList.add')}</Button>} />
      <Card>
        <Table size="small" rowKey="id" loading={loading} pagination={false} dataSource={data?.items ?? []} scroll={{ x: 800 }}
          columns={[
            { title: t('priceList.name'), render: (_, l) => (l.permissions.update ? <a onClick={() => void open(l.id)} data-testid="price-list-open">{l.name}</a> : l.name) },
            { title: t('priceList.accountType'), render: (_, l) => any(typeLabel(types, l.accountType, locale) ?? null) },
            { title: t('priceList.tier'), render: (_, l) => any(l.tier) },
            { title: t('priceList.province'), render: (_, l) => any(provinceName(l.provinceCode)) },
            { title: t('priceList.validFrom'), render: (_, l) => formatDate(l.validFrom) },
            { title: t('priceList.validTo'), render: (_, l) => formatDate(l.validTo) },
            { title: t('priceList.priority'), dataIndex: 'priority' },
            { title: t('priceList.items'), dataIndex: 'itemCount' },
            { title: '', render: (_, l) => (l.active ? null : <Tag>{t('product.inactive')}</Tag>) },
            {
              title: '', key: 'delete', render: (_, l) => l.permissions.delete && (
                <Popconfirm title={t('priceList.deleteConfirm')} onConfirm={() => void remove(l.id)}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                </Popconfirm>
              ),
            },
          ]} />
      </Card>
      <Modal open={creating || !!editing} title={editing ? t('priceList.edit') : t('priceList.add')} width={720} onCancel={close} onOk={() => form.submit()} okText={t('common.save')} destroyOnHidden>
        <Form
          key={editing?.id ?? 'new'}
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={editing
            ? {
              name: editing.name, tier: (editing.tier ?? undefined) as Values['tier'], accountType: editing.accountType ?? undefined, provinceCode: editing.provinceCode ?? undefined,
              validFrom: dayjs(editing.validFrom), validTo: editing.validTo ? dayjs(editing.validTo) : null, priority: editing.priority, active: editing.active,
              items: (editing.items ?? []).map((i) => ({ productId: i.productId, price: Number(i.price) })),
            }
            : { validFrom: dayjs(), priority: 0, active: true, items: [{}] }}
        >
          <Form.Item name="name" label={t('priceList.name')} rules={[{ required: true }]}><Input /></Form.Item>
          <Space wrap>
            <Form.Item name="tier" label={t('priceList.tier')}><Select allowClear style={{ width: 100 }} options={['A', 'B', 'C'].map((v) => ({ value: v, label: v }))} /></Form.Item>
            <Form.Item name="accountType" label={t('priceList.accountType')}><Select allowClear style={{ width: 160 }} placeholder={t('priceList.any')} options={typeOptions(types, locale)} /></Form.Item>
            <Form.Item name="provinceCode" label={t('priceList.province')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 160 }} placeholder={t('priceList.any')} options={(provinces.data ?? []).map((r) => ({ value: r.code, label: r.name }))} />
            </Form.Item>
            <Form.Item name="priority" label={t('priceList.priority')}><InputNumber min={0} style={{ width: 90 }} /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="validFrom" label={t('priceList.validFrom')} rules={[{ required: true }]}><DatePicker /></Form.Item>
            <Form.Item name="validTo" label={t('priceList.validTo')}><DatePicker /></Form.Item>
            <Form.Item name="active" label={t('priceList.active')} valuePropName="checked"><Switch /></Form.Item>
          </Space>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item name={[f.name, 'productId']} label={t('order.line.product')}><ProductPicker known={known} /></Form.Item>
                    <Form.Item name={[f.name, 'price']} label={t('priceList.price')}><InputNumber min={0} precision={2} style={{ width: 120 }} /></Form.Item>
                    <Button icon={<DeleteOutlined />} style={{ marginTop: 30 }} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})}>{t('priceList.addItem')}</Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
