import { lazy } from 'react';
import { FileDoneOutlined, NodeIndexOutlined, ScheduleOutlined, SettingOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const ordersPages: PageDefinition[] = [
  {
    path: 'orders',
    component: lazy(() => import('./OrderListPage')),
    allowed: (access) => access.can('order', 'read'),
    nav: { label: 'nav.orders', icon: <FileDoneOutlined />, group: 'sales', order: 70 },
  },
  { path: 'orders/:id', component: lazy(() => import('./OrderPage')), allowed: (access) => access.can('order', 'read') },
  {
    path: 'work-queue',
    component: lazy(() => import('./WorkQueuePage')),
    allowed: (access) => access.can('order_milestone', 'update'),
    nav: { label: 'nav.workQueue', icon: <ScheduleOutlined />, group: 'sales', order: 72 },
  },
  {
    path: 'order-types',
    component: lazy(() => import('./OrderTypesPage')),
    allowed: (access) => access.can('order', 'read') && access.has('order_types.manage'),
    nav: { label: 'nav.orderTypes', icon: <NodeIndexOutlined />, group: 'system', order: 42 },
  },
  {
    path: 'sales-settings',
    component: lazy(() => import('./SalesSettingsPage')),
    allowed: (access) => access.has('sales_settings.manage'),
    nav: { label: 'nav.salesSettings', icon: <SettingOutlined />, group: 'system', order: 44 },
  },
];
