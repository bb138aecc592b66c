import { lazy } from 'react';
import { DashboardOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const homePages: PageDefinition[] = [
  {
    path: 'home',
    component: lazy(() => import('./HomePage')),
    allowed: (access) => access.can('order', 'read') || access.can('opportunity', 'read'),
    nav: { label: 'nav.home', icon: <DashboardOutlined />, group: 'sales', order: 1 },
  },
];
