import { lazy } from 'react';
import { FormOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const customFieldsPages: PageDefinition[] = [
  {
    path: 'custom-fields',
    component: lazy(() => import('./CustomFieldsPage')),
    allowed: (access) => access.has('custom_fields.manage'),
    nav: { label: 'nav.customFields', icon: <FormOutlined />, group: 'system', order: 5 },
  },
];
