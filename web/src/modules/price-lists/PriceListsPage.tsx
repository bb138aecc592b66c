import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useReportError } from '../../app/api/report-error';
import { useSignedIn } from '../../app/auth/auth-context';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';
import { ProductPicker } from '../orders/ProductPicker';

interface Values {
  name: string;
  tier?: 'A' | 'B' | 'C';
  accountType?: string;
  provinceCode?: string;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
  priority: number;
  items: { productId: string; price: number }[];
}

/** Price lists by customer type, tier and province over a period; the most specific valid one prices a line. */
export default function PriceListsPage() {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const { message } = App.useApp();
  const report = useReportError();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<Values>();
  const { data, loading, reload } = useApi(() => call(api.GET('/api/v1/price-lists')), []);
  const save = async (v: Values) => {
    try {
      await call(api.POST('/api/v1/price-lists', {
        body: {
          name: v.name, tier: v.tier ?? null, accountType: v.accountType || null, provinceCode: v.provinceCode || null, currency: 'CNY',
          validFrom: v.validFrom.format('YYYY-MM-DD'), validTo: v.validTo?.format('YYYY-MM-DD') ?? null, priority: v.priority ?? 0, active: true,
          items: (v.items ?? []).filter((i) => i.productId).map((i) => ({ productId: i.productId, price: i.price.toFixed(2) })),
        },
      }));
      void message.success(t('common.saved'));
      setCreating(false);
      reload();
    } catch (err) {
      report(err);
    }
  };
  const any = (v: string | null) => v ?? t('priceList.any');
  return (
    <>
      <PageHeader title={t('priceList.title')} extra={access.can('price_list', 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('priceList.add')}</Button>} />
      <Card>
        <Table size="small" rowKey="id" loading={loading} pagination={false} dataSource={data?.items ?? []} scroll={{ x: 800 }}
          columns={[
            { title: t('priceList.name'), dataIndex: 'name' },
            { title: t('priceList.accountType'), render: (_, l) => any(l.accountType) },
            { title: t('priceList.tier'), render: (_, l) => any(l.tier) },
            { title: t('priceList.province'), render: (_, l) => any(l.provinceCode) },
            { title: t('priceList.validFrom'), render: (_, l) => formatDate(l.validFrom) },
            { title: t('priceList.validTo'), render: (_, l) => formatDate(l.validTo) },
            { title: t('priceList.priority'), dataIndex: 'priority' },
            { title: t('priceList.items'), dataIndex: 'itemCount' },
            { title: '', render: (_, l) => (l.active ? null : <Tag>{t('product.inactive')}</Tag>) },
          ]} />
      </Card>
      <Modal open={creating} title={t('priceList.add')} width={720} onCancel={() => setCreating(false)} onOk={() => form.submit()} okText={t('common.save')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save} initialValues={{ validFrom: dayjs(), priority: 0, items: [{}] }}>
          <Form.Item name="name" label={t('priceList.name')} rules={[{ required: true }]}><Input /></Form.Item>
          <Space wrap>
            <Form.Item name="tier" label={t('priceList.tier')}><Select allowClear style={{ width: 100 }} options={['A', 'B', 'C'].map((v) => ({ value: v, label: v }))} /></Form.Item>
            <Form.Item name="accountType" label={t('priceList.accountType')}><Input style={{ width: 140 }} /></Form.Item>
            <Form.Item name="provinceCode" label={t('priceList.province')}><Input style={{ width: 120 }} /></Form.Item>
            <Form.Item name="priority" label={t('priceList.priority')}><InputNumber min={0} style={{ width: 90 }} /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="validFrom" label={t('priceList.validFrom')} rules={[{ required: true }]}><DatePicker /></Form.Item>
            <Form.Item name="validTo" label={t('priceList.validTo')}><DatePicker /></Form.Item>
          </Space>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item name={[f.name, 'productId']} label={t('order.line.product')}><ProductPicker /></Form.Item>
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
