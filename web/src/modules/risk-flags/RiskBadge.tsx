import { Flex, Tag, Tooltip, Typography } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import type { MessageKey } from '../../app/i18n/translate';
import type { RiskKind, RiskWarning } from './risk-api';

/** The red badge of a risk flag: bad debt, fraud or malicious; the reason on hover when given. */
export function RiskBadge({ kind, reason }: { kind: RiskKind; reason?: string }) {
  const t = useT();
  const tag = (
    <Tag color="red" icon={<WarningFilled />} data-testid="risk-badge" style={{ marginInlineEnd: 0 }}>
      {t(`risk.kind.${kind}` as MessageKey)}
    </Tag>
  );
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}

/** Warnings as every branch sees them: badge, reason, who flagged and when. */
export function RiskWarnings({ warnings }: { warnings: RiskWarning[] }) {
  const t = useT();
  if (!warnings.length) return null;
  return (
    <Flex vertical gap={4} data-testid="risk-warnings">
      {warnings.map((w) => (
        <div key={w.flagId}>
          <RiskBadge kind={w.kind} /> <Typography.Text type="danger">{w.reason}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            ({[w.flaggingUnitName && t('risk.from', { unit: w.flaggingUnitName }), formatDate(w.flaggedAt)].filter(Boolean).join(' · ')})
          </Typography.Text>
        </div>
      ))}
    </Flex>
  );
}
