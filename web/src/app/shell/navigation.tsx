import type { MenuProps } from 'antd';
import type { Access } from '../auth/access';
import type { MessageKey, Translate } from '../i18n/translate';
import type { NavGroup, PageDefinition } from './page-definition';

const groups: NavGroup[] = ['customers', 'sales', 'organisation', 'system'];
const groupLabels: Record<NavGroup, MessageKey> = {
  customers: 'nav.group.customers',
  sales: 'nav.group.sales',
  organisation: 'nav.group.organisation',
  system: 'nav.group.system',
};

/** Top-level pages the user may open, in menu order. */
export function navPages(pages: PageDefinition[], access: Access): PageDefinition[] {
  return pages
    .filter((p) => p.nav && p.allowed(access))
    .sort((a, b) => groups.indexOf(a.nav!.group) - groups.indexOf(b.nav!.group) || a.nav!.order - b.nav!.order);
}

/** Menu items grouped under headings; a group with nothing the user may open does not appear. */
export function menuItems(pages: PageDefinition[], access: Access, t: Translate): MenuProps['items'] {
  const visible = navPages(pages, access);
  return groups
    .map((group) => ({
      type: 'group' as const,
      key: group,
      label: t(groupLabels[group]),
      children: visible
        .filter((p) => p.nav!.group === group)
        .map((p) => ({ key: `/${p.path}`, icon: p.nav!.icon, label: t(p.nav!.label) })),
    }))
    .filter((g) => g.children.length > 0);
}

/** The menu entry that owns a location: /roles/123 belongs to /roles. */
export function selectedKey(pages: PageDefinition[], pathname: string): string | undefined {
  const page = pages.find((p) => p.nav && (pathname === `/${p.path}` || pathname.startsWith(`/${p.path}/`)));
  return page && `/${page.path}`;
}
