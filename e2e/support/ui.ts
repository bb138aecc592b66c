import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const artifactsDir = path.resolve(import.meta.dirname, '../artifacts');
mkdirSync(artifactsDir, { recursive: true });

export const phone = { width: 390, height: 844 };

export const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
export const desktop = { width: 1280, height: 800 };

/** Waits until no spinner turns and no request is in flight, so a screenshot shows data, not loading. */
export async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  // antd animates drawers, modals and row expansion for about 0.3 s.
  await page.waitForTimeout(400);
}

export async function screenshot(page: Page, name: string) {
  await settle(page);
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

/** Fills an input found by its form label (antd links <label for> to the control). */
export const field = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });

export async function signIn(page: Page, login: string, password: string) {
  await page.goto('/login');
  await field(page, '用户名').fill(login);
  await field(page, '密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** The first sign-in with a one-time password ends on the forced password change. */
export async function changeOneTimePassword(page: Page, oneTime: string, next: string) {
  await page.getByText('设置新密码').waitFor();
  await field(page, '一次性密码').fill(oneTime);
  await field(page, '新密码').fill(next);
  await field(page, '确认新密码').fill(next);
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.getByRole('menu').first().waitFor();
}

/** Labels of the side menu (on a phone: of the menu drawer, which it opens and closes). */
export async function menuLabels(page: Page): Promise<string[]> {
  await page.getByRole('menu').first().waitFor();
  return (await page.getByRole('menuitem').allInnerTexts()).map((s) => s.trim());
}

export async function openPage(page: Page, label: string) {
  // The item's accessible name starts with its icon's label, so it is found by its text.
  await page.locator('.ant-menu-item', { hasText: exactly(label) }).click();
  await page.getByRole('heading', { level: 4, name: label }).waitFor();
  // The page reads its data after it appears; tests look at the data.
  await settle(page);
}

/** The open dropdown of a Select, once it has finished sliding in (a click during the animation can miss). */
export const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:visible:not([class*="-appear"]):not([class*="-enter"]):not([class*="-leave"])');

/** Picks an option in an antd Select or TreeSelect linked to a form label. */
export async function choose(page: Page, label: string, option: string) {
  await field(page, label).click();
  await openDropdown(page).getByTitle(option, { exact: true }).click();
}

/** Titles of the nodes in the organisation tree, top to bottom. */
export const treeTitles = async (page: Page) => (await page.locator('.ant-tree-title').allInnerTexts()).map((s) => s.trim());

export async function selectTreeNode(page: Page, title: string) {
  await page.locator('.ant-tree-title', { hasText: exactly(title) }).click();
  await page.locator('.ant-card-head-title', { hasText: title }).waitFor();
}

/** Names in the first column of the users table. */
export async function userNames(page: Page): Promise<string[]> {
  await settle(page);
  return page.locator('.ant-table-tbody tr.ant-table-row td:first-child strong').allInnerTexts();
}

/**
 * A button's accessible name: antd puts a space between two Chinese characters (“保 存”), and a
 * button with an icon starts with the icon's label (“edit 编辑”).
 */
export const buttonName = (text: string) => new RegExp(`(^|\\s)${[...text].join('\\s*')}\\s*$`);

export async function confirmPopover(page: Page) {
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: buttonName('确定') }).click();
}

export async function confirmModal(page: Page, ok: string) {
  const modal = page.locator('.ant-modal-confirm');
  await modal.getByRole('button', { name: buttonName(ok) }).click();
  await modal.waitFor({ state: 'detached' });
}

/** The visible dialog (modal or drawer) whose text includes `title`. */
export const dialog = (page: Page, title: string) => page.getByRole('dialog').filter({ hasText: title });

export async function createUnit(page: Page, parent: string, kind: '新建分公司' | '新建部门', name: string) {
  await selectTreeNode(page, parent);
  await page.getByRole('button', { name: kind }).click();
  const modal = dialog(page, `在「${parent}」下新建`);
  await field(modal, '名称').fill(name);
  await modal.getByRole('button', { name: buttonName('保存') }).click();
  await modal.waitFor({ state: 'detached' });
  await page.locator('.ant-tree-title', { hasText: exactly(name) }).waitFor();
}

/** Creates a user in the drawer and returns the one-time password from the modal that follows. */
export async function createUser(page: Page, user: { login: string; name: string; unit: string; role: string }): Promise<string> {
  await page.getByRole('button', { name: '新建用户' }).click();
  const drawer = dialog(page, '新建用户');
  await field(drawer, '用户名').fill(user.login);
  await field(drawer, '姓名').fill(user.name);
  await choose(page, '所属单元', user.unit);
  await choose(page, '角色', user.role);
  await drawer.getByRole('button', { name: buttonName('保存') }).click();
  const modal = dialog(page, '一次性密码');
  const password = (await modal.getByTestId('one-time-password').locator('code').innerText()).trim();
  await screenshot(page, `desktop-admin-one-time-password-${user.login}`);
  await modal.getByRole('button', { name: '我已记下' }).click();
  await modal.waitFor({ state: 'detached' });
  return password;
}

/** The row of a table that contains `text`. */
export const row = (page: Page, text: string) => page.locator('.ant-table-tbody tr.ant-table-row', { hasText: text });

/** Chooses an entry of a row's "more actions" menu. */
export async function rowMenu(page: Page, rowText: string, entry: string) {
  await row(page, rowText).getByRole('button', { name: '更多操作' }).click();
  await page.locator('.ant-dropdown:visible').getByText(entry, { exact: true }).click();
}

/** Width of the page content: on a phone nothing may push the page sideways. */
export const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
