import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Link, Navigate } from 'react-router';
import { Button, Result, Spin } from 'antd';
import { HeaderSearch, pages } from '../modules';
import { useSignedIn } from './auth/auth-context';
import { RequireAuth } from './auth/RequireAuth';
import { useT } from './i18n/i18n-context';
import { AppShell } from './shell/AppShell';
import { navPages } from './shell/navigation';
import type { PageDefinition } from './shell/page-definition';

const LoginPage = lazy(() => import('../modules/session/LoginPage'));
const ForcedPasswordChangePage = lazy(() => import('../modules/session/ForcedPasswordChangePage'));

const loading = <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
const suspended = (node: ReactNode) => <Suspense fallback={loading}>{node}</Suspense>;

/** A page opened by URL that the user may not use says so, rather than failing on its first request. */
function PageGate({ page }: { page: PageDefinition }) {
  const { access } = useSignedIn();
  const t = useT();
  if (!page.allowed(access)) {
    return (
      <Result
        status="403"
        title={t('page.forbidden.title')}
        subTitle={t('page.forbidden.text')}
        extra={<Link to="/"><Button type="primary">{t('page.backHome')}</Button></Link>}
      />
    );
  }
  const Page = page.component;
  return <Page />;
}

/** "/" opens the first page of the user's menu. */
function HomeRedirect() {
  const { access } = useSignedIn();
  const first = navPages(pages, access)[0];
  return <Navigate to={first ? `/${first.path}` : '/profile'} replace />;
}

function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('page.notFound.title')}
      extra={<Link to="/"><Button type="primary">{t('page.backHome')}</Button></Link>}
    />
  );
}

export const router = createBrowserRouter([
  { path: '/login', element: suspended(<LoginPage />) },
  {
    path: '/',
    element: (
      <RequireAuth passwordChange={suspended(<ForcedPasswordChangePage />)}>
        <AppShell pages={pages} search={<HeaderSearch />} />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      ...pages.map((page) => ({ path: page.path, element: <PageGate page={page} /> })),
      { path: '*', element: <NotFound /> },
    ],
  },
]);
