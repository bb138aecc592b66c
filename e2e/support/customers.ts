import type { Locator, Page } from 'playwright-core';
import { field } from './ui.ts';

/** Builds a valid unified social credit code (GB 32100-2015) from its first 17 characters. */
export function creditCode(first17: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((s, c, i) => s + alphabet.indexOf(c) * weights[i], 0);
  return first17 + alphabet[(31 - (sum % 31)) % 31];
}

/** The same code with a wrong check character. */
export const wrongCheckDigit = (code: string) => code.slice(0, 17) + (code[17] === '0' ? '1' : '0');

/** Walks a province / city / district cascader linked to a form label. */
export async function pickRegion(page: Page, label: string, path: string[]) {
  await field(page, label).click();
  for (const [level, name] of path.entries()) {
    await page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu').nth(level).locator('.ant-cascader-menu-item', { hasText: name }).first().click();
  }
  await page.keyboard.press('Escape');
}

/** Types into a multi-value input (phones, tags) and confirms the value. */
export async function addValue(page: Page | Locator, label: string, value: string) {
  const input = field(page, label);
  await input.fill(value);
  await input.press('Enter');
}

export interface SearchAnswer {
  /** each result's text: the name, then the matched field or subtitle */
  hits: string[];
  /** the highlighted spans, in order */
  marked: string[];
}

/**
 * Searches with the header's search box and waits for the answer to this text (results, or the
 * "nothing found" line): the box is emptied first, so earlier results are never read as these.
 */
export async function headerSearch(page: Page, text: string): Promise<SearchAnswer> {
  const box = page.getByRole('combobox', { name: '全局搜索' });
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const none = dropdown.getByText('没有找到匹配的客户或联系人');
  await box.fill('');
  await dropdown.getByTestId('search-hit').first().waitFor({ state: 'hidden' });
  await box.fill(text);
  await dropdown.getByTestId('search-hit').first().or(none).waitFor();
  // The dropdown animates as it reopens: read until two readings 200 ms apart agree.
  const read = async (): Promise<SearchAnswer & { empty: boolean }> => ({
    hits: (await dropdown.getByTestId('search-hit').allInnerTexts()).map((s) => s.trim()),
    marked: await dropdown.locator('mark.kehu-hit').allInnerTexts(),
    empty: await none.isVisible(),
  });
  let last = await read();
  for (let i = 0; i < 25; i++) {
    await page.waitForTimeout(200);
    const now = await read();
    if (JSON.stringify(now) === JSON.stringify(last) && (now.hits.length > 0 || now.empty)) return { hits: now.hits, marked: now.marked };
    last = now;
  }
  throw new Error(`the search for ${text} did not settle: ${JSON.stringify(last)}`);
}

/** The value shown beside a label on a details page (antd Descriptions). */
export const detail = (scope: Page | Locator, label: string) =>
  scope.locator('.ant-descriptions-item', { has: scope.locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) }) }).locator('.ant-descriptions-item-content');

/** The open tab's panel (the others are not rendered). */
export const activeTab = (page: Page) => page.getByRole('tabpanel');

/** Opens a tab of a record page. */
export async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  await page.getByRole('tab', { name, selected: true }).waitFor();
}
