import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';
import { actorOf, type Ctx } from '../../platform/http/context.ts';
import { loadPrincipal } from '../org/principal-loader.ts';
import { dayBounds } from './day-bounds.ts';
import { myDay } from './my-day.queries.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let repA: Client;
let ctx: Ctx;
// The fixed clock: 10:00 on 15 March 2030 in Shanghai, 02:00 UTC.
const now = new Date('2030-03-15T10:00:00+08:00');
const sh = (local: string) => `${local}:00+08:00`;

beforeAll(async () => {
  t = await setupTestApp();
  repA = await t.as('repA');
  const principal = (await loadPrincipal(t.db, { tenantId: t.company.tenantId, userId: t.company.people.repA.id }))!;
  ctx = { principal, db: t.db, readDb: t.db, actor: actorOf(principal), locale: 'zh-CN' };
  const log = async (client: Client, body: Record<string, unknown>, complete = false) => {
    const res = await client.post('/api/v1/activities', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    if (complete) expect((await client.post(`/api/v1/activities/${res.body.id}/complete`, { version: 1 })).status).toBe(200);
  };
  await log(repA, { kind: 'task', subject: 'T1 yesterday', dueAt: sh('2030-03-14T09:00') });
  await log(repA, { kind: 'task', subject: 'T2 this morning', dueAt: sh('2030-03-15T08:00') });
  await log(repA, { kind: 'task', subject: 'T3 done this morning', dueAt: sh('2030-03-15T08:30') }, true);
  await log(repA, { kind: 'task', subject: 'T4 afternoon', dueAt: sh('2030-03-15T16:00') });
  await log(repA, { kind: 'task', subject: 'T5 late evening', dueAt: sh('2030-03-15T23:30') });
  await log(repA, { kind: 'task', subject: 'T6 after midnight', dueAt: sh('2030-03-16T00:30') });
  await log(repA, { kind: 'task', subject: 'T7 done two days ago', dueAt: sh('2030-03-13T10:00') }, true);
  await log(repA, { kind: 'task', subject: 'T8 no due date' });
  await log(repA, { kind: 'meeting', subject: 'E1 meeting', startsAt: sh('2030-03-15T14:00'), durationMinutes: 60 });
  await log(repA, { kind: 'visit', subject: 'E2 early visit', occurredAt: sh('2030-03-15T07:00') });
  await log(repA, { kind: 'call', subject: 'E3 call', startsAt: sh('2030-03-15T11:00') });
  await log(repA, { kind: 'note', subject: 'N1 note', occurredAt: sh('2030-03-15T09:00') });
  await log(repA, { kind: 'meeting', subject: 'E4 tomorrow', startsAt: sh('2030-03-16T09:00') });
  await log(await t.as('repA2'), { kind: 'task', subject: "X colleague's task", dueAt: sh('2030-03-14T09:00') });
});
afterAll(() => t.close());

const subjects = (list: { subject: string }[]) => list.map((a) => a.subject.split(' ')[0]);

describe('day bounds', () => {
  it('finds the day around an instant in a zone, DST days included', () => {
    expect(dayBounds(now, 'Asia/Shanghai')).toEqual({ date: '2030-03-15', start: new Date('2030-03-14T16:00:00Z'), end: new Date('2030-03-15T16:00:00Z') });
    expect(dayBounds(new Date('2030-03-14T23:59:59+08:00'), 'Asia/Shanghai').date).toBe('2030-03-14');
    expect(dayBounds(now, 'UTC')).toEqual({ date: '2030-03-15', start: new Date('2030-03-15T00:00:00Z'), end: new Date('2030-03-16T00:00:00Z') });
    // 10 March 2030 in New York has 23 hours: clocks go forward at 02:00.
    const dst = dayBounds(new Date('2030-03-10T12:00:00-04:00'), 'America/New_York');
    expect(dst).toEqual({ date: '2030-03-10', start: new Date('2030-03-10T05:00:00Z'), end: new Date('2030-03-11T04:00:00Z') });
  });
});

describe('my day', () => {
  it('puts my overdue tasks, my tasks of today and today\'s visits, meetings and calls in their buckets', async () => {
    const day = await myDay(ctx, { now, timeZone: 'Asia/Shanghai' });
    expect(day.date).toBe('2030-03-15');
    expect(subjects(day.overdue)).toEqual(['T1', 'T2']);
    expect(day.overdue.every((a) => a.overdue)).toBe(true);
    expect(subjects(day.tasks)).toEqual(['T3', 'T4', 'T5']);
    expect(day.tasks[0].completedAt).not.toBeNull();
    expect(subjects(day.events)).toEqual(['E2', 'E3', 'E1']);
  });

  it('follows the time zone: the same instant is another day elsewhere', async () => {
    const day = await myDay(ctx, { now, timeZone: 'UTC' });
    expect(subjects(day.overdue)).toEqual(['T1', 'T2']);
    expect(subjects(day.tasks)).toEqual(['T3', 'T4', 'T5', 'T6']);
    expect(subjects(day.events)).toEqual(['E3', 'E1']);
  });

  it('answers over HTTP at the real clock', async () => {
    const due = new Date(Date.now() - 3_600_000).toISOString();
    expect((await repA.post('/api/v1/activities', { kind: 'task', subject: 'R1 an hour late', dueAt: due })).status).toBe(201);
    const res = await repA.get('/api/v1/my-day?tz=Asia/Shanghai');
    expect(res.status).toBe(200);
    expect(res.body.timeZone).toBe('Asia/Shanghai');
    expect(subjects(res.body.overdue)).toEqual(['R1']);
    expect((await repA.get('/api/v1/my-day?tz=Mars/Olympus')).status).toBe(400);
  });
});

describe('calendar', () => {
  const range = (from: string, to: string, extra = '') => `/api/v1/calendar?from=${encodeURIComponent(sh(from))}&to=${encodeURIComponent(sh(to))}${extra}`;

  it('lists my activities with a time in the range, earliest first; undated tasks have no place', async () => {
    const res = await repA.get(range('2030-03-14T00:00', '2030-03-17T00:00'));
    expect(res.status).toBe(200);
    expect(subjects(res.body.items)).toEqual(['T1', 'E2', 'T2', 'T3', 'N1', 'E3', 'E1', 'T4', 'T5', 'T6', 'E4']);
    expect(res.body.truncated).toBe(false);
    expect(subjects((await repA.get(range('2030-03-14T00:00', '2030-03-17T00:00', '&kind=meeting'))).body.items)).toEqual(['E1', 'E4']);
  });

  it('refuses a backward or over-long range', async () => {
    expect((await repA.get(range('2030-03-17T00:00', '2030-03-14T00:00'))).status).toBe(400);
    expect((await repA.get(range('2030-01-01T00:00', '2030-06-01T00:00'))).status).toBe(400);
  });
});
