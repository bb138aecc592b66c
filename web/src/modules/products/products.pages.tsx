import { lazy } from 'react';
import { AppstoreOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const productsPages: PageDefinition[] = [
  {
    path: 'products',
    component: lazy(() => import('./ProductListPage')),
    allowed: (access) => access.can('product', 'read'),
    nav: { label: 'nav.products', icon: <AppstoreOutlined />, group: 'sales', order: 80 },
  },
];
