import { lazy } from 'react';
import { KeyOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const apiKeysPages: PageDefinition[] = [
  {
    path: 'api-keys',
    component: lazy(() => import('./ApiKeysPage')),
    allowed: (access) => access.has('api_keys.manage'),
    nav: { label: 'nav.apiKeys', icon: <KeyOutlined />, group: 'system', order: 30 },
  },
];
