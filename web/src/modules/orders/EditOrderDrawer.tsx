import { useState } from 'react';
import { App, Button, DatePicker, Drawer, Flex, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call } from '../../app/api/client';
import { useReportError } from '../../app/api/report-error';
import { useSignedIn } from '../../app/auth/auth-context';
import { useI18n } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { UserPicker } from '../org/users/UserPicker';
import { orderStatuses, type Order } from './orders-api';

interface Values {
  title: string;
  status: Order['status'];
  signedOn: Dayjs;
  deliveryFrom: Dayjs | null;
  deliveryTo: Dayjs | null;
  paymentTerms: string;
  note: string;
  ownerId: string;
}

const day = (v: string | null) => (v ? dayjs(v) : null);
const orNull = (s: string | undefined) => s?.trim() || null;

/** The order's header: title, status, signing day, delivery dates, payment terms, note and (with the assign right) its sales owner. */
export function EditOrderDrawer({ order, onClose, onSaved }: { order: Order; onClose: () => void; onSaved: (o: Order) => void }) {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const saved = await call(api.PATCH('/api/v1/orders/{id}', {
        params: { path: { id: order.id } },
        body: {
          version: order.version,
          title: orNull(v.title),
          status: v.status,
          ...(v.signedOn.format('YYYY-MM-DD') !== order.signedOn ? { signedOn: v.signedOn.format('YYYY-MM-DD') } : {}),
          deliveryFrom: v.deliveryFrom?.format('YYYY-MM-DD') ?? null,
          deliveryTo: v.deliveryTo?.format('YYYY-MM-DD') ?? null,
          paymentTerms: orNull(v.paymentTerms),
          note: orNull(v.note),
          ...(v.ownerId && v.ownerId !== order.ownerId ? { ownerId: v.ownerId } : {}),
        },
      }));
      void message.success(t('common.saved'));
      onSaved(saved);
    } catch (err) {
      report(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      title={t('order.edit')}
      size={isMobile ? '100%' : 520}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="order-save">{t('common.save')}</Button>
        </Flex>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          title: order.title ?? '', status: order.status, signedOn: dayjs(order.signedOn), deliveryFrom: day(order.deliveryFrom), deliveryTo: day(order.deliveryTo),
          paymentTerms: order.paymentTerms ?? '', note: order.note ?? '', ownerId: order.ownerId,
        }}
      >
        <Form.Item name="title" label={t('order.orderTitle')}><Input maxLength={200} /></Form.Item>
        <Form.Item name="status" label={t('order.status')}>
          <Select options={orderStatuses.map((s) => ({ value: s, label: t(`order.status.${s}`) }))} />
        </Form.Item>
        <Form.Item name="signedOn" label={t('order.signedOn')} extra={t('order.signedOnHint')} rules={[{ required: true }]}><DatePicker allowClear={false} /></Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="deliveryFrom" label={t('order.deliveryFrom')}><DatePicker /></Form.Item>
          <Form.Item
            name="deliveryTo"
            label={t('order.deliveryTo')}
            dependencies={['deliveryFrom']}
            rules={[({ getFieldValue }) => ({
              validator: (_, v: Dayjs | null) => {
                const from = getFieldValue('deliveryFrom') as Dayjs | null;
                return !v || !from || !v.isBefore(from, 'day') ? Promise.resolve() : Promise.reject(new Error(`${t('order.deliveryTo')} < ${t('order.deliveryFrom')}`));
              },
            })]}
          >
            <DatePicker />
          </Form.Item>
        </Flex>
        <Form.Item name="paymentTerms" label={t('order.paymentTerms')}><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} /></Form.Item>
        <Form.Item name="note" label={t('order.note')}><Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} /></Form.Item>
        {access.can('order', 'assign') && (
          <Form.Item name="ownerId" label={t('order.owner')} extra={t('order.reassignHint')}>
            <UserPicker />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
