/**
 * What SQL Kehu sends for a request, recorded in-process through drizzle's query log, so the
 * baseline server (baseline-server.ts, BENCH_REPLAY) and the database rows of the benchmark run
 * exactly the same statements with the same parameters through the same driver.
 *
 * Each URL is requested twice: the first fills the session and principal caches (as they are warm
 * under load), the second is recorded. Kehu runs its statements one after another, so the
 * baseline replays them in order.
 */
import fs from 'node:fs';
import { createApp } from '../server/src/server.ts';
import type { Target } from './lib.ts';

export interface CapturedStatement {
  sql: string;
  params: unknown[];
}
export interface Captured {
  url: string;
  status: number;
  ms: number;
  /** bytes of the JSON answer */
  bytes: number;
  statements: CapturedStatement[];
}

// JSON cannot carry Dates or Buffers; drizzle hands the driver strings for dates already.
const plain = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : Buffer.isBuffer(v) ? v.toString('hex') : v);

export async function captureRequests(
  target: Target,
  signIn: { login: string; password: string; tenant: string },
  urls: string[],
  opts: { repeat?: boolean; log?: (line: string) => void } = {},
): Promise<Captured[]> {
  let recording: CapturedStatement[] | null = null;
  const database = await target.open({ migrate: false, onQuery: (sql, params) => recording?.push({ sql, params: params.map(plain) }) });
  const app = await createApp(database, { secureCookies: false, logLevel: 'error' }, { web: false });
  try {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: signIn });
    if (login.statusCode !== 200) throw new Error(`capture: sign-in failed: ${login.statusCode} ${login.body}`);
    const cookie = `kehu_session=${login.cookies.find((c) => c.name === 'kehu_session')!.value}`;
    const out: Captured[] = [];
    for (const url of urls) {
      if (opts.repeat !== false) await app.inject({ method: 'GET', url, headers: { cookie } });
      recording = [];
      const started = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      const ms = performance.now() - started;
      out.push({ url, status: res.statusCode, ms, bytes: res.body.length, statements: recording });
      recording = null;
      if (res.statusCode !== 200) throw new Error(`capture: GET ${url}: ${res.statusCode} ${res.body.slice(0, 500)}`);
      opts.log?.(`captured ${url}: ${out.at(-1)!.statements.length} statements, ${Math.round(ms)} ms`);
    }
    return out;
  } finally {
    await app.close();
    await database.close();
  }
}

export function writeReplay(file: string, captured: Captured[]) {
  const routes = Object.fromEntries(captured.map((c) => [c.url, c.statements]));
  fs.writeFileSync(file, JSON.stringify(routes));
}
