import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './engine.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-lock-'));
const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/kehu.mjs');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('embedded data folder lock', () => {
  it('a second process on the same folder fails with a clear message, and succeeds once the first is gone', async () => {
    const first = await openDatabase({ dataDir: dir });
    const second = spawnSync(process.execPath, [cli, 'migrate'], { env: { ...process.env, KEHU_DATA_DIR: dir, DATABASE_URL: '' }, encoding: 'utf8', timeout: 60_000 });
    expect(second.status).not.toBe(0);
    expect(second.stderr).toContain(`The data folder ${dir} is in use by another Kehu process`);
    await first.close();
    const third = spawnSync(process.execPath, [cli, 'migrate'], { env: { ...process.env, KEHU_DATA_DIR: dir, DATABASE_URL: '' }, encoding: 'utf8', timeout: 60_000 });
    expect(third.stderr).toBe('');
    expect(third.status).toBe(0);
  }, 120_000);
});
