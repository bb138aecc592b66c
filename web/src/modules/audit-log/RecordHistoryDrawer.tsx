import { Drawer } from 'antd';
import { useT } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { RecordHistory } from './RecordHistory';

/** One record's history in a drawer, opened from a list row. */
export function RecordHistoryDrawer({ objectType, objectId, title, onClose }: { objectType: string; objectId: string; title: string; onClose: () => void }) {
  const t = useT();
  const isMobile = useIsMobile();
  return (
    <Drawer open title={t('history.title', { name: title })} size={isMobile ? '100%' : 560} onClose={onClose} destroyOnHidden>
      <RecordHistory objectType={objectType} objectId={objectId} />
    </Drawer>
  );
}
