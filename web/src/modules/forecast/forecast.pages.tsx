import { lazy } from 'react';
import { FunnelPlotOutlined, LineChartOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const forecastPages: PageDefinition[] = [
  {
    path: 'reports/funnel',
    component: lazy(() => import('./FunnelPage')),
    allowed: (access) => access.can('opportunity', 'read'),
    nav: { label: 'nav.funnel', icon: <FunnelPlotOutlined />, group: 'sales', order: 50 },
  },
  {
    path: 'reports/forecast',
    component: lazy(() => import('./ForecastPage')),
    allowed: (access) => access.can('opportunity', 'read'),
    nav: { label: 'nav.forecast', icon: <LineChartOutlined />, group: 'sales', order: 60 },
  },
];
