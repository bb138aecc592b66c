import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openBrowser, type Browser } from '../support/browser.ts';
import {
  buttonName, changeOneTimePassword, choose, confirmModal, confirmPopover, createUnit, createUser, dialog, exactly, field,
  menuLabels, openPage, pageWidth, phone, row, rowMenu, screenshot, selectTreeNode, settle, signIn, treeTitles, userNames,
} from '../support/ui.ts';
import { adminMenu, adminMenuEn, repMenu } from '../support/menus.ts';

/**
 * A first day with Kehu: the administrator signs in with the one-time password printed at start,
 * builds two branches and staffs them, runs the administration pages; then a sales rep of one branch
 * signs in and sees only what their data scope allows.
 */
const kehu = inject('kehu');
const adminPassword = 'Admin-pass-2024';
const repPassword = 'Zhang-pass-2024';
const oneTimePattern = /^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/;

let admin: Browser;
let rep: Browser;
let adminPage: Page;
let repPage: Page;
const oneTime: Record<string, string> = {};

beforeAll(async () => {
  admin = await openBrowser('admin', kehu.baseUrl);
  adminPage = admin.context.pages()[0] ?? (await admin.context.newPage());
});

afterAll(async () => {
  await admin?.close();
  await rep?.close();
});

describe('administrator', () => {
  test('signs in with the one-time password and must choose a new one', async () => {
    await adminPage.goto('/');
    await adminPage.waitForURL('**/login');
    await screenshot(adminPage, 'desktop-login');
    await signIn(adminPage, kehu.adminLogin, kehu.adminPassword);
    await adminPage.getByText('设置新密码').waitFor();
    await screenshot(adminPage, 'desktop-forced-password-change');
    await changeOneTimePassword(adminPage, kehu.adminPassword, adminPassword);
    expect(await menuLabels(adminPage)).toEqual(adminMenu);
  });

  test('builds the organisation: two branches and a department', async () => {
    await openPage(adminPage, '组织架构');
    expect(await treeTitles(adminPage)).toEqual(['总部']);
    await createUnit(adminPage, '总部', '新建分公司', '华东分公司');
    await createUnit(adminPage, '总部', '新建分公司', '华南分公司');
    await createUnit(adminPage, '华东分公司', '新建部门', '销售一部');
    expect(await treeTitles(adminPage)).toEqual(['总部', '华东分公司', '销售一部', '华南分公司']);
    await selectTreeNode(adminPage, '华东分公司');
    await screenshot(adminPage, 'desktop-admin-organisation');
  });

  test('creates users in the branches and reads each one-time password once', async () => {
    await openPage(adminPage, '用户');
    oneTime.zhangsan = await createUser(adminPage, { login: 'zhangsan', name: '张三', unit: '华东分公司', role: '业务员' });
    oneTime.wangwu = await createUser(adminPage, { login: 'wangwu', name: '王五', unit: '华东分公司', role: '业务员' });
    oneTime.lisi = await createUser(adminPage, { login: 'lisi', name: '李四', unit: '华南分公司', role: '业务员' });
    for (const password of Object.values(oneTime)) expect(password).toMatch(oneTimePattern);
    expect(new Set(Object.values(oneTime)).size).toBe(3);
    expect((await userNames(adminPage)).sort()).toEqual(['张三', '李四', '王五', '管理员'].sort());
    const zhang = await row(adminPage, 'zhangsan').innerText();
    expect(zhang).toContain('华东分公司');
    expect(zhang).toContain('业务员');
    expect(zhang).toContain('待改密码');
    await screenshot(adminPage, 'desktop-admin-users');
  });

  test('is told under the field when a login is taken', async () => {
    await adminPage.getByRole('button', { name: '新建用户' }).click();
    const drawer = dialog(adminPage, '新建用户');
    await field(drawer, '用户名').fill('zhangsan');
    await field(drawer, '姓名').fill('另一个张三');
    await choose(adminPage, '所属单元', '华南分公司');
    await choose(adminPage, '角色', '业务员');
    await drawer.getByRole('button', { name: buttonName('保存') }).click();
    await drawer.locator('.ant-form-item-explain-error', { hasText: '已被占用' }).waitFor();
    await drawer.getByRole('button', { name: buttonName('取消') }).click();
    await drawer.waitFor({ state: 'detached' });
    expect((await userNames(adminPage)).filter((n) => n.includes('张三'))).toEqual(['张三']);
  });

  test('filters users by unit and by search text', async () => {
    // The filters have no form labels; they are found by their placeholders.
    await adminPage.locator('.ant-select', { hasText: '所属单元（含下级）' }).click();
    await adminPage.locator('.ant-select-dropdown:visible').getByTitle('华东分公司', { exact: true }).click();
    await adminPage.waitForURL(/unitId=/);
    expect((await userNames(adminPage)).sort()).toEqual(['张三', '王五'].sort());
    const search = adminPage.getByPlaceholder('搜索姓名、用户名、邮箱或手机');
    await search.fill('wang');
    await search.press('Enter');
    await adminPage.waitForURL(/q=wang/);
    expect(await userNames(adminPage)).toEqual(['王五']);
    await adminPage.goto('/users');
  });

  test('edits a user and finds the change in their history', async () => {
    await row(adminPage, 'zhangsan').getByRole('button', { name: buttonName('编辑') }).click();
    const drawer = dialog(adminPage, '编辑用户：张三');
    await expect(field(drawer, '用户名').isDisabled()).resolves.toBe(true);
    await field(drawer, '职务').fill('客户经理');
    await field(drawer, '手机').fill('13800138000');
    await screenshot(adminPage, 'desktop-admin-user-drawer');
    await drawer.getByRole('button', { name: buttonName('保存') }).click();
    await drawer.waitFor({ state: 'detached' });
    await row(adminPage, 'zhangsan').getByText('13800138000').waitFor();

    await rowMenu(adminPage, 'zhangsan', '变更历史');
    const history = dialog(adminPage, '变更历史：张三');
    await history.getByText('客户经理').waitFor();
    const text = await history.innerText();
    expect(text).toContain('修改');
    expect(text).toContain('新建');
    expect(text).toContain('职务');
    await screenshot(adminPage, 'desktop-admin-user-history');
    await history.getByRole('button', { name: '关闭' }).click();
    await history.waitFor({ state: 'detached' });
  });

  test('deletes an empty department and restores it from the recycle bin', async () => {
    await openPage(adminPage, '组织架构');
    await createUnit(adminPage, '华南分公司', '新建部门', '临时小组');
    await selectTreeNode(adminPage, '临时小组');
    await adminPage.getByRole('button', { name: buttonName('删除') }).click();
    await confirmModal(adminPage, '删除');
    await adminPage.locator('.ant-tree-title', { hasText: exactly('临时小组') }).waitFor({ state: 'detached' });

    await openPage(adminPage, '回收站');
    const deleted = row(adminPage, '临时小组');
    await expect(deleted.innerText()).resolves.toContain('组织单元');
    await deleted.getByText('管理员', { exact: true }).waitFor();
    await screenshot(adminPage, 'desktop-admin-recycle-bin');
    await deleted.getByRole('button', { name: buttonName('恢复') }).click();
    await confirmPopover(adminPage);
    await deleted.waitFor({ state: 'detached' });

    await openPage(adminPage, '组织架构');
    expect(await treeTitles(adminPage)).toContain('临时小组');
  });

  test('writes a role in the permission matrix, then deletes it', async () => {
    await openPage(adminPage, '角色权限');
    expect(await adminPage.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(6);
    await screenshot(adminPage, 'desktop-admin-roles');
    await adminPage.getByRole('button', { name: '新建角色' }).click();
    await field(adminPage, '角色名称').fill('观察员');
    await adminPage.getByRole('checkbox', { name: '用户 查看' }).check();
    await adminPage.getByRole('checkbox', { name: '组织单元 查看' }).check();
    const phoneRule = row(adminPage, '手机');
    await phoneRule.getByText('打码', { exact: true }).click();
    await screenshot(adminPage, 'desktop-admin-role-editor');
    await adminPage.getByRole('button', { name: buttonName('保存') }).click();
    await adminPage.getByRole('heading', { level: 4, name: '角色权限' }).waitFor();
    const observer = row(adminPage, '观察员');
    await expect(observer.innerText()).resolves.toMatch(/观察员\s+—\s+0/);

    await observer.getByRole('link', { name: '观察员' }).click();
    await expect(adminPage.getByRole('checkbox', { name: '用户 查看' }).isChecked()).resolves.toBe(true);
    await expect(adminPage.getByRole('checkbox', { name: '用户 修改' }).isChecked()).resolves.toBe(false);
    await adminPage.getByRole('button', { name: buttonName('取消') }).click();
    await row(adminPage, '观察员').getByRole('button', { name: '删除' }).click();
    await confirmPopover(adminPage);
    await row(adminPage, '观察员').waitFor({ state: 'detached' });
  });

  test('reads the audit log filtered by record type and action, with field changes', async () => {
    await openPage(adminPage, '审计日志');
    await adminPage.locator('.ant-select', { hasText: exactly('对象类型') }).click();
    await adminPage.locator('.ant-select-dropdown:visible').getByTitle('用户', { exact: true }).click();
    await adminPage.locator('.ant-select', { hasText: exactly('操作') }).click();
    await adminPage.locator('.ant-select-dropdown:visible').getByTitle('新建', { exact: true }).click();
    await settle(adminPage);
    const labels = await adminPage.locator('.ant-table-tbody tr.ant-table-row').allInnerTexts();
    // The administrator was created by the system at first start; the others by the administrator.
    expect(labels).toHaveLength(4);
    for (const name of ['张三', '王五', '李四']) expect(labels.some((l) => l.includes(name) && l.includes('管理员'))).toBe(true);
    expect(labels.some((l) => l.includes('系统') && l.includes('管理员'))).toBe(true);
    await row(adminPage, '张三').getByRole('button', { name: /展开|expand/i }).click();
    const changes = adminPage.locator('.ant-table-expanded-row');
    await expect(changes.innerText()).resolves.toContain('zhangsan');
    await expect(changes.innerText()).resolves.toContain('华东分公司');
    await screenshot(adminPage, 'desktop-admin-audit-log');
  });

  test('creates an API key shown once, which works until it is revoked', async () => {
    await openPage(adminPage, 'API 密钥');
    await adminPage.getByRole('button', { name: '新建密钥' }).click();
    const create = dialog(adminPage, '新建密钥');
    await field(create, '名称').fill('ERP 同步');
    await choose(adminPage, '角色', '系统管理员');
    await create.getByRole('button', { name: '新建密钥' }).click();
    const shown = dialog(adminPage, '密钥「ERP 同步」已创建');
    const key = (await shown.getByTestId('api-key').innerText()).trim();
    expect(key).toMatch(/^kehu_/);
    await screenshot(adminPage, 'desktop-admin-api-key-created');
    await shown.getByRole('button', { name: '我已记下' }).click();

    const asKey = () => fetch(`${kehu.baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${key}` } });
    const me = await asKey();
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { login: string } }).user.login).toBe('admin');

    await expect(row(adminPage, 'ERP 同步').innerText()).resolves.toContain('有效');
    await screenshot(adminPage, 'desktop-admin-api-keys');
    await row(adminPage, 'ERP 同步').getByRole('button', { name: buttonName('吊销') }).click();
    await confirmPopover(adminPage);
    await expect(row(adminPage, 'ERP 同步').getByText('已吊销').waitFor()).resolves.toBeUndefined();
    expect((await asKey()).status).toBe(401);
  });

  test('switches the language in the header, and the choice follows the user', async () => {
    await adminPage.getByText('EN', { exact: true }).click();
    await adminPage.locator('.ant-menu-item', { hasText: exactly('Users') }).waitFor();
    await adminPage.reload();
    expect(await menuLabels(adminPage)).toEqual(adminMenuEn);
    await openPage(adminPage, 'Users');
    await screenshot(adminPage, 'desktop-admin-users-english');
    await adminPage.getByText('中', { exact: true }).click();
    await adminPage.locator('.ant-menu-item', { hasText: exactly('用户') }).waitFor();
  });

  test('profile page', async () => {
    await adminPage.goto('/profile');
    await adminPage.getByRole('heading', { level: 4, name: '个人设置' }).waitFor();
    await screenshot(adminPage, 'desktop-admin-profile');
  });

  test('works on a 390-px phone: menu in a drawer, users as cards, nothing wider than the screen', async () => {
    const mobile = await admin.context.newPage();
    await mobile.setViewportSize(phone);
    const pages: [string, string][] = [
      ['/org', 'organisation'], ['/users', 'users'], ['/roles', 'roles'], ['/audit-log', 'audit-log'],
      ['/recycle-bin', 'recycle-bin'], ['/api-keys', 'api-keys'], ['/profile', 'profile'],
    ];
    for (const [path, name] of pages) {
      await mobile.goto(path);
      await mobile.getByRole('heading', { level: 4 }).waitFor();
      await settle(mobile);
      expect(await pageWidth(mobile), `${path} fits the phone`).toBeLessThanOrEqual(phone.width);
      await screenshot(mobile, `phone-admin-${name}`);
    }
    await mobile.goto('/users');
    await settle(mobile);
    expect(await mobile.getByTestId('user-card').count()).toBe(4);
    await mobile.getByRole('button', { name: '新建用户' }).click();
    const drawer = dialog(mobile, '新建用户');
    await field(drawer, '用户名').waitFor();
    await screenshot(mobile, 'phone-admin-user-drawer');
    await drawer.getByRole('button', { name: buttonName('取消') }).click();
    await drawer.waitFor({ state: 'detached' });
    await expect(mobile.locator('.ant-layout-sider').count()).resolves.toBe(0);
    await mobile.getByRole('button', { name: '打开菜单' }).click();
    expect(await menuLabels(mobile)).toEqual(adminMenu);
    await screenshot(mobile, 'phone-admin-menu');
    await mobile.locator('.ant-drawer .ant-menu-item', { hasText: exactly('角色权限') }).click();
    await mobile.getByRole('heading', { level: 4, name: '角色权限' }).waitFor();
    await mobile.goto('/roles/new');
    await mobile.getByText('数据权限').first().waitFor();
    await screenshot(mobile, 'phone-admin-role-editor');
    await mobile.close();
  });
});

