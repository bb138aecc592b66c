import { lazy } from 'react';
import { AccountBookOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const receivablesPages: PageDefinition[] = [
  {
    path: 'receivables',
    component: lazy(() => import('./ReceivablesPage')),
    allowed: (access) => access.can('payment', 'read'),
    nav: { label: 'nav.receivables', icon: <AccountBookOutlined />, group: 'sales', order: 74 },
  },
];
