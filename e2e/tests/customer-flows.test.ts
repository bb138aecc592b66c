import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openBrowser, type Browser } from '../support/browser.ts';
import { headerSearch } from '../support/customers.ts';
import { startKehu, type RunningKehu } from '../support/kehu-server.ts';
import { buttonName, changeOneTimePassword, choose, dialog, field, openPage, pageWidth, phone, row, rowMenu, screenshot, settle, signIn } from '../support/ui.ts';

/**
 * The customer centre's everyday flows on its own company: entering a customer that already exists
 * under another name (the duplicate warning, then saving anyway), the public pool (claim within the
 * cap, the cap refusing one more), and a risk flag raised in one branch reaching a rep of another
 * branch who searches the name. People and customers that are not the point of a test are made
 * through the API, as an administrator would have imported them.
 */
let kehu: RunningKehu;
let admin: Browser;
let adminPage: Page;
const browsers: Browser[] = [];
const repPassword = 'Rep-pass-2024x';
const torch = '上海火炬润滑油有限公司';
const torchVariant = '火炬润滑油(上海)有限责任公司';
const poolNames = ['宁波远帆物流有限公司', '宁波远帆贸易有限公司', '宁波远帆化工有限公司'];
const ids: Record<string, string> = {};

/** A JSON request with the page's session (and its CSRF token), as the page itself would send it. */
async function apiAs<T = Record<string, unknown>>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const response = await page.request.fetch(path, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (response.status() === 204 ? {} : await response.json()) as T;
}

async function openAs(login: string, viewport?: { width: number; height: number }): Promise<Page> {
  const browser = await openBrowser(`flows-${login}`, kehu.baseUrl);
  browsers.push(browser);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await signIn(page, login, repPassword);
  await page.getByRole('menu').first().waitFor();
  if (viewport) await page.setViewportSize(viewport);
  return page;
}

beforeAll(async () => {
  kehu = await startKehu();
  admin = await openBrowser('flows-admin', kehu.baseUrl);
  adminPage = admin.context.pages()[0] ?? (await admin.context.newPage());
  await signIn(adminPage, kehu.adminLogin, kehu.adminPassword);
  await changeOneTimePassword(adminPage, kehu.adminPassword, 'Admin-pass-2024');

  const units = await apiAs<{ items: { id: string; kind: string }[] }>(adminPage, 'GET', '/api/v1/org-units');
  const hq = units.items.find((u) => u.kind === 'head_office')!.id;
  const east = await apiAs<{ id: string }>(adminPage, 'POST', '/api/v1/org-units', { parentId: hq, kind: 'branch', name: '华东分公司' });
  const south = await apiAs<{ id: string }>(adminPage, 'POST', '/api/v1/org-units', { parentId: hq, kind: 'branch', name: '华南分公司' });
  const roles = await apiAs<{ items: { id: string; key: string | null }[] }>(adminPage, 'GET', '/api/v1/roles');
  const rep = roles.items.find((r) => r.key === 'sales_rep')!.id;
  for (const [login, name, unitId] of [['wangwu', '王五', east.id], ['zhaoliu', '赵六', east.id], ['sunqi', '孙七', south.id]] as const) {
    const made = await apiAs<{ user: { id: string } }>(adminPage, 'POST', '/api/v1/users', { login, name, unitId, roleIds: [rep], password: repPassword });
    ids[login] = made.user.id;
  }
  ids.torch = (await apiAs<{ id: string }>(adminPage, 'POST', '/api/v1/accounts', { name: torch, shortName: '火炬', phones: ['13900001111'], ownerId: ids.wangwu })).id;
  // Three customers wangwu let go: they wait in 华东分公司's pool.
  for (const name of poolNames) {
    const { id } = await apiAs<{ id: string }>(adminPage, 'POST', '/api/v1/accounts', { name, ownerId: ids.wangwu });
    await apiAs(adminPage, 'POST', `/api/v1/accounts/${id}/release`, { note: '长期无需求' });
  }
}, 180_000);

afterAll(async () => {
  for (const b of browsers) await b.close();
  await admin?.close();
  await kehu?.stop();
});

