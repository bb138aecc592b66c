import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/engine.ts';

/**
 * Build one migrated template database; each test file then starts from a copy of it instead of
 * re-running initdb and every migration. PostgreSQL (TEST_DATABASE_URL): CREATE DATABASE … TEMPLATE,
 * milliseconds. PGlite: a dumped data folder the in-memory database loads, about a third of the time.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return buildPgliteImage(project);
  const template = `kehu_tpl_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${template}`);
  await admin.unsafe(`create database ${template} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
  const database = await openDatabase({ databaseUrl: withDatabase(url, template), poolSize: 1 });
  await database.close();
  project.provide('templateDatabase', template);
  return async () => {
    await admin.unsafe(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}

async function buildPgliteImage(project: TestProject) {
  const database = await openDatabase({});
  const image = await database.dumpImage!();
  await database.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-test-'));
  const file = path.join(dir, 'pglite-template.tar');
  fs.writeFileSync(file, Buffer.from(await image.arrayBuffer()));
  project.provide('pgliteImage', file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
    /** file holding the migrated PGlite data folder (tests without TEST_DATABASE_URL) */
    pgliteImage: string;
  }
}
