import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openBrowser, type Browser } from '../support/browser.ts';
import { startKehu, type RunningKehu } from '../support/kehu-server.ts';
import { buttonName, changeOneTimePassword, dialog, field, openDropdown, pageWidth, phone, screenshot, settle, signIn } from '../support/ui.ts';

/**
 * The sales process in the browser: a lead from an exhibition is converted in one step into an
 * account, a contact and an opportunity; the opportunity is dragged across the kanban and then
 * closed as won, its stage history recorded; the funnel counts it. Its own Kehu server.
 */
let kehu: RunningKehu;
let admin: Browser;
let page: Page;
let opportunityId: string;

const column = (stage: string) => page.getByTestId('board-column').filter({ has: page.getByText(stage, { exact: true }) });
const card = () => page.locator(`[data-testid="board-card"][data-opportunity-id="${opportunityId}"]`);

beforeAll(async () => {
  kehu = await startKehu();
  admin = await openBrowser('sales-admin', kehu.baseUrl);
  page = admin.context.pages()[0] ?? (await admin.context.newPage());
  await signIn(page, kehu.adminLogin, kehu.adminPassword);
  await changeOneTimePassword(page, kehu.adminPassword, 'Admin-pass-2024');
});

afterAll(async () => {
  await admin?.close();
  await kehu?.stop();
});

