import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { repoRoot, startKehu } from './kehu-server.ts';

export interface KehuUnderTest {
  baseUrl: string;
  adminLogin: string;
  adminPassword: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    kehu: KehuUnderTest;
  }
}

export default async function setup(project: TestProject) {
  // The server serves web/dist; build it when missing or older than its sources. Vitest sets
  // NODE_ENV=test, which would make Vite build React's development bundle: build for production.
  execFileSync(process.execPath, ['scripts/ensure-web.mjs'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const kehu = await startKehu();
  project.provide('kehu', { baseUrl: kehu.baseUrl, adminLogin: kehu.adminLogin, adminPassword: kehu.adminPassword });
  return () => kehu.stop();
}
