import { List, Typography } from 'antd';
import { useT } from '../../app/i18n/i18n-context';
import { hasMessage } from '../../app/i18n/translate';

/** "activities.account_id" → 跟进记录; a table without a label (added by a later module) shows its name. */
export function useLinkLabel() {
  const t = useT();
  return (link: string) => {
    const table = link.split('.')[0];
    const key = `merge.link.${table}`;
    return hasMessage(key) ? t(key) : table;
  };
}

/** What a merge moves (or moved), table by table. */
export function MovedCounts({ moved, removed = [] }: { moved: { link: string; count: number }[]; removed?: { link: string; count: number }[] }) {
  const t = useT();
  const label = useLinkLabel();
  const dropped = removed.reduce((n, r) => n + r.count, 0);
  return (
    <>
      {moved.length ? (
        <List
          size="small"
          data-testid="merge-moved"
          dataSource={moved}
          renderItem={(m) => (
            <List.Item>
              <span>{label(m.link)}</span>
              <Typography.Text strong>{m.count}</Typography.Text>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">{t('merge.previewNone')}</Typography.Text>
      )}
      {dropped > 0 && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('merge.removedLinks', { n: dropped })}</Typography.Paragraph>}
    </>
  );
}
