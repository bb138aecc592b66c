import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openBrowser, type Browser } from '../support/browser.ts';
import { openTab } from '../support/customers.ts';
import { startKehu, type RunningKehu } from '../support/kehu-server.ts';
import { buttonName, changeOneTimePassword, confirmModal, row, screenshot, settle, signIn } from '../support/ui.ts';

/**
 * Merging two duplicate customers from the accounts list: compare them side by side, preview what
 * moves, merge, find both follow-ups on the kept account and the other one pointing at it; then undo
 * from the merge history and find both customers back. Its own Kehu server and company.
 */
let kehu: RunningKehu;
let admin: Browser;
let page: Page;
const keep = '宁波港航物流有限公司';
const dup = '港航物流(宁波)有限责任公司';
const ids: Record<string, string> = {};

async function apiAs<T = Record<string, unknown>>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const response = await page.request.fetch(path, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

const listedNames = async () => {
  await settle(page);
  return page.locator('.ant-table-tbody tr.ant-table-row td a strong').allInnerTexts();
};

beforeAll(async () => {
  kehu = await startKehu();
  admin = await openBrowser('merge-admin', kehu.baseUrl);
  page = admin.context.pages()[0] ?? (await admin.context.newPage());
  await signIn(page, kehu.adminLogin, kehu.adminPassword);
  await changeOneTimePassword(page, kehu.adminPassword, 'Admin-pass-2024');
  await page.getByRole('menu').first().waitFor();
  // The customers were entered twice, under two spellings, each with its own follow-up.
  ids.keep = (await apiAs<{ id: string }>('POST', '/api/v1/accounts', { name: keep, phones: ['057487654321'] })).id;
  ids.dup = (await apiAs<{ id: string }>('POST', '/api/v1/accounts', { name: dup, shortName: '港航物流', phones: ['13900001111'] })).id;
  await apiAs('POST', '/api/v1/activities', { accountId: ids.keep, kind: 'call', subject: '电话确认舱位' });
  await apiAs('POST', '/api/v1/activities', { accountId: ids.dup, kind: 'visit', subject: '上门拜访仓库' });
}, 180_000);

afterAll(async () => {
  await admin?.close();
  await kehu?.stop();
});

describe('merging duplicate accounts', () => {
  test('selects both in the list, compares, previews and merges them', async () => {
    await page.goto('/accounts');
    expect((await listedNames()).sort()).toEqual([dup, keep].sort());
    for (const name of [keep, dup]) await row(page, name).locator('input[type="checkbox"]').check();
    await page.getByTestId('bulk-merge').click();

    await page.getByTestId('merge-comparison').waitFor();
    await settle(page);
    // The first selected account is kept unless another is chosen; keep the long name explicitly.
    await page.getByTestId(`merge-keep-${ids.keep}`).first().click();
    await page.getByTestId(`merge-pick-shortName-${ids.dup}`).first().click();
    await page.getByTestId('merge-preview').click();
    const preview = page.getByTestId('merge-preview-card');
    await preview.waitFor();
    await expect.poll(() => preview.innerText()).toMatch(/跟进记录\s*1/);
    await screenshot(page, 'account-merge-preview');

    await page.getByTestId('merge-confirm').click();
    await confirmModal(page, '确认合并');
    await page.getByText(`已合并到「${keep}」`).first().waitFor();
    await page.getByRole('button', { name: buttonName(`打开「${keep}」`) }).click();
    await page.getByRole('heading', { level: 4, name: keep }).waitFor();
    await openTab(page, '跟进与动态');
    await page.getByText('上门拜访仓库').first().waitFor();
    await page.getByText('电话确认舱位').first().waitFor();
    await screenshot(page, 'account-merge-survivor');
  });

  test('the merged account points at the kept one, and the list shows one customer', async () => {
    await page.goto(`/accounts/${ids.dup}`);
    await page.getByTestId('merged-into').waitFor();
    expect(await page.getByTestId('merged-into').innerText()).toContain(`该客户已合并到「${keep}」`);
    await page.goto('/accounts');
    expect(await listedNames()).toEqual([keep]);
  });

  test('undo from the merge history brings both customers back with their own follow-ups', async () => {
    await page.goto('/account-merges');
    await row(page, keep).getByRole('button', { name: buttonName('撤销') }).click();
    await row(page, keep).getByText('已撤销').waitFor();
    await page.goto('/accounts');
    expect((await listedNames()).sort()).toEqual([dup, keep].sort());
    await page.goto(`/accounts/${ids.dup}`);
    await page.getByRole('heading', { level: 4, name: dup }).waitFor();
    await openTab(page, '跟进与动态');
    await page.getByText('上门拜访仓库').first().waitFor();
    expect(await page.getByRole('tabpanel').innerText()).not.toContain('电话确认舱位');
  });
});
