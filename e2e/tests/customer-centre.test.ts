import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openBrowser, type Browser } from '../support/browser.ts';
import { activeTab, addValue, creditCode, detail, headerSearch, openTab, pickRegion, wrongCheckDigit } from '../support/customers.ts';
import { startKehu, type RunningKehu } from '../support/kehu-server.ts';
import {
  buttonName, changeOneTimePassword, choose, confirmModal, confirmPopover, createUnit, createUser, dialog, field, menuLabels, openDropdown, openPage,
  pageWidth, phone, row, screenshot, settle, signIn,
} from '../support/ui.ts';
import { adminMenu, repMenu } from '../support/menus.ts';

/**
 * The customer centre on its own company: the administrator sets up two branches, a custom field and
 * two customers, finds them with the header search by Chinese name parts and pinyin, works on an
 * account page, filters and saves a view, reassigns in bulk; the sales reps of the two branches find
 * only their own customers. Its own Kehu server, so the order of test files never matters.
 */
let kehu: RunningKehu;
let admin: Browser;
let adminPage: Page;
const oneTime: Record<string, string> = {};
const password = { admin: 'Admin-pass-2024', zhangsan: 'Zhang-pass-2024', lisi: 'Lisi-pass-2024' };

const torch = { name: '上海火炬润滑油有限公司', shortName: '火炬', code: creditCode('91310101MA1FL3C2X') };
const cosco = { name: '中海船务有限公司', shortName: '中海船务' };

const accountNames = async (page: Page) => {
  await settle(page);
  return page.locator('.ant-table-tbody tr.ant-table-row td a strong').allInnerTexts();
};

async function createAccount(page: Page, fill: () => Promise<void>) {
  await page.goto('/accounts');
  await page.getByRole('button', { name: buttonName('新建客户') }).click();
  await page.getByRole('heading', { level: 4, name: '新建客户' }).waitFor();
  await fill();
  await page.getByRole('button', { name: buttonName('新建客户') }).click();
}

