import { lazy } from 'react';
import { BellOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const notificationsPages: PageDefinition[] = [
  {
    path: 'notifications',
    component: lazy(() => import('./NotificationsPage')),
    allowed: () => true,
    nav: { label: 'notifications.title', icon: <BellOutlined />, group: 'customers', order: 99 },
  },
];
