import { lazy } from 'react';
import { ContactsOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../app/shell/page-definition';

export const contactsPages: PageDefinition[] = [
  {
    path: 'contacts',
    component: lazy(() => import('./ContactsPage')),
    allowed: (access) => access.can('contact', 'read'),
    nav: { label: 'nav.contacts', icon: <ContactsOutlined />, group: 'customers', order: 20 },
  },
  { path: 'contacts/:id', component: lazy(() => import('./ContactPage')), allowed: (access) => access.can('contact', 'read') },
];
