import { lazy } from 'react';
import { InboxOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const poolPages: PageDefinition[] = [
  {
    path: 'pool',
    component: lazy(() => import('./PoolPage')),
    allowed: (access) => access.can('account', 'read'),
    nav: { label: 'nav.pool', icon: <InboxOutlined />, group: 'customers', order: 25 },
  },
  { path: 'pool/rules', component: lazy(() => import('./PoolRulesPage')), allowed: (access) => access.has('pool.rules.manage') },
];
