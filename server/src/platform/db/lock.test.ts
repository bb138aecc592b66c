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

describe('a stale lock', () => {
  it('left by a killed process is taken over', async () => {
    const stale = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-stale-'));
    // a pid that cannot be alive: the max pid on Linux is below 2^22
    fs.writeFileSync(path.join(stale, '.kehu.lock'), JSON.stringify({ host: os.hostname(), pid: 4_194_999 }));
    const db = await openDatabase({ dataDir: stale });
    expect(JSON.parse(fs.readFileSync(path.join(stale, '.kehu.lock'), 'utf8')).pid).toBe(process.pid);
    await db.close();
    expect(fs.existsSync(path.join(stale, '.kehu.lock'))).toBe(false);
    fs.rmSync(stale, { recursive: true, force: true });
  }, 60_000);
});