/** A JSON request with the page's session, as another user's browser tab would send it. */
async function apiAs(page: Page, method: 'GET' | 'PATCH', path: string, data?: unknown) {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const response = await page.request.fetch(path, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(response.ok(), `${method} ${path}`).toBe(true);
  return response.json() as Promise<Record<string, unknown>>;
}

const signedInBefore = new Set<string>();

/** A rep's own browser; the first sign-in replaces the one-time password. */
async function openRep(login: 'zhangsan' | 'lisi'): Promise<{ browser: Browser; page: Page }> {
  const browser = await openBrowser(login, kehu.baseUrl);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  if (signedInBefore.has(login)) {
    await signIn(page, login, password[login]);
    await page.getByRole('menu').first().waitFor();
  } else {
    await signIn(page, login, oneTime[login]);
    await changeOneTimePassword(page, oneTime[login], password[login]);
    signedInBefore.add(login);
  }
  return { browser, page };
}

beforeAll(async () => {
  kehu = await startKehu();
  admin = await openBrowser('cc-admin', kehu.baseUrl);
  adminPage = admin.context.pages()[0] ?? (await admin.context.newPage());
});

afterAll(async () => {
  await admin?.close();
  await kehu?.stop();
});

describe('administrator sets up the customer centre', () => {
  test('signs in and finds the customer centre first in the menu', async () => {
    await signIn(adminPage, kehu.adminLogin, kehu.adminPassword);
    await changeOneTimePassword(adminPage, kehu.adminPassword, password.admin);
    expect(await menuLabels(adminPage)).toEqual(adminMenu);
    // The home page is now the accounts list.
    await adminPage.getByRole('heading', { level: 4, name: /^客户/ }).waitFor();
    await expect.poll(() => adminPage.getByTestId('list-count').innerText()).toBe('共 0 条');
  });

  test('staffs two branches with a sales rep each', async () => {
    await openPage(adminPage, '组织架构');
    await createUnit(adminPage, '总部', '新建分公司', '华东分公司');
    await createUnit(adminPage, '总部', '新建分公司', '华南分公司');
    await openPage(adminPage, '用户');
    oneTime.zhangsan = await createUser(adminPage, { login: 'zhangsan', name: '张三', unit: '华东分公司', role: '业务员' });
    oneTime.lisi = await createUser(adminPage, { login: 'lisi', name: '李四', unit: '华南分公司', role: '业务员' });
  });

  test('adds a select field "主要港口" to accounts', async () => {
    await openPage(adminPage, '自定义字段');
    await adminPage.getByRole('tab', { name: '客户' }).waitFor();
    await adminPage.getByRole('button', { name: '新建字段' }).click();
    const drawer = dialog(adminPage, '新建自定义字段');
    await field(drawer, '中文名称').fill('主要港口');
    await field(drawer, '英文名称').fill('Main port');
    await field(drawer, '字段标识').fill('main_port');
    await choose(adminPage, '字段类型', '单选');
    await field(drawer, '分组').fill('航运信息');
    for (const port of ['上海港', '宁波港']) {
      await drawer.getByRole('button', { name: '添加选项' }).click();
      await drawer.getByTestId('option-row').last().getByPlaceholder('中文名称').fill(port);
    }
    await drawer.getByRole('checkbox', { name: '可筛选排序' }).check();
    await screenshot(adminPage, 'desktop-admin-custom-field-drawer');
    await drawer.getByRole('button', { name: buttonName('保存') }).click();
    await drawer.waitFor({ state: 'detached' });
    const created = row(adminPage, 'main_port');
    await expect(created.innerText()).resolves.toMatch(/主要港口[\s\S]*单选[\s\S]*航运信息[\s\S]*可筛选排序/);
  });

  test('orders, archives and restores a field', async () => {
    await adminPage.getByRole('button', { name: '新建字段' }).click();
    const drawer = dialog(adminPage, '新建自定义字段');
    await field(drawer, '中文名称').fill('船舶数量');
    await field(drawer, '字段标识').fill('vessel_count');
    await choose(adminPage, '字段类型', '数字');
    await drawer.getByRole('button', { name: buttonName('保存') }).click();
    await drawer.waitFor({ state: 'detached' });
    const keys = async () => (await adminPage.locator('.ant-table-tbody tr.ant-table-row code').allInnerTexts()).map((s) => s.trim());
    await expect.poll(keys).toEqual(['main_port', 'vessel_count']);
    await adminPage.getByRole('button', { name: '上移「船舶数量」' }).click();
    await expect.poll(keys).toEqual(['vessel_count', 'main_port']);

    await row(adminPage, 'vessel_count').getByRole('button', { name: buttonName('归档') }).click();
    await confirmModal(adminPage, '归档');
    await expect.poll(keys).toEqual(['main_port']);
    await adminPage.getByRole('switch', { name: '显示已归档字段' }).click();
    await expect.poll(() => row(adminPage, 'vessel_count').innerText()).toContain('已归档');
    await screenshot(adminPage, 'desktop-admin-custom-fields');
    await row(adminPage, 'vessel_count').getByRole('button', { name: buttonName('恢复') }).click();
    await expect.poll(() => row(adminPage, 'vessel_count').innerText()).not.toContain('已归档');
  });

  test('creates 上海火炬润滑油有限公司 for 张三; a wrong credit code is named under its field', async () => {
    await createAccount(adminPage, async () => {
      await field(adminPage, '客户名称').fill(torch.name);
      await field(adminPage, '简称').fill(torch.shortName);
      await choose(adminPage, '客户类型', '货主');
      await choose(adminPage, '客户等级', 'A 类');
      await field(adminPage, '统一社会信用代码').fill(wrongCheckDigit(torch.code));
      await pickRegion(adminPage, '所在地区', ['上海市', '市辖区', '黄浦区']);
      await field(adminPage, '详细地址').fill('中山东一路 1 号');
      await addValue(adminPage, '电话', '021-6888 1234');
      await addValue(adminPage, '标签', '润滑油');
      await choose(adminPage, '负责人', '张三 (zhangsan)');
      await choose(adminPage, '主要港口', '上海港');
    });
    await adminPage.locator('.ant-form-item-explain-error', { hasText: '校验位不正确' }).waitFor();
    await screenshot(adminPage, 'desktop-admin-account-credit-code-error');
    await field(adminPage, '统一社会信用代码').fill(torch.code);
    await adminPage.getByRole('button', { name: buttonName('新建客户') }).click();
    await adminPage.getByRole('heading', { level: 4, name: torch.name }).waitFor();
    const header = adminPage.getByTestId('account-header');
    // The type's name arrives with the list of account types.
    await header.getByText('货主').waitFor();
    await expect(header.innerText()).resolves.toMatch(/火炬[\s\S]*货主[\s\S]*A 类[\s\S]*负责人：张三[\s\S]*所属单元：华东分公司[\s\S]*上海市 黄浦区[\s\S]*润滑油/);
    await expect(detail(adminPage, '统一社会信用代码').innerText()).resolves.toBe(torch.code);
    await expect(detail(adminPage, '电话').innerText()).resolves.toBe('021-68881234');
    await expect(detail(adminPage, '主要港口').innerText()).resolves.toBe('上海港');
  });

  test('creates 中海船务有限公司 for 李四', async () => {
    await createAccount(adminPage, async () => {
      await field(adminPage, '客户名称').fill(cosco.name);
      await field(adminPage, '简称').fill(cosco.shortName);
      await choose(adminPage, '客户类型', '船东');
      await choose(adminPage, '负责人', '李四 (lisi)');
      await choose(adminPage, '主要港口', '宁波港');
    });
    await adminPage.getByRole('heading', { level: 4, name: cosco.name }).waitFor();
    await expect(adminPage.getByTestId('account-header').innerText()).resolves.toMatch(/负责人：李四[\s\S]*所属单元：华南分公司/);
  });

  test('finds them with the header search by a Chinese name part and by pinyin, highlighted', async () => {
    const byChinese = await headerSearch(adminPage, '火炬');
    expect(byChinese.hits).toHaveLength(1);
    expect(byChinese.hits[0]).toContain(torch.name);
    expect(byChinese.marked).toEqual(['火炬']);
    await screenshot(adminPage, 'desktop-admin-search-chinese');

    const byInitials = await headerSearch(adminPage, 'zhcw');
    expect(byInitials.hits).toHaveLength(1);
    expect(byInitials.hits[0]).toContain(cosco.name);
    expect(byInitials.marked).toEqual(['中海船务']);

    const byPinyin = await headerSearch(adminPage, 'zhonghai');
    expect(byPinyin.hits[0]).toContain(cosco.name);
    expect(byPinyin.marked).toEqual(['中海']);
    await screenshot(adminPage, 'desktop-admin-search-pinyin');

    // Enter opens the best match.
    await adminPage.getByRole('combobox', { name: '全局搜索' }).press('Enter');
    await adminPage.getByRole('heading', { level: 4, name: cosco.name }).waitFor();
  });
});

describe('sales rep 李四 of 华南分公司 (before the reassignment)', () => {
  test('finds the customer he owns and not 华东分公司’s', async () => {
    const { browser, page } = await openRep('lisi');
    try {
      expect((await headerSearch(page, 'zhonghai')).hits.map((h) => h.split('\n')[0])).toEqual([cosco.name]);
      const other = await headerSearch(page, '火炬');
      expect(other.hits).toEqual([]);
      await page.goto('/accounts');
      expect(await accountNames(page)).toEqual([cosco.name]);
      await page.goto('/');
    } finally {
      await browser.close();
    }
  });
});

describe('administrator works on an account', () => {
  test('edits it in a drawer, and the custom field change shows in the history', async () => {
    await headerSearch(adminPage, '火炬');
    await adminPage.getByRole('combobox', { name: '全局搜索' }).press('Enter');
    await adminPage.getByRole('heading', { level: 4, name: torch.name }).waitFor();
    await adminPage.getByRole('button', { name: buttonName('编辑') }).click();
    const drawer = dialog(adminPage, `编辑客户：${torch.name}`);
    await choose(adminPage, '主要港口', '宁波港');
    await field(drawer, '行业').fill('石化');
    await drawer.getByRole('button', { name: buttonName('保存') }).click();
    await drawer.waitFor({ state: 'detached' });
    await expect.poll(() => detail(adminPage, '主要港口').innerText()).toBe('宁波港');
    await expect(detail(adminPage, '行业').innerText()).resolves.toBe('石化');
    await openTab(adminPage, '变更历史');
    const history = activeTab(adminPage);
    await history.getByText('主要港口').first().waitFor();
    const text = await history.innerText();
    expect(text).toMatch(/主要港口\s+上海港\s+宁波港/);
    expect(text).toContain('新建');
  });

  test('is told, not overwritten, when someone else saved first', async () => {
    await openTab(adminPage, '详细资料');
    await adminPage.getByRole('button', { name: buttonName('编辑') }).click();
    const drawer = dialog(adminPage, `编辑客户：${torch.name}`);
    // Meanwhile a colleague changes the address.
    const id = adminPage.url().split('/accounts/')[1].split('?')[0];
    const current = await apiAs(adminPage, 'GET', `/api/v1/accounts/${id}`);
    await apiAs(adminPage, 'PATCH', `/api/v1/accounts/${id}`, { version: current.version, address: '外马路 2 号' });
    await field(drawer, '详细地址').fill('中山东一路 3 号');
    await drawer.getByRole('button', { name: buttonName('保存') }).click();
    await drawer.getByTestId('version-conflict').waitFor();
    await expect(drawer.getByTestId('version-conflict').innerText()).resolves.toContain('此客户刚被他人修改');
    await screenshot(adminPage, 'desktop-admin-account-conflict');
    await drawer.getByRole('button', { name: '载入最新版本' }).click();
    await drawer.getByTestId('version-conflict').waitFor({ state: 'detached' });
    await expect.poll(() => field(drawer, '详细地址').inputValue()).toBe('外马路 2 号');
    await drawer.getByRole('button', { name: buttonName('取消') }).click();
    await drawer.waitFor({ state: 'detached' });
  });

  test('adds a contact right on the account', async () => {
    await adminPage.reload();
    await openTab(adminPage, '联系人');
    await adminPage.getByRole('button', { name: '新建联系人' }).click();
    const drawer = dialog(adminPage, `为「${torch.name}」新建联系人`);
    await field(drawer, '姓名').fill('王海');
    await field(drawer, '在该客户的角色').fill('采购经理');
    await drawer.getByRole('checkbox', { name: '设为该客户的主要联系人' }).check();
    await addValue(drawer, '电话', '13800138000');
    await drawer.getByRole('button', { name: buttonName('保存') }).click();
    await drawer.waitFor({ state: 'detached' });
    const card = adminPage.getByTestId('account-contact');
    await expect.poll(() => card.innerText()).toMatch(/王海[\s\S]*主要联系人[\s\S]*采购经理[\s\S]*138 0013 8000/);
  });

  test('imports the captain from a phone’s vCard and exports the account’s people', async () => {
    const vcf = ['BEGIN:VCARD', 'VERSION:3.0', 'N:李;船长;;;', 'FN:李船长', 'TITLE:船长', 'TEL;TYPE=CELL:+86 139-0013-9000', 'END:VCARD', ''].join('\r\n');
    await activeTab(adminPage).locator('input[type=file]').setInputFiles({ name: 'captain.vcf', mimeType: 'text/vcard', buffer: Buffer.from(vcf) });
    const result = adminPage.getByTestId('vcard-result');
    await expect.poll(() => result.innerText()).toContain('文件中 1 张名片，已创建 1 个联系人');
    await dialog(adminPage, 'vCard 导入结果').getByRole('button', { name: buttonName('关闭') }).first().click();
    await expect.poll(() => adminPage.getByTestId('account-contact').allInnerTexts()).toHaveLength(2);
    const captain = adminPage.getByTestId('account-contact').filter({ hasText: '李船长' });
    await expect(captain.innerText()).resolves.toContain('139 0013 9000');
    const href = await adminPage.getByRole('link', { name: /导出 vCard/ }).getAttribute('href');
    const exported = await (await adminPage.request.get(href!)).text();
    expect(exported).toContain('FN:王海');
    expect(exported).toContain('FN:李船长');
  });

  test('uploads, downloads and deletes an attachment', async () => {
    await openTab(adminPage, '附件');
    const content = '报价：每吨 9800 元';
    await activeTab(adminPage).locator('input[type=file]').setInputFiles({ name: '报价单.txt', mimeType: 'text/plain', buffer: Buffer.from(content) });
    const file = row(adminPage, '报价单.txt');
    await file.waitFor();
    const href = await file.getByRole('link', { name: '报价单.txt' }).getAttribute('href');
    const download = await adminPage.request.get(href!);
    expect(await download.text()).toBe(content);
    await screenshot(adminPage, 'desktop-admin-account-attachments');
    await file.getByRole('button', { name: '删除' }).click();
    await confirmPopover(adminPage);
    await file.waitFor({ state: 'detached' });
  });

  test('logs a visit, which leads the timeline', async () => {
    await openTab(adminPage, '跟进与动态');
    await adminPage.getByRole('button', { name: '记录跟进' }).click();
    const drawer = dialog(adminPage, `记录跟进：${torch.name}`);
    await drawer.getByText('拜访', { exact: true }).click();
    await field(drawer, '主题').fill('季度拜访：新润滑油试用');
    await field(drawer, '内容').fill('客户同意在两条船上试用新品。');
    await field(drawer, '地点').fill('外马路 2 号');
    await drawer.getByRole('button', { name: buttonName('保存') }).click();
    await drawer.waitFor({ state: 'detached' });
    const first = adminPage.locator('.ant-timeline-item').first();
    await expect.poll(() => first.innerText()).toMatch(/拜访[\s\S]*季度拜访：新润滑油试用[\s\S]*客户同意在两条船上试用新品/);
    // Record changes follow: the edits made above.
    await adminPage.getByTestId('timeline-change').first().waitFor();
    await screenshot(adminPage, 'desktop-admin-account-timeline');
    await adminPage.getByRole('combobox', { name: '按类型筛选' }).click();
    await openDropdown(adminPage).getByTitle('拜访', { exact: true }).click();
    await adminPage.keyboard.press('Escape');
    await adminPage.getByTestId('timeline-change').first().waitFor({ state: 'detached' });
    expect(await adminPage.getByTestId('timeline-activity').count()).toBe(1);
    await openTab(adminPage, '详细资料');
    await screenshot(adminPage, 'desktop-admin-account');
  });
});

describe('administrator works on the accounts list', () => {
  test('filters by the custom field and saves the list as a view', async () => {
    await openPage(adminPage, '客户');
    expect((await accountNames(adminPage)).sort()).toEqual([cosco.name, torch.name].sort());
    await expect.poll(() => adminPage.getByTestId('list-count').innerText()).toBe('共 2 条');
    await adminPage.getByRole('button', { name: '自定义字段筛选' }).click();
    const drawer = dialog(adminPage, '自定义字段筛选');
    await choose(adminPage, '主要港口', '宁波港');
    await drawer.getByRole('button', { name: buttonName('应用') }).click();
    await drawer.waitFor({ state: 'detached' });
    await adminPage.waitForURL(/customFilters=/);
    expect((await accountNames(adminPage)).sort()).toEqual([cosco.name, torch.name].sort());

    // Narrow further by type, then keep the list as a view.
    await adminPage.locator('.ant-select', { hasText: /^客户类型$/ }).click();
    await openDropdown(adminPage).getByTitle('货主', { exact: true }).click();
    await adminPage.keyboard.press('Escape');
    await adminPage.waitForURL(/type=cargo_owner/);
    expect(await accountNames(adminPage)).toEqual([torch.name]);
    await expect.poll(() => adminPage.getByTestId('list-count').innerText()).toBe('共 1 条');
    await adminPage.getByRole('button', { name: '另存为视图' }).click();
    const save = dialog(adminPage, '另存为视图');
    await field(save, '视图名称').fill('宁波港货主');
    await save.getByText('本单元及下级').click();
    await save.getByRole('button', { name: buttonName('保存') }).click();
    await save.waitFor({ state: 'detached' });
    await adminPage.waitForURL(/view=/);

    await adminPage.goto('/accounts');
    expect((await accountNames(adminPage)).sort()).toEqual([cosco.name, torch.name].sort());
    await adminPage.getByRole('combobox', { name: '视图' }).click();
    await openDropdown(adminPage).getByTitle('宁波港货主').click();
    expect(await accountNames(adminPage)).toEqual([torch.name]);
    await screenshot(adminPage, 'desktop-admin-accounts-view');

    // As the default view, it is what the list opens with.
    await adminPage.getByRole('button', { name: '视图操作' }).click();
    await adminPage.locator('.ant-dropdown:visible').getByText('设为我的默认视图').click();
    await adminPage.getByText('已保存').first().waitFor();
    await adminPage.goto('/accounts');
    expect(await accountNames(adminPage)).toEqual([torch.name]);
    await expect(adminPage.locator('.ant-select', { has: adminPage.getByRole('combobox', { name: '视图' }) }).innerText()).resolves.toContain('宁波港货主');
  });

  test('assigns both accounts to 张三 at once', async () => {
    await adminPage.getByRole('combobox', { name: '视图' }).click();
    await openDropdown(adminPage).getByTitle('全部客户').click();
    await adminPage.waitForURL(/view=(&|$)/);
    expect((await accountNames(adminPage)).sort()).toEqual([cosco.name, torch.name].sort());
    await adminPage.locator('.ant-table-thead .ant-checkbox-input').check();
    const bar = adminPage.getByTestId('bulk-actions');
    await expect(bar.innerText()).resolves.toContain('已选 2 个客户');
    await screenshot(adminPage, 'desktop-admin-accounts-selected');
    await bar.getByRole('button', { name: '分配负责人' }).click();
    const modal = dialog(adminPage, '将 2 个客户分配给');
    await choose(adminPage, '新负责人', '张三 (zhangsan)');
    await modal.getByRole('button', { name: buttonName('分配负责人') }).click();
    await modal.waitFor({ state: 'detached' });
    // 火炬 was 张三's already: only 中海船务 changes hands.
    await adminPage.getByText('已处理 1 个客户').waitFor();
    await settle(adminPage);
    for (const name of [torch.name, cosco.name]) {
      await expect.poll(() => row(adminPage, name).innerText()).toMatch(/张三\s+华东分公司/);
    }
    await screenshot(adminPage, 'desktop-admin-accounts');
  });
});

describe('sales reps after the reassignment', () => {
  test('李四 of 华南分公司 no longer finds 中海船务, nor anything of 华东分公司', async () => {
    const { browser, page } = await openRep('lisi');
    try {
      for (const q of ['zhcw', 'zhonghai', '火炬']) expect((await headerSearch(page, q)).hits, q).toEqual([]);
      await screenshot(page, 'desktop-rep-lisi-search-nothing');
      await page.goto('/accounts');
      await settle(page);
      await expect.poll(() => page.getByTestId('list-count').innerText()).toBe('共 0 条');
    } finally {
      await browser.close();
    }
  });

  test('张三 of 华东分公司 finds both, by name part and by initials', async () => {
    const { browser, page } = await openRep('zhangsan');
    try {
      expect(await menuLabels(page)).toEqual(repMenu);
      expect((await headerSearch(page, '火炬')).marked).toEqual(['火炬']);
      expect((await headerSearch(page, 'zhcw')).marked).toEqual(['中海船务']);
      await page.goto('/accounts');
      expect((await accountNames(page)).sort()).toEqual([cosco.name, torch.name].sort());
      // A rep may tag their customers in bulk, but not hand them to others or delete them.
      await page.locator('.ant-table-thead .ant-checkbox-input').check();
      const bar = page.getByTestId('bulk-actions');
      await bar.getByRole('button', { name: '标签' }).waitFor();
      await expect(bar.getByRole('button', { name: '分配负责人' }).count()).resolves.toBe(0);
      await expect(bar.getByRole('button', { name: '删除' }).count()).resolves.toBe(0);
      await screenshot(page, 'desktop-rep-zhangsan-accounts');
    } finally {
      await browser.close();
    }
  });
});

describe('on a 390-px phone', () => {
  test('the list is cards, the account page and the search fit the screen', async () => {
    const mobile = await admin.context.newPage();
    await mobile.setViewportSize(phone);
    try {
      // The administrator's default view shows one account; the built-in list shows all.
      await mobile.goto('/accounts?view=');
      await mobile.getByTestId('account-card').first().waitFor();
      await settle(mobile);
      expect(await mobile.getByTestId('account-card').count()).toBe(2);
      expect(await pageWidth(mobile)).toBeLessThanOrEqual(phone.width);
      await screenshot(mobile, 'phone-admin-accounts');

      await mobile.getByTestId('account-card').filter({ hasText: torch.name }).click();
      await mobile.getByRole('heading', { level: 4, name: torch.name }).waitFor();
      await settle(mobile);
      expect(await pageWidth(mobile)).toBeLessThanOrEqual(phone.width);
      await screenshot(mobile, 'phone-admin-account');

      await mobile.getByRole('button', { name: '全局搜索' }).click();
      const found = await headerSearch(mobile, 'zhcw');
      expect(found.marked).toEqual(['中海船务']);
      expect(await pageWidth(mobile)).toBeLessThanOrEqual(phone.width);
      await screenshot(mobile, 'phone-admin-search');
      await mobile.getByRole('combobox', { name: '全局搜索' }).press('Enter');
      await mobile.getByRole('heading', { level: 4, name: cosco.name }).waitFor();
    } finally {
      await mobile.close();
    }
  });
});
