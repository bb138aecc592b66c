import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import * as schema from '../../schema.ts';
import { lockDataDir } from './lock.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

export interface Database {
  engine: 'pglite' | 'postgres';
  /** primary: every write, and reads that must see the caller's own writes */
  db: Db;
  /** replicas when DATABASE_READ_URL is set, else the primary: lists, search, reports */
  readDbs: Db[];
  /** run raw SQL text (several statements allowed, no parameters) on the primary */
  exec(sqlText: string): Promise<void>;
  /** raw query with $1 parameters on the primary; used by the job queue and backups */
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** PGlite only: the data folder as a tarball, to start other in-memory databases from */
  dumpImage?(): Promise<Blob>;
}

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export interface OpenOptions {
  databaseUrl?: string;
  readUrls?: string[];
  /** folder for PGlite; undefined with no databaseUrl means in-memory (tests) */
  dataDir?: string;
  poolSize?: number;
  migrate?: boolean;
  /** an in-memory PGlite started from this dumped data folder instead of initdb (tests: a migrated template) */
  pgliteImage?: Blob;
  /** called with every statement drizzle sends and its parameters (bench/capture.ts records them) */
  onQuery?: (sqlText: string, params: unknown[]) => void;
}

const loggerOf = (opts: OpenOptions) => (opts.onQuery ? { logQuery: opts.onQuery } : undefined);

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const database = opts.databaseUrl ? await openPostgres(opts) : await openPglite(opts);
  if (opts.migrate !== false) await runMigrations(database);
  return database;
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  const release = opts.dataDir ? await lockDataDir(opts.dataDir) : undefined;
  let client: PGlite;
  try {
    client = await PGlite.create(opts.dataDir ? path.join(opts.dataDir, 'pg') : undefined, {
      extensions: { pg_trgm },
      loadDataDir: opts.dataDir ? undefined : opts.pgliteImage,
    });
  } catch (err) {
    await release?.();
    throw err;
  }
  const db = drizzlePglite(client, { schema, logger: loggerOf(opts) }) as unknown as Db;
  return {
    engine: 'pglite',
    db,
    readDbs: [db],
    exec: async (text) => void (await client.exec(text)),
    query: async <T,>(text: string, params?: unknown[]) => (await client.query<T>(text, params as unknown[])).rows,
    dumpImage: () => client.dumpDataDir('none'),
    close: async () => {
      await client.close();
      await release?.();
    },
  };
}

async function openPostgres(opts: OpenOptions): Promise<Database> {
  const connect = (url: string) =>
    postgres(url, { max: opts.poolSize ?? 10, onnotice: () => {}, connection: { application_name: 'kehu' } });
  const primary = connect(opts.databaseUrl!);
  const replicas = (opts.readUrls ?? []).map(connect);
  const db = drizzlePostgres(primary, { schema, logger: loggerOf(opts) }) as unknown as Db;
  const readDbs = replicas.length ? replicas.map((r) => drizzlePostgres(r, { schema }) as unknown as Db) : [db];
  return {
    engine: 'postgres',
    db,
    readDbs,
    exec: async (text) => void (await primary.unsafe(text)),
    query: async <T,>(text: string, params?: unknown[]) =>
      (await primary.unsafe(text, (params ?? []) as postgres.ParameterOrJSON<never>[])) as unknown as T[],
    close: async () => {
      await Promise.all([primary.end({ timeout: 5 }), ...replicas.map((r) => r.end({ timeout: 5 }))]);
    },
  };
}

/** Applies pending migrations in one transaction: a failure leaves the database as it was. */
export async function runMigrations(database: Database): Promise<void> {
  await database.exec('create extension if not exists pg_trgm');
  if (database.engine === 'pglite') await migratePglite(database.db as never, { migrationsFolder });
  else await migratePostgres(database.db as never, { migrationsFolder });
}
