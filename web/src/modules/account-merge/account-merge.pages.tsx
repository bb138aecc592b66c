import { lazy } from 'react';
import { MergeCellsOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const accountMergePages: PageDefinition[] = [
  { path: 'accounts/merge', component: lazy(() => import('./MergePage')), allowed: (access) => access.has('accounts.merge') },
  {
    path: 'account-merges',
    component: lazy(() => import('./AccountMergesPage')),
    allowed: (access) => access.has('accounts.merge'),
    nav: { label: 'nav.accountMerges', icon: <MergeCellsOutlined />, group: 'customers', order: 45 },
  },
];