describe('lead to won deal', () => {
  test('a lead is created and converted into account, contact and opportunity', async () => {
    await page.goto('/leads');
    await page.getByTestId('lead-add').click();
    const modal = dialog(page, '新建线索');
    await field(modal, '姓名').fill('王建国');
    await field(modal, '公司').fill('宁波明远国际货运代理有限公司');
    await modal.getByRole('button', { name: buttonName('保存') }).click();
    await page.getByRole('heading', { level: 4, name: /王建国/ }).waitFor();
    await settle(page);
    await screenshot(page, 'desktop-lead');

    await page.getByTestId('lead-convert').click();
    const convert = dialog(page, '转化线索');
    await convert.getByText('未发现重复客户').waitFor();
    await screenshot(page, 'desktop-lead-convert');
    await convert.getByRole('button', { name: buttonName('转化') }).click();
    await page.waitForURL(/\/opportunities\/[0-9a-f-]{36}$/);
    opportunityId = page.url().split('/').pop()!;
    await page.getByRole('heading', { level: 4, name: /宁波明远国际货运代理有限公司/ }).waitFor();
    await settle(page);
    await expect(page.getByTestId('opp-history').locator('.ant-table-row').count()).resolves.toBe(1);

    // The lead keeps its history and says what it became.
    await page.goBack();
    await page.getByTestId('lead-converted').waitFor();
    expect(await page.getByTestId('lead-opportunity-link').getAttribute('href')).toBe(`/opportunities/${opportunityId}`);
  });

  test('the opportunity is dragged across the board, then won', async () => {
    // Every column of the default pipeline in view: a drag ends on a visible column.
    await page.setViewportSize({ width: 1920, height: 1000 });
    await page.goto('/opportunities/board');
    await settle(page);
    await column('初步接洽').locator(`[data-opportunity-id="${opportunityId}"]`).waitFor();
    await card().dragTo(column('方案报价'));
    await column('方案报价').locator(`[data-opportunity-id="${opportunityId}"]`).waitFor();
    await settle(page);
    await screenshot(page, 'desktop-board');

    await card().dragTo(column('赢单'));
    const close = dialog(page, '关闭商机');
    await close.waitFor();
    await page.getByTestId('close-reason').fill('价格与服务优势');
    await close.getByRole('button', { name: buttonName('保存') }).click();
    await column('赢单').locator(`[data-opportunity-id="${opportunityId}"]`).waitFor();

    await page.goto(`/opportunities/${opportunityId}`);
    await settle(page);
    const stays = await page.getByTestId('opp-history').locator('.ant-table-row td:first-child').allInnerTexts();
    expect(stays).toEqual(['初步接洽', '方案报价', '赢单']);
    await page.getByText('价格与服务优势').waitFor();
  });

  test('the funnel counts the deal in every stage it passed and as won', async () => {
    await page.goto('/reports/funnel');
    await settle(page);
    const rows = page.getByTestId('funnel-table').locator('.ant-table-row');
    const cells = async (i: number) => (await rows.nth(i).locator('td').allInnerTexts()).slice(0, 2);
    expect(await cells(0)).toEqual(['初步接洽', '1']);
    expect(await cells(1)).toEqual(['需求确认', '1']);
    expect(await cells(2)).toEqual(['方案报价', '1']);
    expect(await cells(4)).toEqual(['赢单', '1']);
    await screenshot(page, 'desktop-funnel');
  });

  test('a follow-up is logged against the won deal, which then becomes an order', async () => {
    // The deal was agreed as one sum.
    const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
    const deal = (await (await page.request.get(`/api/v1/opportunities/${opportunityId}`)).json()) as { version: number };
    const patched = await page.request.patch(`/api/v1/opportunities/${opportunityId}`, { data: { version: deal.version, amount: '120000.00' }, headers: { 'x-csrf-token': me.csrfToken } });
    expect(patched.ok(), await patched.text()).toBe(true);

    await page.goto(`/opportunities/${opportunityId}`);
    await page.getByTestId('opp-log-activity').click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: '宁波明远国际货运代理有限公司' });
    await field(drawer, '主题').fill('签约前电话确认付款条件');
    // Logged from the deal, the follow-up is already about it.
    await expect(drawer.getByTestId('activity-opportunity').innerText()).resolves.toContain('宁波明远国际货运代理有限公司');
    await drawer.getByRole('button', { name: buttonName('保存') }).click();
    await page.getByTestId('opp-activities').getByText('签约前电话确认付款条件').waitFor();
    const logged = (await (await page.request.get(`/api/v1/activities?opportunityId=${opportunityId}`)).json()) as { items: { subject: string }[] };
    expect(logged.items.map((a) => a.subject)).toEqual(['签约前电话确认付款条件']);

    // A quote from the deal: its sum becomes the quote's line; the draft is then given a discount.
    await page.getByTestId('opp-new-quote').click();
    const quoteModal = dialog(page, '新建报价');
    await expect(quoteModal.getByTestId('quote-line').count()).resolves.toBe(1);
    await quoteModal.getByTestId('quote-save').click();
    await page.waitForURL(/\/quotes\/[0-9a-f-]{36}$/);
    const quoteId = page.url().split('/').pop()!;
    await page.getByTestId('quote-edit').click();
    const edit = dialog(page, '修改报价');
    await field(edit, '折扣 %').fill('5');
    await edit.getByTestId('quote-save').click();
    await page.getByText('114,000.00').first().waitFor();
    const quote = (await (await page.request.get(`/api/v1/quotes/${quoteId}`)).json()) as { opportunityId: string; total: string; status: string };
    expect(quote).toMatchObject({ opportunityId, total: '114000.00', status: 'draft' });

    await page.goto(`/opportunities/${opportunityId}`);
    await page.getByTestId('opp-to-order').click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    await page.getByTestId('order-number').waitFor();
    const order = (await (await page.request.get(`/api/v1/orders/${page.url().split('/').pop()}`)).json()) as { opportunityId: string; total: string };
    expect(order).toMatchObject({ opportunityId, total: '120000.00' });
    await settle(page);
    await screenshot(page, 'desktop-order-from-deal');
  });

  test('on a phone the board is a list of stages, and a deal moves with its stage picker', async () => {
    await page.setViewportSize(phone);
    await page.goto('/opportunities/board');
    await settle(page);
    expect(await pageWidth(page)).toBeLessThanOrEqual(phone.width);
    // The won deal is reopened into negotiation from its card.
    await page.locator('.ant-collapse-header', { hasText: '赢单' }).click();
    await card().getByTestId('board-stage-select').click();
    await openDropdown(page).getByTitle('商务谈判', { exact: true }).click();
    await page.getByText('已移到「商务谈判」').waitFor();
    await settle(page);
    await screenshot(page, 'phone-board');
    const opp = await (await page.request.get(`/api/v1/opportunities/${opportunityId}`)).json() as { stageName: string; status: string };
    expect(opp).toMatchObject({ stageName: '商务谈判', status: 'open' });
  });
});
