import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { openDatabase, type Database, type OpenOptions } from '../server/src/platform/db/engine.ts';

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(benchDir, '..');
export const kehuBin = path.join(repoRoot, 'server/bin/kehu.mjs');
export const defaultDataDir = path.join(benchDir, '.data');

export type Engine = Database['engine'];

/** Where a server's data lives: a PGlite folder or a PostgreSQL database. */
export interface Target {
  engine: Engine;
  /** the folder, or the database name */
  label: string;
  /** environment for a server process on this target */
  env: Record<string, string>;
  open(opts?: { migrate?: boolean; onQuery?: OpenOptions['onQuery'] }): Promise<Database>;
  /** drops a scratch target; a no-op for the user's own */
  remove(): Promise<void>;
}

export function pgliteTarget(dir: string, scratch = false): Target {
  return {
    engine: 'pglite',
    label: dir,
    env: { KEHU_DATA_DIR: dir },
    open: (opts) => openDatabase({ dataDir: dir, migrate: opts?.migrate, onQuery: opts?.onQuery }),
    remove: async () => {
      if (scratch) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function postgresTarget(url: string, drop?: () => Promise<void>): Target {
  return {
    engine: 'postgres',
    label: new URL(url).pathname.slice(1),
    env: { DATABASE_URL: url },
    open: (opts) => openDatabase({ databaseUrl: url, poolSize: 4, migrate: opts?.migrate, onQuery: opts?.onQuery }),
    remove: async () => drop?.(),
  };
}

export const withDatabaseName = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** A new empty database next to the bench one: a temporary folder, or CREATE DATABASE on the same server. */
export async function scratchTarget(engine: Engine, benchUrl: string | undefined, name: string): Promise<Target> {
  if (engine === 'pglite') return pgliteTarget(fs.mkdtempSync(path.join(os.tmpdir(), `kehu-bench-${name}-`)), true);
  const dbName = `${new URL(benchUrl!).pathname.slice(1)}_${name}`.replace(/[^a-z0-9_]/g, '_');
  const admin = postgres(withDatabaseName(benchUrl!, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.unsafe(`create database ${dbName} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
  } finally {
    await admin.end();
  }
  return postgresTarget(withDatabaseName(benchUrl!, dbName), async () => {
    const a = postgres(withDatabaseName(benchUrl!, 'postgres'), { max: 1, onnotice: () => {} });
    await a.unsafe(`drop database if exists ${dbName} with (force)`);
    await a.end();
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface Running {
  pid: number;
  url: string;
  /** from spawn until /healthz answered 200 */
  startMs: number;
  /** performance.now() at spawn: a --cpu-prof profile's clock starts about here */
  spawnedAt: number;
  rssMb(): number;
  stop(): Promise<void>;
}

/**
 * Spawns `kehu start` or the baseline server on a loopback port and waits for /healthz. The
 * process writes its log to a file, so the benchmark's own event loop does not pay for it.
 */
export async function startProcess(
  kind: 'kehu' | 'baseline',
  target: Target,
  opts: { nodeArgs?: string[]; env?: Record<string, string>; logFile?: string } = {},
): Promise<Running> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, ...target.env, ...opts.env, PORT: String(port), HOST: '127.0.0.1' };
  if (target.engine === 'pglite') {
    delete env.DATABASE_URL;
    delete env.DATABASE_READ_URL;
  }
  const script = kind === 'kehu' ? [kehuBin, 'start'] : ['--import', 'tsx', path.join(benchDir, 'baseline-server.ts')];
  const logFile = opts.logFile ?? path.join(os.tmpdir(), `kehu-bench-${kind}.log`);
  const log = fs.openSync(logFile, 'w');
  const started = performance.now();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...script], { cwd: repoRoot, env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let dead = false;
  void exited.then(() => (dead = true));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (dead) throw new Error(`${kind} exited before answering; its log (${logFile}):\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    if (performance.now() - started > 180_000) {
      child.kill('SIGKILL');
      throw new Error(`${kind} did not answer /healthz within 180 s (log: ${logFile})`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const startMs = performance.now() - started;
  return {
    pid: child.pid!,
    url,
    startMs,
    spawnedAt: started,
    rssMb: () => rssMb(child.pid!),
    stop: async () => {
      if (dead) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    const kb = Number(execSync(`ps -o rss= -p ${pid}`).toString().trim() || 0);
    return kb / 1024;
  }
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    /** 1-minute load average when the run began: above the core count, other work skewed the figures */
    loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
  };
}

export function gitCommit(): string {
  try {
    const sha = execSync('git rev-parse --short HEAD', { cwd: repoRoot }).toString().trim();
    const dirty = execSync('git status --porcelain', { cwd: repoRoot }).toString().trim() ? '+dirty' : '';
    return sha + dirty;
  } catch {
    return 'unknown';
  }
}

/** Row counts of every table in the public schema: the "data size" a result was measured on. */
export async function tableSizes(database: Database): Promise<Record<string, number>> {
  const tables = await database.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
  );
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await database.query<{ n: number }>(`select count(*)::int as n from "${name}"`);
    if (row.n) out[name] = row.n;
  }
  return out;
}

export const fmt = {
  int: (n: number) => Math.round(n).toLocaleString('en-US'),
  ms: (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`),
  mb: (n: number) => `${Math.round(n)} MB`,
};
