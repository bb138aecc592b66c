import { lazy } from 'react';
import { FundProjectionScreenOutlined, ProjectOutlined, TeamOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const opportunitiesPages: PageDefinition[] = [
  {
    path: 'opportunities/board',
    component: lazy(() => import('./BoardPage')),
    allowed: (access) => access.can('opportunity', 'read'),
    nav: { label: 'nav.board', icon: <ProjectOutlined />, group: 'sales', order: 10 },
  },
  {
    path: 'opportunities',
    component: lazy(() => import('./OpportunityListPage')),
    allowed: (access) => access.can('opportunity', 'read'),
    nav: { label: 'nav.opportunities', icon: <FundProjectionScreenOutlined />, group: 'sales', order: 20 },
  },
  {
    path: 'opportunities/coaching',
    component: lazy(() => import('./CoachingPage')),
    allowed: (access) => access.can('opportunity', 'read') && access.scope('opportunity') !== 'own',
    nav: { label: 'nav.coaching', icon: <TeamOutlined />, group: 'sales', order: 40 },
  },
  { path: 'opportunities/:id', component: lazy(() => import('./OpportunityPage')), allowed: (access) => access.can('opportunity', 'read') },
];
