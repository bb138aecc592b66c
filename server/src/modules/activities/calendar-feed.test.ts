import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let repA: Client;
const daysFromNow = (d: number) => new Date(Date.now() + d * 86_400_000);
const created: Record<string, { id: string; startsAt: string | null; dueAt: string | null; at: string }> = {};

beforeAll(async () => {
  t = await setupTestApp();
  repA = await t.as('repA');
  const accountId = (await repA.post('/api/v1/accounts', { name: '中海船务' })).body.id;
  const log = async (client: Client, key: string, body: Record<string, unknown>) => {
    const res = await client.post('/api/v1/activities', { subject: key, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    created[key] = res.body;
    return res.body;
  };
  await log(repA, '合同谈判', {
    kind: 'meeting', startsAt: daysFromNow(1).toISOString(), durationMinutes: 90, accountId, content: '带上报价单',
    locationAddress: '上海市浦东新区民生路1208号', locationLat: 31.2304, locationLng: 121.4737,
  });
  await log(repA, '寄送样品', { kind: 'task', dueAt: daysFromNow(3).toISOString() });
  const done = await log(repA, '确认付款', { kind: 'task', dueAt: daysFromNow(-1).toISOString() });
  expect((await repA.post(`/api/v1/activities/${done.id}/complete`, { version: 1 })).status).toBe(200);
  await log(repA, '上门拜访', { kind: 'visit', occurredAt: daysFromNow(-10).toISOString() });
  await log(repA, '电话跟进', { kind: 'call', startsAt: daysFromNow(2).toISOString() });
  // Not in the feed: notes, undated tasks, anything outside 30 days back to 180 ahead, other people's.
  await log(repA, '内部备注', { kind: 'note' });
  await log(repA, '无期限任务', { kind: 'task' });
  await log(repA, '旧会议', { kind: 'meeting', startsAt: daysFromNow(-40).toISOString() });
  await log(repA, '远期会议', { kind: 'meeting', startsAt: daysFromNow(200).toISOString() });
  await log(await t.as('repA2'), '同事的会议', { kind: 'meeting', startsAt: daysFromNow(1).toISOString() });
});
afterAll(() => t.close());

/** Fetches a feed the way a calendar app does: no cookie, no CSRF header. */
const fetchFeed = (path: string) => t.app.inject({ method: 'GET', url: path });

/** iCalendar times have whole seconds. */
const toSecond = (iso: string | null) => Math.floor(Date.parse(iso!) / 1000) * 1000;
const timeOf = (t: ICAL.Time) => t.toJSDate().getTime();

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((c) => ({ event: new ICAL.Event(c), component: c }));
}

describe('calendar feed', () => {
  let first: { token: string; path: string; url: string };

  it('gives me a secret address, shown once', async () => {
    const res = await repA.post('/api/v1/calendar/feed-token');
    expect(res.status).toBe(200);
    first = res.body;
    expect(first.path).toBe(`/api/v1/calendar/feed/${first.token}.ics`);
    expect(first.url).toMatch(new RegExp(`^https?://[^/]+${first.path.replace(/[.]/g, '\\.')}$`));
    const admin = await t.as('admin');
    const history = (await admin.get(`/api/v1/history/user/${t.company.people.repA.id}`)).body.items;
    expect(history[0]).toMatchObject({ action: 'create_calendar_feed', actorUserId: t.company.people.repA.id });
  });

  it('serves my tasks, visits, meetings and calls as iCalendar that parses back', async () => {
    const res = await fetchFeed(first.path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const events = parse(res.body);
    const bySubject = new Map(events.map((e) => [e.event.summary.replace(/^(✓ |☐ )?\[[^\]]+\] /, ''), e]));
    expect([...bySubject.keys()].sort()).toEqual(['上门拜访', '合同谈判', '寄送样品', '电话跟进', '确认付款'].sort());

    const meeting = bySubject.get('合同谈判')!;
    expect(meeting.event.summary).toBe('[会议] 合同谈判');
    expect(meeting.event.uid).toBe(`${created['合同谈判'].id}@kehu`);
    expect(timeOf(meeting.event.startDate)).toBe(toSecond(created['合同谈判'].startsAt));
    expect(timeOf(meeting.event.endDate)).toBe(toSecond(created['合同谈判'].startsAt) + 90 * 60_000);
    expect(meeting.event.location).toBe('上海市浦东新区民生路1208号');
    expect(meeting.component.getFirstPropertyValue('geo')).toEqual([31.2304, 121.4737]);
    expect(meeting.event.description).toBe('客户: 中海船务\n带上报价单');

    const task = bySubject.get('寄送样品')!;
    expect(task.event.summary).toBe('☐ [任务] 寄送样品');
    expect(timeOf(task.event.startDate)).toBe(toSecond(created['寄送样品'].dueAt));
    expect(bySubject.get('确认付款')!.event.summary).toBe('✓ [任务] 确认付款');
    expect(timeOf(bySubject.get('上门拜访')!.event.startDate)).toBe(toSecond(created['上门拜访'].at));
    expect(bySubject.get('电话跟进')!.event.summary).toBe('[电话] 电话跟进');
  });

  it('stops working at once when I rotate the address', async () => {
    const res = await repA.post('/api/v1/calendar/feed-token');
    const second = res.body as typeof first;
    expect(second.token).not.toBe(first.token);
    expect((await fetchFeed(first.path)).statusCode).toBe(404);
    const fresh = await fetchFeed(second.path);
    expect(fresh.statusCode).toBe(200);
    expect(parse(fresh.body)).toHaveLength(5);
    expect((await fetchFeed('/api/v1/calendar/feed/not-a-token-of-anyone-at-all.ics')).statusCode).toBe(404);
  });
});
