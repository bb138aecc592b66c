import { lazy } from 'react';
import type { PageDefinition } from '../../app/shell/page-definition';

export const sessionPages: PageDefinition[] = [
  // Everyone signed in has a profile; it is reached from the user menu in the header, not the side menu.
  { path: 'profile', component: lazy(() => import('./ProfilePage')), allowed: () => true },
];
