import { lazy } from 'react';
import { ApartmentOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

const manageRoles = 'roles.manage';
const RoleEditorPage = lazy(() => import('./roles/RoleEditorPage'));

export const orgPages: PageDefinition[] = [
  {
    path: 'org',
    component: lazy(() => import('./units/OrgUnitsPage')),
    allowed: (access) => access.can('org_unit', 'read'),
    nav: { label: 'nav.org', icon: <ApartmentOutlined />, group: 'organisation', order: 10 },
  },
  {
    path: 'users',
    component: lazy(() => import('./users/UsersPage')),
    allowed: (access) => access.can('user', 'read'),
    nav: { label: 'nav.users', icon: <TeamOutlined />, group: 'organisation', order: 20 },
  },
  {
    path: 'roles',
    component: lazy(() => import('./roles/RolesPage')),
    allowed: (access) => access.has(manageRoles),
    nav: { label: 'nav.roles', icon: <SafetyCertificateOutlined />, group: 'organisation', order: 30 },
  },
  { path: 'roles/new', component: RoleEditorPage, allowed: (access) => access.has(manageRoles) },
  { path: 'roles/:id', component: RoleEditorPage, allowed: (access) => access.has(manageRoles) },
];
