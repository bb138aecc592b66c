import path from 'node:path';

/** Every setting Kehu reads, with its environment variable and default. `kehu --help` prints this list. */
export const settings = [
  { env: 'PORT', default: '3000', help: 'HTTP port' },
  { env: 'HOST', default: '0.0.0.0', help: 'HTTP listen address' },
  { env: 'KEHU_DATA_DIR', default: './data', help: 'embedded database (PGlite) and file storage folder' },
  { env: 'DATABASE_URL', default: '', help: 'PostgreSQL 15+ connection URL; when set, the embedded database is not used' },
  { env: 'DATABASE_READ_URL', default: '', help: 'comma-separated read-replica URLs for lists, search and reports' },
  { env: 'DATABASE_POOL_SIZE', default: '10', help: 'connections per PostgreSQL pool' },
  { env: 'TEST_DATABASE_URL', default: '', help: 'PostgreSQL server the test suite creates its databases on' },
  { env: 'KEHU_LOG_LEVEL', default: 'info', help: 'log level: fatal, error, warn, info, debug' },
  { env: 'KEHU_SECURE_COOKIES', default: 'auto', help: 'mark cookies Secure: true, false, or auto (when behind HTTPS)' },
  { env: 'KEHU_JOBS', default: 'on', help: 'run background jobs in this process: on or off' },
] as const;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  readUrls: string[];
  poolSize: number;
  logLevel: string;
  secureCookies: 'auto' | boolean;
  jobs: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const get = (name: (typeof settings)[number]['env']) =>
    env[name] ?? settings.find((s) => s.env === name)!.default;
  const secure = get('KEHU_SECURE_COOKIES');
  return {
    port: Number(get('PORT')),
    host: get('HOST'),
    dataDir: path.resolve(get('KEHU_DATA_DIR')),
    databaseUrl: get('DATABASE_URL') || undefined,
    readUrls: get('DATABASE_READ_URL').split(',').map((s) => s.trim()).filter(Boolean),
    poolSize: Number(get('DATABASE_POOL_SIZE')),
    logLevel: get('KEHU_LOG_LEVEL'),
    secureCookies: secure === 'auto' ? 'auto' : secure === 'true',
    jobs: get('KEHU_JOBS') !== 'off',
  };
}
