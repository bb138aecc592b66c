import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './platform/config.ts';
import { openDatabase, type Database } from './platform/db/engine.ts';
import { buildApp } from './platform/http/app.ts';
import { modules } from './modules/index.ts';
import { loadPrincipal } from './modules/org/principal-loader.ts';
import { prepareTenants } from './modules/org/first-start.ts';
import { startJobRunner } from './platform/jobs/job-runner.ts';
import { purgeExpiredSessions } from './platform/jobs/purge-expired-sessions.job.ts';
import { poolReturnJob } from './modules/pool/pool-return.job.ts';
import { backfillDedupKeysJob } from './modules/dedup/keys/backfill-keys.job.ts';
import { duplicateReportJob, nightlyDuplicateReportJob } from './modules/dedup/report/report.job.ts';
import { taskReminderJob } from './modules/activities/task-reminder.job.ts';
import { importJob } from './modules/imports/imports.job.ts';
import { webhookJobs } from './modules/webhooks/webhooks.job.ts';
import { fileStoreFrom, useFileStore } from './platform/files/current-file-store.ts';

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** The HTTP app over an open database: what `kehu start` serves and what the tests drive. */
export function createApp(database: Database, config: Pick<Config, 'secureCookies' | 'logLevel'>, opts: { logger?: boolean; web?: boolean } = {}) {
  return buildApp({
    database,
    config,
    loadPrincipal,
    modules,
    webDist: opts.web === false ? undefined : webDist,
    logger: opts.logger,
  });
}

/** Every background job; a module with jobs adds its definitions here. */
export const jobs = [purgeExpiredSessions, taskReminderJob, poolReturnJob, backfillDedupKeysJob, duplicateReportJob, nightlyDuplicateReportJob, importJob, ...webhookJobs];

export async function startServer(config: Config, opts: { onFirstAdmin?: (login: string, password: string) => void } = {}) {
  const started = performance.now();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, readUrls: config.readUrls, dataDir: config.dataDir, poolSize: config.poolSize });
  useFileStore(await fileStoreFrom(config.files));
  const admin = await prepareTenants(database.db);
  if (admin) opts.onFirstAdmin?.(admin.login, admin.password);
  const app = await createApp(database, config, { logger: true });
  // Queues are prepared in every process (requests enqueue); handlers run only where jobs are on.
  const jobRunner = await startJobRunner(database, jobs, { work: config.jobs, log: app.log });
  const close = async () => {
    await app.close();
    await jobRunner.stop();
    await database.close();
  };
  process.once('SIGINT', () => void close().then(() => process.exit(0)));
  process.once('SIGTERM', () => void close().then(() => process.exit(0)));
  await app.listen({ port: config.port, host: config.host });
  return { app, database, close, startupMs: performance.now() - started };
}
