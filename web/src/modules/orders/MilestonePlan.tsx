import { useState } from 'react';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Popconfirm, Steps, Tag, Typography } from 'antd';
import { CheckOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call } from '../../app/api/client';
import { useReportError } from '../../app/api/report-error';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { milestoneName, type Order } from './orders-api';

/**
 * The order's execution plan as steps: done, overdue, open; execution staff complete or reopen them
 * here, reschedule one or note what happened (every change notifies both owners).
 */
export function MilestonePlan({ order, onChanged }: { order: Order; onChanged: (o: Order) => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [editing, setEditing] = useState<Order['milestones'][number]>();
  const [form] = Form.useForm<{ dueOn: Dayjs; doneOn: Dayjs | null; note: string }>();
  const saveEdit = async (v: { dueOn: Dayjs; doneOn: Dayjs | null; note: string }) => {
    const m = editing!;
    try {
      const next = await call(api.PATCH('/api/v1/orders/{id}/milestones/{milestoneId}', {
        params: { path: { id: order.id, milestoneId: m.id } },
        body: {
          version: m.version,
          ...(v.dueOn.format('YYYY-MM-DD') !== m.dueOn ? { dueOn: v.dueOn.format('YYYY-MM-DD') } : {}),
          ...(m.doneAt && v.doneOn && v.doneOn.format('YYYY-MM-DD') !== m.doneOn ? { doneOn: v.doneOn.format('YYYY-MM-DD') } : {}),
          note: v.note.trim() || null,
        },
      }));
      void message.success(t('common.saved'));
      setEditing(undefined);
      onChanged(next);
    } catch (err) {
      report(err, form);
    }
  };
  const change = async (m: Order['milestones'][number], done: boolean) => {
    try {
      const next = await call(api.PATCH('/api/v1/orders/{id}/milestones/{milestoneId}', { params: { path: { id: order.id, milestoneId: m.id } }, body: { version: m.version, done } }));
      if (done) void message.success(t('milestone.completed'));
      onChanged(next);
    } catch (err) {
      report(err);
    }
  };
  const current = order.milestones.findIndex((m) => !m.doneAt);
  return (
    <>
      <Modal open={!!editing} title={editing ? milestoneName(editing, locale) : ''} onCancel={() => setEditing(undefined)} onOk={() => form.submit()} okText={t('common.save')} forceRender>
        <Form form={form} layout="vertical" onFinish={saveEdit}>
          <Form.Item name="dueOn" label={t('milestone.due')} rules={[{ required: true }]}><DatePicker allowClear={false} /></Form.Item>
          {editing?.doneAt && <Form.Item name="doneOn" label={t('milestone.doneOn')}><DatePicker allowClear={false} /></Form.Item>}
          <Form.Item name="note" label={t('milestone.note')}><Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} /></Form.Item>
        </Form>
      </Modal>
      <Steps
        direction="vertical"
        size="small"
        current={current < 0 ? order.milestones.length : current}
        items={order.milestones.map((m) => ({
          status: m.doneAt ? 'finish' : m.overdue ? 'error' : 'wait',
          title: (
            <Flex gap={8} align="center" wrap data-testid={`milestone-${m.key}`}>
              <span>{milestoneName(m, locale)}</span>
              {m.overdue && <Tag color="red">{t('milestone.overdue')}</Tag>}
              {m.permissions.update && !m.doneAt && (
                <Popconfirm title={t('milestone.markDone')} onConfirm={() => change(m, true)}>
                  <Button size="small" type="primary" icon={<CheckOutlined />}>{t('milestone.markDone')}</Button>
                </Popconfirm>
              )}
              {m.permissions.update && m.doneAt && <Button size="small" icon={<UndoOutlined />} onClick={() => change(m, false)}>{t('milestone.reopen')}</Button>}
              {m.permissions.update && (
                <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('common.edit')} data-testid="milestone-edit"
                  onClick={() => { form.setFieldsValue({ dueOn: dayjs(m.dueOn), doneOn: m.doneOn ? dayjs(m.doneOn) : null, note: m.note ?? '' }); setEditing(m); }} />
              )}
            </Flex>
          ),
          description: (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m.doneAt ? `${t('milestone.doneOn')} ${formatDate(m.doneOn)} · ${m.doneByName ?? ''}` : `${t('milestone.due')} ${formatDate(m.dueOn)}`}
              {m.note ? ` · ${m.note}` : ''}
            </Typography.Text>
          ),
        }))}
      />
    </>
  );
}
