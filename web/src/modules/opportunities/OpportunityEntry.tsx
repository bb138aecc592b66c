import { Link } from 'react-router';
import { Tag, Typography } from 'antd';
import type { TimelineEntry } from '../../app/api/schemas';
import { formatMoney } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';

type Entry = NonNullable<TimelineEntry['opportunity']>;
const kindColor = { open: 'blue', won: 'green', lost: 'red' } as const;

/** A deal on the account timeline: created in a stage, moved, won or lost. */
export function OpportunityEntry({ entry }: { entry: Entry }) {
  const t = useT();
  return (
    <div data-testid="timeline-opportunity">
      <Typography.Text>{entry.first ? t('opp.add') : t('opp.move')}: </Typography.Text>
      <Link to={`/opportunities/${entry.opportunityId}`}>{entry.name}</Link>{' '}
      <Tag color={entry.kind ? kindColor[entry.kind] : undefined}>{entry.stageName}</Tag>
      {entry.amount != null && <Typography.Text type="secondary">{entry.currency} {formatMoney(entry.amount)}</Typography.Text>}
      {entry.closeReason && <div><Typography.Text type="secondary">{t('opp.closeReason')}: {entry.closeReason}</Typography.Text></div>}
      {entry.byName && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{entry.byName}</Typography.Text></div>}
    </div>
  );
}
