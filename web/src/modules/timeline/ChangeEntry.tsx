import { Typography } from 'antd';
import type { TimelineEntry } from '../../app/api/schemas';
import { useT } from '../../app/i18n/i18n-context';
import { ChangeList, type FieldNamer } from '../audit-log/ChangeList';
import { eventLabel, objectLabel } from '../audit-log/labels';
import { useNameLookup } from '../audit-log/use-name-lookup';

type Change = NonNullable<TimelineEntry['change']>;

/** A change of the account (or of one of its contacts) as the audit log recorded it. */
export function ChangeEntry({ change: c, fields }: { change: Change; fields?: FieldNamer }) {
  const t = useT();
  const nameOf = useNameLookup();
  return (
    <div data-testid="timeline-change">
      <Typography.Text strong>{eventLabel(t, c.action)}</Typography.Text>
      {c.objectType !== 'account' && c.objectLabel && (
        <Typography.Text>
          {' '}
          {objectLabel(t, c.objectType)} {c.objectLabel}
        </Typography.Text>
      )}
      <Typography.Text type="secondary"> · {c.actorName ?? t('audit.system')}</Typography.Text>
      {c.changes && Object.keys(c.changes).length > 0 && (
        <div style={{ marginTop: 6 }}>
          <ChangeList objectType={c.objectType} changes={c.changes} nameOf={nameOf} fields={c.objectType === 'account' ? fields : undefined} />
        </div>
      )}
    </div>
  );
}
