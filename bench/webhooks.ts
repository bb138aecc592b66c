/**
 * What webhooks cost the request that causes them, and how fast the dispatcher sends.
 * Creates accounts through the HTTP app (in process, app.inject) with 0, 1 and 10 active
 * subscriptions to account.created (no sender running: only the outbox is measured), then lets the
 * dispatcher drain every pending delivery to a local receiver answering 200 at once.
 * PostgreSQL when DATABASE_URL is set (a scratch database next to it), else PGlite in a temporary folder.
 *
 *   KEHU_WEBHOOK_TARGETS=any npx tsx bench/webhooks.ts [--requests 200]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { hashPassword } from '../server/src/platform/auth/passwords.ts';
import { newId } from '../server/src/platform/db/ids.ts';
import { startJobRunner } from '../server/src/platform/jobs/job-runner.ts';
import { createTenant, roleIdByKey } from '../server/src/modules/org/bootstrap.ts';
import { userRoles, users } from '../server/src/modules/org/org.schema.ts';
import { drainDue } from '../server/src/modules/webhooks/deliver.ts';
import { webhookJobs } from '../server/src/modules/webhooks/webhooks.job.ts';
import { createApp } from '../server/src/server.ts';
import { fmt, scratchTarget } from './lib.ts';

const { values: args } = parseArgs({ options: { requests: { type: 'string', default: '200' } } });
const requests = Number(args.requests);
process.env.KEHU_WEBHOOK_TARGETS = 'any';

const target = await scratchTarget(process.env.DATABASE_URL ? 'postgres' : 'pglite', process.env.DATABASE_URL, 'webhooks');
const database = await target.open();
const receiver = http.createServer((req, res) => req.resume().on('end', () => res.writeHead(200).end('ok')));
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

try {
  const runner = await startJobRunner(database, webhookJobs, { work: false, log: { info: () => {}, error: console.error } });
  const app = await createApp(database, { secureCookies: false, logLevel: 'error' }, { web: false });
  await app.ready();
  const { tenantId, headOfficeId } = await createTenant(database.db, { slug: `wh${Date.now() % 100000}`, name: 'Webhook bench' });
  const userId = newId();
  await database.db.insert(users).values({ tenantId, id: userId, login: 'admin', name: 'admin', unitId: headOfficeId, passwordHash: await hashPassword('x-bench-password-1') });
  await database.db.insert(userRoles).values({ tenantId, userId, roleId: await roleIdByKey(database.db, tenantId, 'admin') });
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'admin', password: 'x-bench-password-1' } });
  const headers = { cookie: `kehu_session=${login.cookies.find((c) => c.name === 'kehu_session')!.value}`, 'x-csrf-token': login.json().csrfToken as string };
  const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, headers, payload: payload as never });

  console.log(`webhooks bench: ${database.engine}, ${requests} account creations per row, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}`);
  console.log('subscriptions | mean      | p50       | p95       | deliveries written');
  let subscriptions = 0;
  let n = 0;
  for (const wanted of [0, 1, 10, 0]) {
    // the last row repeats the first after the subscriptions are disabled: the cost when nobody listens
    if (wanted === 0 && subscriptions) {
      await database.exec('update webhook_subscriptions set active = false');
      subscriptions = 0;
    }
    while (subscriptions < wanted) {
      const res = await post('/api/v1/webhooks', { name: `bench ${subscriptions}`, url: receiverUrl, events: ['account.created'] });
      if (res.statusCode !== 201) throw new Error(res.body);
      subscriptions++;
    }
    const before = Number((await database.query<{ n: string }>('select count(*) as n from webhook_deliveries'))[0].n);
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      const t0 = performance.now();
      const res = await post('/api/v1/accounts', { name: `推送基准测试${n++}有限公司` });
      times.push(performance.now() - t0);
      if (res.statusCode !== 201) throw new Error(res.body);
    }
    const after = Number((await database.query<{ n: string }>('select count(*) as n from webhook_deliveries'))[0].n);
    times.sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    console.log(`${String(wanted).padEnd(13)} | ${fmt.ms(mean).padEnd(9)} | ${fmt.ms(times[Math.floor(times.length / 2)]).padEnd(9)} | ${fmt.ms(times[Math.floor(times.length * 0.95)]).padEnd(9)} | ${after - before}`);
  }

  await database.exec('update webhook_subscriptions set active = true');
  const pending = Number((await database.query<{ n: string }>(`select count(*) as n from webhook_deliveries where status = 'pending'`))[0].n);
  const t0 = performance.now();
  const results = await drainDue(database.db, 10 * 60_000);
  const seconds = (performance.now() - t0) / 1000;
  const delivered = results.filter((r) => r === 'delivered').length;
  console.log(`dispatcher: ${fmt.int(delivered)} of ${fmt.int(pending)} pending deliveries sent in ${seconds.toFixed(1)} s = ${fmt.int(delivered / seconds)} deliveries/s (8 in parallel, receiver on 127.0.0.1)`);
  await app.close();
  await runner.stop();
} finally {
  receiver.close();
  await database.close();
  await target.remove();
}
