import { Suspense, useState, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Avatar, Button, Drawer, Dropdown, Flex, Layout, Menu, Spin, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth, useSignedIn } from '../auth/auth-context';
import { useReportError } from '../api/report-error';
import { useT } from '../i18n/i18n-context';
import { useIsMobile } from '../responsive';
import { Brand } from './Brand';
import { LocaleSwitch } from './LocaleSwitch';
import { menuItems, selectedKey } from './navigation';
import type { PageDefinition } from './page-definition';

/** `search` is the header's search box, contributed by the search module. */
export function AppShell({ pages, search }: { pages: PageDefinition[]; search?: ReactNode }) {
  const t = useT();
  const { me, access } = useSignedIn();
  const { signOut } = useAuth();
  const report = useReportError();
  const isMobile = useIsMobile();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();

  const current = selectedKey(pages, location.pathname);
  const menu = (
    <Menu
      mode="inline"
      items={menuItems(pages, access, t)}
      selectedKeys={current ? [current] : []}
      style={{ borderInlineEnd: 'none' }}
      onClick={({ key }) => {
        setMenuOpen(false);
        navigate(key);
      }}
    />
  );

  const userMenu = {
    items: [
      { key: 'profile', icon: <UserOutlined />, label: t('shell.profile') },
      { type: 'divider' as const },
      { key: 'signOut', icon: <LogoutOutlined />, label: t('shell.signOut') },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'profile') navigate('/profile');
      else signOut().catch(report);
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isMobile && (
        <Layout.Sider width={220} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <Brand />
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: '0 12px', borderBottom: '1px solid #f0f0f0', height: 56, lineHeight: '56px' }}
        >
          <Flex align="center" gap={8} style={{ height: '100%' }}>
            {isMobile && (
              <Button type="text" icon={<MenuOutlined />} aria-label={t('shell.openMenu')} onClick={() => setMenuOpen(true)} />
            )}
            <Typography.Text type="secondary" ellipsis style={{ flex: 1, minWidth: 0 }}>
              {me.tenant.name}
              {me.user.unitName && ` · ${me.user.unitName}`}
            </Typography.Text>
            {search}
            <LocaleSwitch />
            <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
              <Button type="text" aria-label={t('shell.userMenu')} style={{ paddingInline: 4 }}>
                <Avatar size="small" style={{ background: '#1677ff' }}>
                  {me.user.name.slice(0, 1)}
                </Avatar>
                {!isMobile && me.user.name}
              </Button>
            </Dropdown>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {isMobile && (
        <Drawer
          placement="left"
          size={260}
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          title={<Brand />}
          styles={{ body: { padding: 0 }, header: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      )}
    </Layout>
  );
}
