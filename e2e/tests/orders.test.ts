import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openBrowser, type Browser } from '../support/browser.ts';
import { startKehu, type RunningKehu } from '../support/kehu-server.ts';
import { buttonName, changeOneTimePassword, dialog, field, openDropdown, phone, screenshot, settle, signIn } from '../support/ui.ts';

/**
 * Contract to cash in the browser (seed 003): a rep enters an export order for a customer; an
 * execution clerk completes its first milestone from the work queue on a phone; the rep at once
 * has the notification and sees it on the customer's timeline; the payment is recorded.
 * Its own Kehu server.
 */
let kehu: RunningKehu;
const browsers: Browser[] = [];
let admin: Page;
let accountId: string;
let orderNumber: string;
let orderId: string;
const password = 'Orders-pass-2024';

async function apiAs(page: Page, method: 'GET' | 'POST', path: string, data?: unknown) {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const response = await page.request.fetch(path, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return response.json() as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- API JSON
}

async function pageOf(person: string, viewport?: { width: number; height: number }): Promise<Page> {
  const browser = await openBrowser(person, kehu.baseUrl);
  browsers.push(browser);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  if (viewport) await page.setViewportSize(viewport);
  return page;
}

async function signInAs(page: Page, login: string) {
  await signIn(page, login, password);
  // On a phone the menu sits in a drawer: leaving the sign-in page is the sign.
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await settle(page);
}

beforeAll(async () => {
  kehu = await startKehu();
  admin = await pageOf('orders-admin');
  await signIn(admin, kehu.adminLogin, kehu.adminPassword);
  await changeOneTimePassword(admin, kehu.adminPassword, password);
  const units = await apiAs(admin, 'GET', '/api/v1/org-units');
  const roles = (await apiAs(admin, 'GET', '/api/v1/roles')).items as { id: string; key: string | null }[];
  const roleId = (key: string) => roles.find((r) => r.key === key)!.id;
  const unitId = units.items[0].id as string;
  const rep = await apiAs(admin, 'POST', '/api/v1/users', { login: 'wangxs', name: '王销售', unitId, roleIds: [roleId('sales_rep')], password });
  await apiAs(admin, 'POST', '/api/v1/users', { login: 'zhaozx', name: '赵执行', unitId, roleIds: [roleId('order_execution')], password });
  await apiAs(admin, 'POST', '/api/v1/products', { code: 'EO-15W40', name: '柴油机油 15W-40', unit: '桶', listPrice: '680', taxRate: '13' });
  accountId = (await apiAs(admin, 'POST', '/api/v1/accounts', { name: '汉堡远东贸易有限公司', ownerId: rep.user.id })).id;
});

afterAll(async () => {
  for (const b of browsers) await b.close();
  await kehu?.stop();
});

describe('contract to cash', () => {
  let rep: Page;

  test('a rep creates an export order from the customer page; its plan has due dates', async () => {
    rep = await pageOf('orders-rep');
    await signInAs(rep, 'wangxs');
    await rep.goto(`/accounts/${accountId}?tab=orders`);
    await rep.getByTestId('account-order-add').click();
    const modal = dialog(rep, '新建订单');
    await modal.getByTestId('product-picker').click();
    await openDropdown(rep).getByText('EO-15W40 柴油机油 15W-40').click();
    await field(modal, '数量').fill('40');
    await modal.getByRole('button', { name: buttonName('保存') }).click();
    await rep.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    orderId = rep.url().split('/').pop()!;
    orderNumber = (await rep.getByTestId('order-number').innerText()).trim();
    expect(orderNumber).toMatch(/^SO-\d{4}-\d{6}$/);
    await rep.getByTestId('milestone-payment_confirmed').waitFor();
    await expect(rep.getByTestId('milestone-tax_rebate_confirmed').count()).resolves.toBe(1);
    await settle(rep);
    await screenshot(rep, 'desktop-order-plan');
  });

  test('an execution clerk completes the first milestone from the work queue on a phone', async () => {
    const clerk = await pageOf('orders-clerk', phone);
    await signInAs(clerk, 'zhaozx');
    await clerk.goto('/work-queue');
    const item = clerk.getByTestId('work-item').filter({ hasText: orderNumber }).filter({ hasText: '确认收到预付款' });
    await item.waitFor();
    await screenshot(clerk, 'phone-work-queue');
    expect(await clerk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await item.getByTestId('work-item-done').click();
    await clerk.getByText('节点已完成，已通知销售与客户负责人').waitFor();
    await item.waitFor({ state: 'detached' });
  });

  test('the sales owner has the notification and sees it on the customer timeline', async () => {
    await rep.goto('/notifications');
    const note = rep.getByTestId('notification').filter({ hasText: orderNumber });
    await note.waitFor();
    expect(await note.innerText()).toContain('确认收到预付款');
    await note.click();
    await rep.waitForURL(new RegExp(`/orders/${orderId}$`));
    await rep.goto(`/accounts/${accountId}?tab=timeline`);
    await rep.getByTestId('timeline-change').filter({ hasText: '确认收到预付款' }).waitFor();
    await screenshot(rep, 'desktop-account-timeline-milestone');
  });

  test('the payment is recorded against the order', async () => {
    await admin.goto(`/orders/${orderId}`);
    await admin.getByRole('tab', { name: '应收账款' }).click();
    await admin.getByTestId('record-payment').click();
    const modal = dialog(admin, '登记回款');
    await field(modal, '金额').fill('10000');
    await field(modal, '流水号').fill('HSBC-2026-001');
    await modal.getByRole('button', { name: buttonName('保存') }).click();
    await admin.getByText('回款已登记').waitFor();
    await expect(admin.getByTestId('received').innerText()).resolves.toBe('10,000.00');
    // 40 × 680 + 13% VAT = 30,736.00; 20,736.00 still owed.
    await expect(admin.getByTestId('outstanding').innerText()).resolves.toBe('20,736.00');
    await screenshot(admin, 'desktop-order-receivables');
  });
});
