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
  { env: 'KEHU_WEBHOOK_TARGETS', default: 'lan', help: 'where webhooks may be sent: public (internet only), lan (also private networks), any (also this machine: tests, development)' },
  { env: 'KEHU_S3_BUCKET', default: '', help: 'keep uploaded files in this S3 bucket instead of KEHU_DATA_DIR/files' },
  { env: 'KEHU_S3_ENDPOINT', default: '', help: 'URL of an S3-compatible server (MinIO, Ceph, OSS…); empty for AWS' },
  { env: 'KEHU_S3_REGION', default: 'us-east-1', help: 'S3 region' },
  { env: 'KEHU_S3_ACCESS_KEY_ID', default: '', help: 'S3 access key id; empty uses the AWS default credentials' },
  { env: 'KEHU_S3_SECRET_ACCESS_KEY', default: '', help: 'S3 secret access key' },
  { env: 'KEHU_S3_FORCE_PATH_STYLE', default: 'auto', help: 'bucket in the URL path (MinIO): true, false, or auto (true with KEHU_S3_ENDPOINT)' },
] as const;

export interface S3Settings {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

/** Uploaded files: a folder on this server (default) or an S3 bucket when KEHU_S3_BUCKET is set. */
export type FileStorageSettings = { kind: 'disk'; dir: string } | ({ kind: 's3' } & S3Settings);

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
  files: FileStorageSettings;
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
    files: fileStorageSettings(get, path.resolve(get('KEHU_DATA_DIR'))),
  };
}

function fileStorageSettings(get: (name: (typeof settings)[number]['env']) => string, dataDir: string): FileStorageSettings {
  const bucket = get('KEHU_S3_BUCKET');
  if (!bucket) return { kind: 'disk', dir: path.join(dataDir, 'files') };
  const endpoint = get('KEHU_S3_ENDPOINT') || undefined;
  const pathStyle = get('KEHU_S3_FORCE_PATH_STYLE');
  return {
    kind: 's3',
    bucket,
    region: get('KEHU_S3_REGION'),
    endpoint,
    accessKeyId: get('KEHU_S3_ACCESS_KEY_ID') || undefined,
    secretAccessKey: get('KEHU_S3_SECRET_ACCESS_KEY') || undefined,
    forcePathStyle: pathStyle === 'auto' ? !!endpoint : pathStyle === 'true',
  };
}
