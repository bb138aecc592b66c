import { lazy } from 'react';
import { ShopOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const accountsPages: PageDefinition[] = [
  {
    path: 'accounts',
    component: lazy(() => import('./list/AccountsPage')),
    allowed: (access) => access.can('account', 'read'),
    nav: { label: 'nav.accounts', icon: <ShopOutlined />, group: 'customers', order: 10 },
  },
  { path: 'accounts/new', component: lazy(() => import('./form/CreateAccountPage')), allowed: (access) => access.can('account', 'create') },
  { path: 'accounts/:id', component: lazy(() => import('./detail/AccountPage')), allowed: (access) => access.can('account', 'read') },
];
