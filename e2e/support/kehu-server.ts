import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface RunningKehu {
  baseUrl: string;
  adminLogin: string;
  adminPassword: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts `kehu start` on a new embedded database in a temporary folder and a free port, and reads the
 * one-time administrator password it prints on first start. PostgreSQL settings are removed from the
 * environment on purpose: the browser tests always run on PGlite.
 */
export async function startKehu(): Promise<RunningKehu> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kehu-e2e-data-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', KEHU_DATA_DIR: dataDir, KEHU_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.DATABASE_READ_URL;
  // Vitest's NODE_ENV=test is for the test process, not for the server under test.
  delete env.NODE_ENV;
  const child = spawn(process.execPath, [path.join(repoRoot, 'server/bin/kehu.mjs'), 'start'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });

  let output = '';
  const ready = new Promise<{ login: string; password: string }>((resolve, reject) => {
    // Generous: on a busy shared machine a first start (migrations on a new PGlite folder) took two minutes.
    const timer = setTimeout(() => reject(new Error(`kehu did not start within 240 s:\n${output}`)), 240_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const login = output.match(/login:\s+(\S+)/)?.[1];
      const password = output.match(/password:\s+(\S+)/)?.[1];
      if (login && password && output.includes(`Kehu at http://localhost:${port}`)) {
        clearTimeout(timer);
        resolve({ login, password });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kehu exited with ${code} before it was ready:\n${output}`));
    });
  });

  try {
    const admin = await ready;
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      adminLogin: admin.login,
      adminPassword: admin.password,
      stop: async () => {
        await stopProcess(child);
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await stopProcess(child);
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}
