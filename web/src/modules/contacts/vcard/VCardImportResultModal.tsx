import { Alert, Button, Collapse, Modal, Typography } from 'antd';
import type { VCardImportResult } from '../../../app/api/schemas';
import { useT } from '../../../app/i18n/i18n-context';

/** What an import did: how many contacts were created, which cards were skipped and why, what was read differently. */
export function VCardImportResultModal({ result, onClose }: { result: VCardImportResult; onClose: () => void }) {
  const t = useT();
  const problems = [
    ...result.skipped.map((s) => ({
      key: `skipped-${s.card}`,
      label: t('vcard.skipped', { card: s.card + 1, line: s.line }),
      children: s.reasons.map((r) => <div key={`${r.line}-${r.code}`}>{t('vcard.line', { line: r.line })} {r.message}</div>),
    })),
    ...(result.warnings.length
      ? [
          {
            key: 'warnings',
            label: t('vcard.warnings', { n: result.warnings.length }),
            children: result.warnings.map((w, i) => (
              <div key={i}>
                {t('vcard.card', { card: w.card + 1 })} · {t('vcard.line', { line: w.line })} {w.message}
              </div>
            )),
          },
        ]
      : []),
  ];
  return (
    <Modal open title={t('vcard.result.title')} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{t('common.close')}</Button>}>
      <Alert
        type={result.skipped.length ? 'warning' : 'success'}
        showIcon
        data-testid="vcard-result"
        title={t('vcard.result.summary', { created: result.created, total: result.cardCount })}
        style={{ marginBottom: 12 }}
      />
      {result.contacts.length > 0 && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true }}>
          {result.contacts.map((c) => c.name).join('、')}
        </Typography.Paragraph>
      )}
      {problems.length > 0 && <Collapse size="small" items={problems} />}
    </Modal>
  );
}