describe('sales rep of 华东分公司', () => {
  test('signs in with the one-time password and chooses a password', async () => {
    rep = await openBrowser('rep', kehu.baseUrl);
    repPage = rep.context.pages()[0] ?? (await rep.context.newPage());
    await signIn(repPage, 'zhangsan', oneTime.zhangsan);
    await changeOneTimePassword(repPage, oneTime.zhangsan, repPassword);
  });

  test('sees no administration in the menu', async () => {
    expect(await menuLabels(repPage)).toEqual(repMenu);
  });

  test('sees only their own branch in the organisation tree, read-only', async () => {
    await openPage(repPage, '组织架构');
    await settle(repPage);
    expect(await treeTitles(repPage)).toEqual(['华东分公司', '销售一部']);
    await expect(repPage.getByRole('button', { name: '新建分公司' }).count()).resolves.toBe(0);
    await expect(repPage.getByText('您可以查看此单元，但不能修改。').isVisible()).resolves.toBe(true);
    await screenshot(repPage, 'desktop-rep-organisation');
  });

  test('sees only the colleagues of their unit and cannot create users', async () => {
    await openPage(repPage, '用户');
    expect((await userNames(repPage)).sort()).toEqual(['张三', '王五'].sort());
    await expect(repPage.getByRole('button', { name: '新建用户' }).count()).resolves.toBe(0);
    await expect(repPage.getByRole('button', { name: buttonName('编辑') }).count()).resolves.toBe(0);
    await screenshot(repPage, 'desktop-rep-users');
  });

  test('is told, not shown, when opening an administration page by its address', async () => {
    for (const path of ['/roles', '/audit-log', '/recycle-bin', '/api-keys']) {
      await repPage.goto(path);
      await repPage.getByText('没有权限').waitFor();
    }
    await screenshot(repPage, 'desktop-rep-forbidden');
  });

  test('is signed out at once when the administrator resets their password', async () => {
    await adminPage.goto('/users');
    await rowMenu(adminPage, 'zhangsan', '重置密码');
    await confirmModal(adminPage, '确定');
    const modal = dialog(adminPage, '一次性密码');
    const fresh = (await modal.getByTestId('one-time-password').locator('code').innerText()).trim();
    expect(fresh).toMatch(oneTimePattern);
    await modal.getByRole('button', { name: '我已记下' }).click();

    // The rep's next request finds the session gone and the app takes them to the sign-in page.
    await repPage.locator('.ant-menu-item', { hasText: exactly('组织架构') }).click();
    await repPage.waitForURL('**/login');
    await signIn(repPage, 'zhangsan', fresh);
    await repPage.getByText('设置新密码').waitFor();
    await field(repPage, '一次性密码').fill('not-the-password-1');
    await field(repPage, '新密码').fill(repPassword);
    await field(repPage, '确认新密码').fill(repPassword);
    await repPage.getByRole('button', { name: '修改密码' }).click();
    await repPage.locator('.ant-form-item-explain-error', { hasText: '密码不正确' }).waitFor();
    await changeOneTimePassword(repPage, fresh, repPassword);
  });

  test('on a phone sees the same scope, as cards, with the menu in a drawer', async () => {
    const mobile = await rep.context.newPage();
    await mobile.setViewportSize(phone);
    await mobile.goto('/users');
    await settle(mobile);
    const cards = await mobile.getByTestId('user-card').allInnerTexts();
    expect(cards).toHaveLength(2);
    expect(cards.some((c) => c.includes('张三'))).toBe(true);
    expect(cards.some((c) => c.includes('王五'))).toBe(true);
    expect(await pageWidth(mobile)).toBeLessThanOrEqual(phone.width);
    await screenshot(mobile, 'phone-rep-users');
    await mobile.goto('/org');
    await settle(mobile);
    expect(await treeTitles(mobile)).toEqual(['华东分公司', '销售一部']);
    await screenshot(mobile, 'phone-rep-organisation');
    await mobile.getByRole('button', { name: '打开菜单' }).click();
    expect(await menuLabels(mobile)).toEqual(repMenu);
    await screenshot(mobile, 'phone-rep-menu');
    await mobile.close();
  });

  test('keeps their own profile, and signing out everywhere ends the session', async () => {
    await repPage.goto('/profile');
    const phoneField = field(repPage, '手机');
    await expect(phoneField.inputValue()).resolves.toBe('13800138000');
    await phoneField.fill('13900139000');
    await repPage.getByRole('button', { name: buttonName('保存') }).click();
    await repPage.getByText('已保存').waitFor();
    await screenshot(repPage, 'desktop-rep-profile');
    await repPage.getByRole('button', { name: '退出所有设备' }).click();
    await confirmPopover(repPage);
    await repPage.waitForURL('**/login');
    await repPage.goto('/users');
    await repPage.waitForURL('**/login');
  });
});
