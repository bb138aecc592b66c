import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useApi } from '../../app/api/use-api';
import { useCursorList } from '../../app/api/use-cursor-list';
import { useReportError } from '../../app/api/report-error';
import { useSignedIn } from '../../app/auth/auth-context';
import { formatMoney } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';
import type { Product } from '../orders/orders-api';

interface Values {
  code: string;
  name: string;
  englishName?: string;
  categoryId?: string;
  unit: string;
  specification?: string;
  listPrice?: number | null;
  taxRate: number;
  active: boolean;
}

/** The product catalogue: search by code or name, filter by category; administrators add and edit. */
export default function ProductListPage() {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const { message } = App.useApp();
  const report = useReportError();
  const [q, setQ] = useState('');
  const [categoryId, setCategoryId] = useState<string>();
  const [active, setActive] = useState<'true' | 'all'>('true');
  const [editing, setEditing] = useState<Product | 'new'>();
  const [addingCategory, setAddingCategory] = useState(false);
  const [form] = Form.useForm<Values>();
  const [catForm] = Form.useForm<{ code: string; name: string; englishName?: string }>();
  const categories = useApi(() => call(api.GET('/api/v1/product-categories')), []);
  const list = useCursorList((cursor) => call(api.GET('/api/v1/products', { params: { query: { q: q || undefined, categoryId, active, cursor, limit: 100 } } })), [q, categoryId, active]);

  const open = (p: Product | 'new') => {
    form.setFieldsValue(p === 'new'
      ? { code: '', name: '', unit: '', taxRate: 13, active: true, listPrice: null }
      : { code: p.code, name: p.name, englishName: p.englishName ?? undefined, categoryId: p.categoryId ?? undefined, unit: p.unit, specification: p.specification ?? undefined, listPrice: p.listPrice === null ? null : Number(p.listPrice), taxRate: Number(p.taxRate), active: p.active });
    setEditing(p);
  };
  const save = async (v: Values) => {
    const body = { ...v, categoryId: v.categoryId ?? null, listPrice: v.listPrice === null || v.listPrice === undefined ? null : v.listPrice.toFixed(2), taxRate: v.taxRate.toFixed(2) };
    try {
      if (editing === 'new') await call(api.POST('/api/v1/products', { body: { ...body, currency: 'CNY' } }));
      else if (editing) await call(api.PATCH('/api/v1/products/{id}', { params: { path: { id: editing.id } }, body: { ...body, version: editing.version } }));
      void message.success(t('common.saved'));
      setEditing(undefined);
      list.reload();
    } catch (err) {
      report(err);
    }
  };
  const saveCategory = async (v: { code: string; name: string; englishName?: string }) => {
    try {
      await call(api.POST('/api/v1/product-categories', { body: { ...v, sortOrder: 0 } }));
      setAddingCategory(false);
      categories.reload();
    } catch (err) {
      report(err);
    }
  };
  const categoryOptions = (categories.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.productCount})` }));

  return (
    <>
      <PageHeader
        title={t('product.title')}
        extra={access.can('product', 'create') && (
          <>
            <Button onClick={() => { catForm.resetFields(); setAddingCategory(true); }}>{t('product.addCategory')}</Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="product-add">{t('product.add')}</Button>
          </>
        )}
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder={t('product.search')} style={{ width: 240 }} onSearch={(v) => setQ(v.trim())} />
          <Select allowClear placeholder={t('product.category')} style={{ width: 200 }} value={categoryId} onChange={setCategoryId} options={categoryOptions} />
          <Select value={active} onChange={setActive} style={{ width: 120 }} options={[{ value: 'true', label: t('product.active') }, { value: 'all', label: t('priceList.any') }]} />
        </Flex>
        <Table<Product> size="small" rowKey="id" loading={list.loading} pagination={false} dataSource={list.items} scroll={{ x: 800 }}
          onRow={(p) => ({ onClick: () => p.permissions.update && open(p), style: { cursor: p.permissions.update ? 'pointer' : undefined } })}
          columns={[
            { title: t('product.code'), dataIndex: 'code' },
            { title: t('product.name'), dataIndex: 'name' },
            { title: t('product.category'), dataIndex: 'categoryName' },
            { title: t('product.specification'), dataIndex: 'specification' },
            { title: t('product.unit'), dataIndex: 'unit' },
            { title: t('product.listPrice'), align: 'right', render: (_, p) => formatMoney(p.listPrice) },
            { title: t('product.taxRate'), align: 'right', dataIndex: 'taxRate' },
            { title: '', render: (_, p) => (p.active ? null : <Tag>{t('product.inactive')}</Tag>) },
          ]} />
        {list.hasMore && <Button block style={{ marginTop: 8 }} onClick={list.loadMore}>{t('common.loadMore')}</Button>}
      </Card>
      <Modal open={!!editing} title={editing === 'new' ? t('product.add') : t('product.edit')} onCancel={() => setEditing(undefined)} onOk={() => form.submit()} okText={t('common.save')} destroyOnHidden forceRender>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="code" label={t('product.code')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="name" label={t('product.name')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="englishName" label={t('product.englishName')}><Input /></Form.Item>
          <Form.Item name="categoryId" label={t('product.category')}><Select allowClear options={categoryOptions} /></Form.Item>
          <Flex gap={8} wrap>
            <Form.Item name="unit" label={t('product.unit')} rules={[{ required: true }]}><Input style={{ width: 100 }} /></Form.Item>
            <Form.Item name="listPrice" label={t('product.listPrice')}><InputNumber min={0} precision={2} style={{ width: 140 }} /></Form.Item>
            <Form.Item name="taxRate" label={t('product.taxRate')} rules={[{ required: true }]}><InputNumber min={0} max={100} style={{ width: 100 }} /></Form.Item>
            <Form.Item name="active" label={t('product.active')} valuePropName="checked"><Switch /></Form.Item>
          </Flex>
          <Form.Item name="specification" label={t('product.specification')}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={addingCategory} title={t('product.addCategory')} onCancel={() => setAddingCategory(false)} onOk={() => catForm.submit()} okText={t('common.save')} forceRender>
        <Form form={catForm} layout="vertical" onFinish={saveCategory}>
          <Form.Item name="code" label={t('product.categoryCode')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="name" label={t('product.categoryName')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="englishName" label={t('product.englishName')}><Input /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
