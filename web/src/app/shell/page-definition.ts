import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Access } from '../auth/access';
import type { MessageKey } from '../i18n/translate';

export type NavGroup = 'customers' | 'sales' | 'organisation' | 'system';

/**
 * A page a module contributes: its route, who may open it and, for top-level pages, its place in
 * the side menu. The menu is built from these, so it lists only pages that exist and the user may use.
 */
export interface PageDefinition {
  /** route path under the shell, e.g. "users" or "roles/:id" */
  path: string;
  component: LazyExoticComponent<ComponentType>;
  allowed: (access: Access) => boolean;
  nav?: { label: MessageKey; icon: ReactNode; group: NavGroup; order: number };
}
