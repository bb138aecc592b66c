import { lazy } from 'react';
import { CloudUploadOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const importsPages: PageDefinition[] = [
  {
    path: 'imports',
    component: lazy(() => import('./ImportPage')),
    allowed: (access) => access.can('account', 'import') || access.can('contact', 'import'),
    nav: { label: 'nav.imports', icon: <CloudUploadOutlined />, group: 'customers', order: 90 },
  },
];
