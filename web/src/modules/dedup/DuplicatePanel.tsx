import { Link } from 'react-router';
import { Alert, Flex, Tag, Typography } from 'antd';
import { useT } from '../../app/i18n/i18n-context';
import { hasMessage } from '../../app/i18n/translate';
import { RiskWarnings } from '../risk-flags/RiskBadge';
import type { DuplicateCandidate } from './dedup-api';

/** A reason as a short label ("same credit code", "name variant"), the matcher's detail on hover. */
function ReasonTag({ reason }: { reason: DuplicateCandidate['reasons'][number] }) {
  const t = useT();
  const key = `dup.reason.${reason.kind}`;
  return (
    <Tag title={reason.detail} color={reason.score >= 0.8 ? 'volcano' : 'default'} style={{ marginInlineEnd: 0 }}>
      {hasMessage(key) ? t(key) : reason.kind}
    </Tag>
  );
}

export function CandidateLine({ c }: { c: DuplicateCandidate }) {
  const t = useT();
  const where = c.id
    ? c.inPool
      ? t('dup.inPool')
      : c.ownerName && t('dup.owner', { owner: c.ownerName })
    : c.inPool
      ? t('dup.outside.pool', { unit: c.unitName ?? '—' })
      : t('dup.outside', { owner: [c.ownerName, c.unitName].filter(Boolean).join(' · ') || '—' });
  return (
    <Flex vertical gap={4} data-testid="duplicate-candidate" style={{ padding: '6px 0', borderTop: '1px solid #f0f0f0' }}>
      <Flex wrap gap={6} align="center">
        {c.id ? (
          <Link to={`/accounts/${c.id}`} target="_blank">
            <Typography.Text strong>{c.name}</Typography.Text>
          </Link>
        ) : (
          <Typography.Text strong>{c.name}</Typography.Text>
        )}
        <Tag color={c.likelyDuplicate ? 'red' : 'gold'} style={{ marginInlineEnd: 0 }}>
          {c.likelyDuplicate ? t('dup.likely') : t('dup.possible')} · {t('dup.score', { score: Math.round(c.score * 100) })}
        </Tag>
      </Flex>
      <Flex wrap gap={4}>
        {c.reasons.filter((r) => r.score > 0).map((r) => <ReasonTag key={r.kind + r.detail} reason={r} />)}
      </Flex>
      {where && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{where}</Typography.Text>}
      <RiskWarnings warnings={c.riskWarnings} />
    </Flex>
  );
}

/**
 * Beside the account form: customers that may be the one being entered, with score, reasons and
 * any risk warning — even for customers the user may not open (then only who holds them).
 */
export function DuplicatePanel({ candidates, checking }: { candidates: DuplicateCandidate[]; checking: boolean }) {
  const t = useT();
  if (!candidates.length) {
    return checking ? <Typography.Text type="secondary">{t('dup.panel.checking')}</Typography.Text> : null;
  }
  const likely = candidates.some((c) => c.likelyDuplicate);
  return (
    <Alert
      type={likely ? 'warning' : 'info'}
      showIcon
      data-testid="duplicate-panel"
      style={{ marginBottom: 16 }}
      title={t('dup.panel.title')}
      description={
        <div style={{ maxHeight: 320, overflowY: 'auto' }}>
          {candidates.map((c, i) => <CandidateLine key={c.id ?? `${c.name}-${i}`} c={c} />)}
        </div>
      }
    />
  );
}
