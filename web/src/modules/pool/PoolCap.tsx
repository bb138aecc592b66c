import { Tag } from 'antd';
import { useT } from '../../app/i18n/i18n-context';
import type { PoolSummary } from './pool-api';

/** "12 / 20 private customers": orange when one more claim is the last, red at the cap. */
export function PoolCap({ summary }: { summary: PoolSummary | undefined }) {
  const t = useT();
  if (!summary) return null;
  const { held, maxPrivate: max } = summary;
  const color = max === null ? 'blue' : held >= max ? 'red' : held >= max - 1 ? 'orange' : 'green';
  return (
    <Tag color={color} data-testid="pool-cap" style={{ marginInlineEnd: 0, fontSize: 14, padding: '2px 8px' }}>
      {max === null ? t('pool.cap.none', { held }) : t('pool.cap', { held, max })}
    </Tag>
  );
}
