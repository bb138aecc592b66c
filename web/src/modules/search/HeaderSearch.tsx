import { useState } from 'react';
import { Button, Drawer } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useSignedIn } from '../../app/auth/auth-context';
import { useT } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../../app/responsive';
import { SearchBox } from './SearchBox';

/**
 * The search box in the header of every page, for whoever may read accounts or contacts. On a phone
 * there is no room beside the menu: a search button opens it full width at the top of the screen.
 */
export function HeaderSearch() {
  const t = useT();
  const { access } = useSignedIn();
  const isMobile = useIsMobile();
  const [open, setOpen] = useState(false);
  if (!access.can('account', 'read') && !access.can('contact', 'read')) return null;
  // The header sets a 56-px line height for its row; the box keeps its own.
  if (!isMobile) return <SearchBox style={{ width: 320, lineHeight: 'normal' }} />;
  return (
    <>
      <Button type="text" icon={<SearchOutlined />} aria-label={t('search.label')} onClick={() => setOpen(true)} />
      <Drawer
        open={open}
        placement="top"
        size="100%"
        title={t('search.label')}
        onClose={() => setOpen(false)}
        destroyOnHidden
        styles={{ body: { padding: 12 } }}
      >
        <SearchBox autoFocus style={{ width: '100%' }} onOpened={() => setOpen(false)} />
      </Drawer>
    </>
  );
}
