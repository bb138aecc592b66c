import { lazy } from 'react';
import { DeleteOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const recycleBinPages: PageDefinition[] = [
  {
    path: 'recycle-bin',
    component: lazy(() => import('./RecycleBinPage')),
    allowed: (access) => access.has('recycle_bin.manage'),
    nav: { label: 'nav.recycleBin', icon: <DeleteOutlined />, group: 'system', order: 20 },
  },
];
