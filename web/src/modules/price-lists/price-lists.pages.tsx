import { lazy } from 'react';
import { TagsOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const priceListsPages: PageDefinition[] = [
  {
    path: 'price-lists',
    component: lazy(() => import('./PriceListsPage')),
    allowed: (access) => access.can('price_list', 'read'),
    nav: { label: 'nav.priceLists', icon: <TagsOutlined />, group: 'sales', order: 82 },
  },
];
