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
    await expect.poll(() => admin.getByTestId('received').innerText(), { timeout: 30_000 }).toBe('10,000.00');
    // 40 × 680 + 13% VAT = 30,736.00; 20,736.00 still owed.
    await expect.poll(() => admin.getByTestId('outstanding').innerText(), { timeout: 30_000 }).toBe('20,736.00');
    await screenshot(admin, 'desktop-order-receivables');
  });

  test('the order header is edited: payment terms and delivery window', async () => {
    await admin.goto(`/orders/${orderId}`);
    await admin.getByTestId('order-edit').click();
    const drawer = admin.locator('.ant-drawer').filter({ hasText: '编辑订单' });
    await field(drawer, '付款条件').fill('30% T/T 预付，70% 见提单复印件');
    await drawer.getByTestId('order-save').click();
    await expect.poll(() => admin.getByTestId('order-terms').innerText(), { timeout: 30_000 }).toBe('30% T/T 预付，70% 见提单复印件');
    const order = await apiAs(admin, 'GET', `/api/v1/orders/${orderId}`);
    expect(order.paymentTerms).toBe('30% T/T 预付，70% 见提单复印件');
  });

  test('the payment plan is split after money came in; the paid part stays', async () => {
    await admin.goto(`/orders/${orderId}`);
    await admin.getByRole('tab', { name: '应收账款' }).click();
    await admin.getByTestId('edit-plan').click();
    const modal = dialog(admin, '调整收款计划');
    const rows = modal.getByTestId('plan-row');
    await expect(rows.count()).resolves.toBe(1);
    await rows.first().getByLabel('金额').fill('20000');
    await modal.getByTestId('plan-add').click();
    await expect(rows.count()).resolves.toBe(2);
    // The new instalment is offered with what is left: 30,736.00 − 20,000.00.
    await expect(rows.nth(1).getByLabel('金额').inputValue()).resolves.toBe('10736.00');
    await modal.getByTestId('plan-sum').getByText('计划合计 30,736.00，订单合计 30,736.00').waitFor();
    await modal.getByTestId('plan-save').click();
    await admin.getByText('收款计划已保存').waitFor();
    const r = await apiAs(admin, 'GET', `/api/v1/orders/${orderId}/receivables`);
    expect(r.instalments.map((i: { amount: string; paid: string }) => [i.amount, i.paid])).toEqual([['20000.00', '10000.00'], ['10736.00', '0.00']]);
    await screenshot(admin, 'desktop-payment-plan');
  });

  test('a payment booked twice is reversed with a reason', async () => {
    await apiAs(admin, 'POST', `/api/v1/orders/${orderId}/payments`, { amount: '5000.00', reference: 'HSBC-2026-001-DUP' });
    await admin.goto(`/orders/${orderId}`);
    await admin.getByRole('tab', { name: '应收账款' }).click();
    await expect.poll(() => admin.getByTestId('received').innerText(), { timeout: 30_000 }).toBe('15,000.00');
    await admin.locator('.ant-table-row', { hasText: 'HSBC-2026-001-DUP' }).getByTestId('reverse-payment').click();
    const modal = dialog(admin, '冲销这笔回款');
    await field(modal, '原因').fill('重复登记');
    await modal.getByRole('button', { name: buttonName('冲销') }).click();
    await admin.getByText('回款已冲销').waitFor();
    await expect.poll(() => admin.getByTestId('received').innerText(), { timeout: 30_000 }).toBe('10,000.00');
    await expect.poll(() => admin.getByTestId('outstanding').innerText(), { timeout: 30_000 }).toBe('20,736.00');
  });

  test('administration: the large-order amount and an order type\'s template are edited', async () => {
    await admin.goto('/sales-settings');
    await field(admin, '大额订单金额').fill('200000');
    await admin.getByTestId('sales-settings-save').click();
    await admin.getByText('已保存').first().waitFor();
    expect((await apiAs(admin, 'GET', '/api/v1/sales-settings')).largeOrderAmount).toBe('200000.00');

    await admin.goto('/order-types');
    const exportType = admin.getByTestId('order-type').filter({ hasText: 'export' });
    await exportType.getByTestId('order-type-edit').click();
    const modal = dialog(admin, '编辑订单类型');
    await expect(modal.getByTestId('template-step').count()).resolves.toBe(8);
    await modal.getByTestId('template-add').click();
    const added = modal.getByTestId('template-step').nth(8);
    await field(added, '节点编码').fill('customs_cleared');
    await field(added, '节点名称').fill('目的港清关');
    await modal.getByTestId('order-type-save').click();
    await exportType.getByText('目的港清关').waitFor();
    const types = await apiAs(admin, 'GET', '/api/v1/order-types');
    const steps = types.items.find((x: { code: string }) => x.code === 'export').milestones;
    // A new step waits for the one before it unless told otherwise.
    expect(steps[8]).toMatchObject({ key: 'customs_cleared', name: '目的港清关', dependsOn: ['tax_rebate_confirmed'] });
  });
});
