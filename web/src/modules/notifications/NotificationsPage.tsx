import { useNavigate } from 'react-router';
import { Badge, Button, Card, Empty, List, Typography } from 'antd';
import { api, call } from '../../app/api/client';
import { useCursorList } from '../../app/api/use-cursor-list';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { PageHeader } from '../../app/shell/PageHeader';

type Item = Awaited<ReturnType<typeof fetchPage>>['items'][number];
const fetchPage = (cursor?: string) => call(api.GET('/api/v1/notifications', { params: { query: { cursor, limit: 50 } } }));
const routeOf: Record<string, string> = { order: 'orders', account: 'accounts', opportunity: 'opportunities', activity: 'activities' };

/** My notifications, unread first; opening one marks it read and goes to its record. */
export default function NotificationsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useCursorList(fetchPage, []);
  const open = async (n: Item) => {
    if (!n.readAt) await call(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id: n.id } } })).catch(() => undefined);
    const base = n.link && routeOf[n.link.type];
    if (base && n.link) void navigate(`/${base}/${n.link.id}`);
    else list.reload();
  };
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        extra={<Button onClick={() => void call(api.POST('/api/v1/notifications/read-all')).then(list.reload)}>{t('notifications.readAll')}</Button>}
      />
      <Card>
        {!list.loading && !list.items.length ? <Empty description={t('notifications.none')} /> : (
          <List
            loading={list.loading}
            dataSource={list.items}
            renderItem={(n) => (
              <List.Item data-testid="notification" style={{ cursor: 'pointer' }} onClick={() => void open(n)}>
                <List.Item.Meta
                  title={<Badge dot={!n.readAt} offset={[6, 0]}><Typography.Text strong={!n.readAt}>{n.title}</Typography.Text></Badge>}
                  description={<>{n.body && <div>{n.body}</div>}<Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(n.createdAt)}</Typography.Text></>}
                />
              </List.Item>
            )}
          />
        )}
        {list.hasMore && <Button block style={{ marginTop: 8 }} onClick={list.loadMore}>{t('common.loadMore')}</Button>}
      </Card>
    </>
  );
}