describe('duplicate warning on entry', () => {
  test('typing a name variant of an existing customer shows it with score and reason; saving asks first', async () => {
    await adminPage.goto('/accounts/new');
    await adminPage.getByRole('heading', { level: 4, name: '新建客户' }).waitFor();
    await field(adminPage, '客户名称').fill(torchVariant);
    const panel = adminPage.getByTestId('duplicate-panel');
    const candidate = panel.getByTestId('duplicate-candidate').filter({ hasText: torch });
    await candidate.waitFor();
    await expect(candidate.innerText()).resolves.toMatch(/很可能重复 · 相似度 \d+%[\s\S]*名称变体[\s\S]*负责人：王五/);
    await expect(candidate.getByRole('link', { name: torch }).getAttribute('href')).resolves.toBe(`/accounts/${ids.torch}`);
    await screenshot(adminPage, 'desktop-admin-duplicate-warning');

    await adminPage.getByRole('button', { name: buttonName('新建客户') }).click();
    const confirm = adminPage.locator('.ant-modal-confirm');
    await confirm.locator('.ant-modal-confirm-title', { hasText: '仍然保存？' }).waitFor();
    await confirm.getByRole('button', { name: buttonName('仍然保存') }).click();
    await adminPage.getByRole('heading', { level: 4, name: torchVariant }).waitFor();
  });
});

describe('duplicate report', () => {
  test('the administrator finds the two 火炬 entries as one group and takes them to the merge page', async () => {
    await openPage(adminPage, '客户查重');
    // Nothing computed yet: the administrator starts a run; a background job computes it while the page shows its progress.
    await expect.poll(() => adminPage.getByTestId('duplicate-stats').innerText()).toContain('尚未计算');
    await adminPage.getByTestId('duplicate-recompute').click();
    await adminPage.getByTestId('duplicate-progress').waitFor();
    await expect.poll(() => adminPage.getByTestId('duplicate-stats').innerText(), { timeout: 60_000 }).toMatch(/计算：检查了 \d+ 个客户，找到 \d+ 组/);
    expect(await adminPage.getByTestId('duplicate-progress').count()).toBe(0);
    const group = adminPage.getByTestId('duplicate-group').filter({ hasText: torchVariant });
    await expect.poll(() => group.innerText()).toMatch(/相似度 \d+%[\s\S]*(上海火炬润滑油有限公司[\s\S]*火炬润滑油\(上海\)有限责任公司|火炬润滑油\(上海\)有限责任公司[\s\S]*上海火炬润滑油有限公司)[\s\S]*名称变体/);
    await screenshot(adminPage, 'desktop-admin-duplicate-report');
    await group.getByRole('button', { name: buttonName('合并所选') }).click();
    await adminPage.waitForURL(/\/accounts\/merge\?ids=/);
    const picked = new URL(adminPage.url()).searchParams.get('ids')!.split(',');
    expect(picked).toHaveLength(2);
    expect(picked).toContain(ids.torch);
  });
});

