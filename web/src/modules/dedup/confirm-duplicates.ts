import type { useAppProps } from 'antd/es/app/context';
import type { Translate } from '../../app/i18n/translate';
import type { DuplicateCandidate } from './dedup-api';

interface Options {
  /**
   * Whether the server lets this user save over a likely duplicate someone else holds: on create,
   * only those who may reassign customers (the first to register owns a customer); edits always.
   */
  mayOverride: boolean;
  /** the user's name: their own customers never block them */
  myName: string;
}

/**
 * Before saving over likely duplicates the user confirms; resolves true to go on. Only likely ones
 * ask: a merely similar name would make the question routine and so ignored. Where the server would
 * refuse anyway, the user is told whom to ask instead of being offered "save anyway".
 */
export function confirmDespiteDuplicates(
  modal: useAppProps['modal'], t: Translate, candidates: DuplicateCandidate[], { mayOverride, myName }: Options = { mayOverride: true, myName: '' },
): Promise<boolean> {
  const likely = candidates.filter((c) => c.likelyDuplicate);
  if (!likely.length) return Promise.resolve(true);
  const heldByOthers = likely.find((c) => c.inPool || c.ownerName !== myName);
  if (!mayOverride && heldByOthers) {
    modal.warning({
      title: t('dup.blocked.title'),
      content: t('dup.blocked.text', {
        name: heldByOthers.name,
        owner: heldByOthers.inPool ? t('pool.title') : [heldByOthers.ownerName, heldByOthers.unitName].filter(Boolean).join(' · ') || '—',
      }),
    });
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    modal.confirm({
      title: t('dup.confirm.title'),
      content: t('dup.confirm.text', { count: likely.length, name: likely[0].name }),
      okText: t('dup.confirm.ok'),
      okButtonProps: { danger: true },
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}
