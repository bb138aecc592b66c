import { lazy } from 'react';
import { FileTextOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const quotesPages: PageDefinition[] = [
  {
    path: 'quotes',
    component: lazy(() => import('./QuoteListPage')),
    allowed: (access) => access.can('quote', 'read'),
    nav: { label: 'nav.quotes', icon: <FileTextOutlined />, group: 'sales', order: 66 },
  },
  { path: 'quotes/:id', component: lazy(() => import('./QuotePage')), allowed: (access) => access.can('quote', 'read') },
];
