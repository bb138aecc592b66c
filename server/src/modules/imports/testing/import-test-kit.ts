import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setupTestApp, type Client } from '../../../../test/factories.ts';
import { useFileStore } from '../../../platform/files/current-file-store.ts';
import { DiskFileStore } from '../../../platform/files/disk-file-store.ts';
import { startJobRunner, type JobRunner } from '../../../platform/jobs/job-runner.ts';
import { creditCodeCheckChar } from '../../accounts/credit-code.ts';
import { importJob } from '../imports.job.ts';

export const SAMPLES = '/work/shared/data/import';

/** A test app with a file store in a temporary folder and the import queue prepared (handlers off unless asked). */
export async function setupImportTest(opts: { work?: boolean } = {}) {
  const filesDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'kehu-imports-'));
  useFileStore(new DiskFileStore(filesDir));
  const t = await setupTestApp();
  const runner: JobRunner = await startJobRunner(t.database, [importJob], {
    work: opts.work ?? false, pollingSeconds: 0.5, log: { info: () => {}, error: () => {} },
  });
  return {
    ...t,
    runner,
    close: async () => {
      await runner.stop();
      await t.close();
      await fsp.rm(filesDir, { recursive: true, force: true });
    },
  };
}

export type ImportTest = Awaited<ReturnType<typeof setupImportTest>>;

/** PUT /imports with the raw file, as the web app sends it. */
export async function uploadFile(t: ImportTest, who: Client, fileName: string, body: Buffer, target = 'accounts', extra = '') {
  const res = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/imports?target=${target}&fileName=${encodeURIComponent(fileName)}${extra}`,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/octet-stream' },
    payload: body,
  });
  return { status: res.statusCode, body: res.json() };
}

/** A valid unified social credit code built from a counter: 91310000 + 9 digits + check character. */
export function creditCode(n: number): string {
  const first17 = `91310000${String(n).padStart(9, '0')}`;
  return first17 + creditCodeCheckChar(first17)!;
}
