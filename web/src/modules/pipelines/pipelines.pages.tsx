import { lazy } from 'react';
import { ApartmentOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const pipelinesPages: PageDefinition[] = [
  {
    path: 'pipelines',
    component: lazy(() => import('./PipelinesPage')),
    allowed: (access) => access.has('pipelines.manage'),
    nav: { label: 'nav.pipelines', icon: <ApartmentOutlined />, group: 'system', order: 40 },
  },
];
