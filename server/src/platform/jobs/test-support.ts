import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/engine.ts';
import type { JobDefinition } from './define-job.ts';
import type { JobRunner } from './job-runner.ts';
import { withDatabase } from '../../../test/global-setup.ts';

/** Helpers for the job tests (and any test that restarts Kehu). */

/**
 * For tests that restart Kehu: a database that can be closed and opened again with its data.
 * PGlite gets a temporary data folder; PostgreSQL a database copied from the test template.
 */
export async function reopenableTestDatabase(): Promise<{ open(): Promise<Database>; dispose(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kehu-test-'));
    return {
      open: () => openDatabase({ dataDir }),
      dispose: () => fs.rm(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `kehu_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${inject('templateDatabase')}`);
  return {
    open: () => openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 4, migrate: false }),
    dispose: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Polls pg-boss until the job reaches one of `states`; fails the test with the state it is stuck in. */
export async function waitForState(runner: JobRunner, job: JobDefinition, id: string, states: string[], timeoutMs = 25_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await runner.boss.getJobById(job.name, id);
    if (found && states.includes(found.state)) return found;
    if (Date.now() > deadline) throw new Error(`job ${job.name} ${id} still ${found?.state ?? 'missing'} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
