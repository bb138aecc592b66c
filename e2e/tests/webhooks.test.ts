import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openBrowser, type Browser } from '../support/browser.ts';
import { startKehu, type RunningKehu } from '../support/kehu-server.ts';
import { changeOneTimePassword, dialog, field, openPage, row, screenshot, settle, signIn } from '../support/ui.ts';

/**
 * An administrator subscribes a receiver (a plain node http server in this process) to new
 * accounts, copies the secret shown once, creates an account and finds the signed delivery in the
 * receiver and in the delivery log; then replays it. Its own Kehu server, allowed to send to
 * 127.0.0.1 (KEHU_WEBHOOK_TARGETS=any).
 */
let kehu: RunningKehu;
let admin: Browser;
let page: Page;
let receiver: http.Server;
let receiverUrl: string;
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
const account = '青岛推送测试海运有限公司';

async function apiAs<T = Record<string, unknown>>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const response = await page.request.fetch(path, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** What a receiver does with the secret: recompute HMAC-SHA256 over `${t}.${body}`. */
function signedWith(secret: string, header: string, body: string): boolean {
  const t = /t=(\d+)/.exec(header)?.[1];
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return header.split(',').includes(`v1=${expected}`);
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end('收到');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/kehu`;

  process.env.KEHU_WEBHOOK_TARGETS = 'any';
  kehu = await startKehu();
  admin = await openBrowser('webhooks-admin', kehu.baseUrl);
  page = admin.context.pages()[0] ?? (await admin.context.newPage());
  await signIn(page, kehu.adminLogin, kehu.adminPassword);
  await changeOneTimePassword(page, kehu.adminPassword, 'Admin-pass-2024');
}, 600_000);

afterAll(async () => {
  await admin?.close();
  await kehu?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('webhooks', () => {
  let secret = '';

  test('an administrator subscribes a URL to new accounts and sees the secret once', async () => {
    await openPage(page, 'Webhook 订阅');
    await page.getByRole('button', { name: /新建订阅/ }).click();
    const form = dialog(page, '新建订阅');
    await field(form, '名称').fill('ERP 客户同步');
    await field(form, '推送地址').fill(receiverUrl);
    const accountEvents = form.locator('.ant-flex', { hasText: /^客户/ }).first();
    await accountEvents.getByRole('checkbox', { name: '新建', exact: true }).check();
    await form.getByRole('button', { name: /保\s*存/ }).click();

    const shown = page.getByTestId('webhook-secret');
    await shown.waitFor();
    secret = (await shown.innerText()).trim();
    expect(secret).toMatch(/^whsec_/);
    await screenshot(page, 'webhooks-secret');
    await page.getByRole('button', { name: '我已记下' }).click();
    await settle(page);
    await expect.poll(() => row(page, 'ERP 客户同步').innerText()).toContain('启用中');
    expect(await row(page, 'ERP 客户同步').innerText()).not.toContain(secret);
  });

  test('creating an account sends a signed delivery, logged as delivered', async () => {
    const created = await apiAs<{ id: string }>('POST', '/api/v1/accounts', { name: account });
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);
    const [delivery] = received;
    expect(delivery.headers['x-kehu-event']).toBe('account.created');
    expect(signedWith(secret, delivery.headers['x-kehu-signature'] as string, delivery.body)).toBe(true);
    expect(JSON.parse(delivery.body)).toMatchObject({ event: 'account.created', object: { type: 'account', id: created.id, label: account } });

    await page.getByRole('link', { name: 'ERP 客户同步' }).click();
    await page.getByRole('heading', { level: 4, name: /推送记录/ }).waitFor();
    const logged = row(page, account);
    await expect.poll(async () => {
      await page.getByRole('button', { name: '刷新' }).click();
      await settle(page);
      return logged.getByTestId('delivery-status').innerText();
    }, { timeout: 20_000 }).toBe('已送达');
    expect(await logged.innerText()).toContain('account.created');
    expect(await logged.getByTestId('delivery-attempts').innerText()).toBe('1');

    await logged.locator('.ant-table-row-expand-icon').click();
    await page.getByTestId('delivery-attempt').first().waitFor();
    expect(await page.getByTestId('delivery-attempt').first().innerText()).toContain('200');
    await screenshot(page, 'webhooks-delivery-log');
  });

  test('a delivery is replayed from the log with the same delivery id', async () => {
    const logged = row(page, account);
    await logged.getByRole('button', { name: /重\s*发/ }).click();
    await page.getByText('已重新排队').waitFor();
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(2);
    expect(received[1].headers['x-kehu-delivery']).toBe(received[0].headers['x-kehu-delivery']);
    expect(signedWith(secret, received[1].headers['x-kehu-signature'] as string, received[1].body)).toBe(true);
    await expect.poll(async () => {
      await page.getByRole('button', { name: '刷新' }).click();
      await settle(page);
      return logged.getByTestId('delivery-attempts').innerText();
    }, { timeout: 20_000 }).toBe('2');
    expect(await logged.getByTestId('delivery-status').innerText()).toBe('已送达');
  });

  test('the page works on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/webhooks');
    await settle(page);
    await row(page, 'ERP 客户同步').waitFor();
    await screenshot(page, 'webhooks-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
