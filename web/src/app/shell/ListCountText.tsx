import { Typography } from 'antd';
import type { ListCount } from '../api/use-cursor-list';
import { useI18n } from '../i18n/i18n-context';

/** "共 12 条" or, above the server's exact-count cap, "约 1,200,000 条". */
export function ListCountText({ total }: { total: ListCount | null }) {
  const { t, locale } = useI18n();
  if (!total) return null;
  const n = total.value.toLocaleString(locale);
  return (
    <Typography.Text type="secondary" data-testid="list-count">
      {t(total.exact ? 'list.count' : 'list.countAbout', { n })}
    </Typography.Text>
  );
}
