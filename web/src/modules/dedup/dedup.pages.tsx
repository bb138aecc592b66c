import { lazy } from 'react';
import { CopyOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const dedupPages: PageDefinition[] = [
  {
    path: 'duplicates',
    component: lazy(() => import('./DuplicateReportPage')),
    allowed: (access) => access.has('duplicates.manage'),
    nav: { label: 'nav.duplicates', icon: <CopyOutlined />, group: 'customers', order: 40 },
  },
];
