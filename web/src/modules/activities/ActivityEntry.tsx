import { App, Button, Flex, Tag, Typography } from 'antd';
import { CheckOutlined, UndoOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { api, call } from '../../app/api/client';
import type { Activity } from '../../app/api/schemas';
import { useReportError } from '../../app/api/report-error';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { kindOf } from './activity-kinds';

/** One follow-up on the timeline: what, when, who, with whom, and for a task whether it is done. */
export function ActivityEntry({ activity: a, onChanged }: { activity: Activity; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const kind = kindOf(a.kind);

  const toggle = async (done: boolean) => {
    try {
      const path = done ? '/api/v1/activities/{id}/complete' : '/api/v1/activities/{id}/reopen';
      await call(api.POST(path, { params: { path: { id: a.id } }, body: { version: a.version } }));
      void message.success(t(done ? 'activity.completed' : 'activity.reopened'));
      onChanged();
    } catch (err) {
      report(err);
    }
  };

  const when = a.kind === 'task' ? (a.dueAt ? t('activity.due', { at: formatDateTime(a.dueAt) }) : t('activity.noDue')) : formatDateTime(a.at);
  return (
    <div data-testid="timeline-activity">
      <Flex wrap gap={6} align="center">
        <Tag color={kind.color} icon={kind.icon} style={{ marginInlineEnd: 0 }}>
          {t(kind.label)}
        </Tag>
        <Typography.Text strong>{a.subject}</Typography.Text>
        {a.kind === 'task' && (a.completedAt ? <Tag color="green">{t('activity.done')}</Tag> : a.overdue ? <Tag color="red">{t('activity.overdue')}</Tag> : <Tag>{t('activity.open')}</Tag>)}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[when, a.durationMinutes ? t('activity.lasting', { n: a.durationMinutes }) : null, a.ownerName, a.contactName, a.locationAddress].filter(Boolean).join(' · ')}
        {a.contactId && a.contactName && (
          <>
            {' '}
            <Link to={`/contacts/${a.contactId}`}>↗</Link>
          </>
        )}
      </Typography.Text>
      {a.content && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>{a.content}</Typography.Paragraph>}
      {a.result && (
        <Typography.Paragraph style={{ margin: '4px 0 0' }}>
          <Typography.Text type="secondary">{t('activity.result')}：</Typography.Text>
          {a.result}
        </Typography.Paragraph>
      )}
      {a.nextStep && (
        <Typography.Paragraph style={{ margin: '4px 0 0' }}>
          <Typography.Text type="secondary">{t('activity.nextStep')}：</Typography.Text>
          {a.nextStep}
        </Typography.Paragraph>
      )}
      {a.kind === 'task' && a.permissions.update && (
        <Button size="small" style={{ marginTop: 6 }} icon={a.completedAt ? <UndoOutlined /> : <CheckOutlined />} onClick={() => toggle(!a.completedAt)}>
          {t(a.completedAt ? 'activity.reopen' : 'activity.complete')}
        </Button>
      )}
    </div>
  );
}
