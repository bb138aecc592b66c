import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/engine.ts';

/**
 * With TEST_DATABASE_URL, build one migrated template database; each test file then copies it
 * (CREATE DATABASE … TEMPLATE), which takes milliseconds instead of re-running migrations.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
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

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
