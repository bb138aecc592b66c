import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const auditLogPages: PageDefinition[] = [
  {
    path: 'audit-log',
    component: lazy(() => import('./AuditLogPage')),
    allowed: (access) => access.has('audit.read'),
    nav: { label: 'nav.auditLog', icon: <AuditOutlined />, group: 'system', order: 10 },
  },
];
