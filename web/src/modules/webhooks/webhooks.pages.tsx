import { lazy } from 'react';
import { ApiOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const webhooksPages: PageDefinition[] = [
  {
    path: 'webhooks',
    component: lazy(() => import('./WebhooksPage')),
    allowed: (access) => access.has('webhooks.manage'),
    nav: { label: 'nav.webhooks', icon: <ApiOutlined />, group: 'system', order: 35 },
  },
  { path: 'webhooks/:id', component: lazy(() => import('./WebhookDeliveriesPage')), allowed: (access) => access.has('webhooks.manage') },
];
