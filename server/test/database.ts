import fs from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../src/platform/db/engine.ts';
import { withDatabase } from './global-setup.ts';

/** A fresh, migrated database for one test file: in-memory PGlite, or a copy of the PostgreSQL template. */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const image = inject('pgliteImage');
    if (!image) return openDatabase({});
    return openDatabase({ pgliteImage: new Blob([fs.readFileSync(image)]), migrate: false });
  }
  const template = inject('templateDatabase');
  if (!template) throw new Error('TEST_DATABASE_URL set but global setup did not build the template');
  const name = `kehu_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${template}`);
  const database = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 4, migrate: false });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
