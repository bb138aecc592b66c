import { App, Button, Flex, Popconfirm, Steps, Tag, Typography } from 'antd';
import { CheckOutlined, UndoOutlined } from '@ant-design/icons';
import { api, call } from '../../app/api/client';
import { useReportError } from '../../app/api/report-error';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { milestoneName, type Order } from './orders-api';

/** The order's execution plan as steps: done, overdue, open; execution staff complete or reopen them here. */
export function MilestonePlan({ order, onChanged }: { order: Order; onChanged: (o: Order) => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
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
  );
}