describe('public pool', () => {
  test('the administrator caps private customers at 2 on the pool rules page', async () => {
    await openPage(adminPage, '公海客户');
    await expect.poll(() => adminPage.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(3);
    await adminPage.getByRole('button', { name: buttonName('公海规则') }).click();
    await adminPage.getByRole('heading', { level: 4, name: '公海规则' }).waitFor();
    await adminPage.getByRole('button', { name: buttonName('新增单位规则') }).click();
    const modal = dialog(adminPage, '新增单位规则');
    await field(modal, '私海上限 N（个）').fill('2');
    await field(modal, '无跟进退回 D（天）').fill('30');
    await modal.getByRole('button', { name: buttonName('确定') }).click();
    await expect.poll(() => row(adminPage, '全公司默认').innerText()).toMatch(/全公司默认\s+2\s+30/);
  });

  test('a rep claims on a phone: the customer becomes theirs, the cap refuses a third', async () => {
    const page = await openAs('zhaoliu', phone);
    await page.goto('/pool');
    await page.getByRole('heading', { level: 4, name: '公海客户' }).waitFor();
    const cap = page.getByTestId('pool-cap');
    await expect.poll(() => cap.innerText()).toBe('0 / 2 个私海客户');
    const card = (name: string) => page.getByTestId('pool-card').filter({ hasText: name });
    await card(poolNames[0]).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(phone.width);
    await screenshot(page, 'phone-rep-pool');

    await card(poolNames[0]).getByTestId('pool-claim').click();
    await page.locator('.ant-message').getByText(`已领取「${poolNames[0]}」`).waitFor();
    await expect.poll(() => cap.innerText()).toBe('1 / 2 个私海客户');
    await expect.poll(() => card(poolNames[0]).count()).toBe(0);

    // It is among "my accounts" now.
    await page.goto('/accounts');
    await page.getByTestId('account-card').filter({ hasText: poolNames[0] }).waitFor();

    await page.goto('/pool');
    await card(poolNames[1]).getByTestId('pool-claim').click();
    await expect.poll(() => cap.innerText()).toBe('2 / 2 个私海客户');
    await card(poolNames[2]).getByTestId('pool-claim').click();
    await page.getByText('私海客户已达上限（2 个），请先释放客户').waitFor();
    await screenshot(page, 'phone-rep-pool-cap');
    await settle(page);
    await card(poolNames[2]).waitFor();
    await expect(cap.innerText()).resolves.toBe('2 / 2 个私海客户');

    // Releasing one (with a reason) makes room, and the history says why.
    await page.goto('/accounts');
    await page.getByTestId('account-card').filter({ hasText: poolNames[1] }).click();
    await page.getByRole('heading', { level: 4, name: poolNames[1] }).waitFor();
    // On a phone the later tabs sit behind the tab bar's overflow menu: open the tab by its address.
    await page.goto(`${new URL(page.url()).pathname}?tab=ownership`);
    await expect.poll(() => page.getByTestId('owner-history').innerText()).toMatch(/从公海领取 → 赵六[\s\S]*退回公海 → 公海[\s\S]*长期无需求[\s\S]*登记 → 王五/);
    await page.getByRole('button', { name: buttonName('退回公海') }).click();
    const modal = dialog(page, `把「${poolNames[1]}」退回公海`);
    await field(modal, '原因').fill('客户已转由总部对接');
    await modal.getByRole('button', { name: buttonName('退回公海') }).click();
    await page.getByRole('heading', { level: 4, name: '公海客户' }).waitFor();
    await expect.poll(() => cap.innerText()).toBe('1 / 2 个私海客户');
  });
});

describe('risk flags across branches', () => {
  test('a rep of 华东 flags their customer; a rep of 华南 searching the name sees the warning', async () => {
    const east = await openAs('wangwu');
    await east.goto(`/accounts/${ids.torch}`);
    await east.getByRole('heading', { level: 4, name: torch }).waitFor();
    await east.getByRole('button', { name: buttonName('标记风险') }).click();
    const modal = dialog(east, `标记「${torch}」的风险`);
    await choose(east, '风险类型', '恶意客户');
    await field(modal, '原因').fill('恶意压价后拖欠单证费用，接单前请先核实');
    await modal.getByRole('button', { name: buttonName('标记风险') }).click();
    await east.getByTestId('risk-banner').getByText('恶意压价后拖欠单证费用，接单前请先核实').waitFor();
    await screenshot(east, 'desktop-rep-risk-banner');

    const south = await openAs('sunqi');
    // The customer is outside 孙七's scope: the warning is what reaches them.
    const answer = await headerSearch(south, '火炬');
    expect(answer.hits).toHaveLength(1);
    expect(answer.hits[0]).toMatch(/风险警示[\s\S]*上海火炬润滑油有限公司[\s\S]*恶意客户: 恶意压价后拖欠单证费用，接单前请先核实 \(华东分公司\)/);
    await expect(south.locator('.ant-select-dropdown:visible').getByTestId('risk-badge').count()).resolves.toBe(1);
    await screenshot(south, 'desktop-other-branch-risk-search');
  });
});

describe('handing over a departing rep\'s book', () => {
  test('from the users page, every customer and open deal of 王五 goes to 赵六 in one step', async () => {
    const deal = await apiAs<{ id: string }>(adminPage, 'POST', '/api/v1/opportunities', { name: '火炬 2027 年度润滑油', accountId: ids.torch, ownerId: ids.wangwu, amount: '80000.00' });
    await openPage(adminPage, '用户');
    await rowMenu(adminPage, '王五', '交接客户、商机和任务');
    const modal = dialog(adminPage, '交接 王五 的客户、进行中的商机和未完成任务');
    await modal.getByLabel('接收人').click();
    await adminPage.getByLabel('接收人').fill('赵六');
    await adminPage.locator('.ant-select-dropdown:visible').getByTitle('赵六 (zhaoliu)', { exact: true }).click();
    await modal.locator('.ant-select-selection-item', { hasText: '赵六' }).waitFor();
    // A multiple select stays open for more picks, over the modal's buttons: the click goes to the button itself.
    await modal.getByRole('button', { name: buttonName('确定') }).dispatchEvent('click');
    await adminPage.locator('.ant-message').getByText('已交接 1 个客户、1 个商机、0 个任务').waitFor();
    const account = await apiAs<{ ownerName: string }>(adminPage, 'GET', `/api/v1/accounts/${ids.torch}`);
    expect(account.ownerName).toBe('赵六');
    const moved = await apiAs<{ ownerName: string }>(adminPage, 'GET', `/api/v1/opportunities/${deal.id}`);
    expect(moved.ownerName).toBe('赵六');
  });
});
