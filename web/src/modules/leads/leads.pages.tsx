import { lazy } from 'react';
import { AimOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const leadsPages: PageDefinition[] = [
  {
    path: 'leads',
    component: lazy(() => import('./LeadListPage')),
    allowed: (access) => access.can('lead', 'read'),
    nav: { label: 'nav.leads', icon: <AimOutlined />, group: 'sales', order: 5 },
  },
  { path: 'leads/:id', component: lazy(() => import('./LeadPage')), allowed: (access) => access.can('lead', 'read') },
];
