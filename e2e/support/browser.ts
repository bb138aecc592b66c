import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

// Debian's Chromium, never a downloaded one. Quiet flags keep a headless run from phoning home.
const executablePath = '/usr/bin/chromium';
const args = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * One browser per person, each with a fresh user-data dir, so two people's sessions never mix.
 * Chinese is the browser language: the app picks its language from it until the user saves one.
 */
export async function openBrowser(person: string, baseUrl: string): Promise<Browser> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), `kehu-e2e-${person}-`));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    args,
    headless: true,
    baseURL: baseUrl,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
