import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Client } from '../../../test/factories.ts';
import { notify } from './notifier.ts';

let t: Awaited<ReturnType<typeof setupTestApp>>;
let repA: Client;
let repB: Client;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await setupTestApp();
  [repA, repB] = await Promise.all([t.as('repA'), t.as('repB')]);
  for (const title of ['n1', 'n2', 'n3', 'n4', 'n5']) {
    await notify(t.db, { tenantId: t.company.tenantId, userId: t.company.people.repA.id, kind: 'test', title, link: { type: 'account', id: t.company.people.repA.id } });
  }
  await notify(t.db, { tenantId: t.company.tenantId, userId: t.company.people.repB.id, kind: 'test', title: 'b1' });
  for (const n of (await repA.get('/api/v1/notifications')).body.items) ids[n.title] = n.id;
  ids.b1 = (await repB.get('/api/v1/notifications')).body.items[0].id;
});
afterAll(() => t.close());

const titles = (res: { body: { items: { title: string }[] } }) => res.body.items.map((n) => n.title);

describe('notifications', () => {
  it('lists mine, newest first; reading one moves it behind the unread ones', async () => {
    expect(Object.keys(ids)).toHaveLength(6);
    expect((await repA.get('/api/v1/notifications/unread-count')).body).toEqual({ count: 5, capped: false });
    expect((await repA.post(`/api/v1/notifications/${ids.n2}/read`)).status).toBe(204);
    expect((await repA.post(`/api/v1/notifications/${ids.n4}/read`)).status).toBe(204);
    expect((await repA.post(`/api/v1/notifications/${ids.n4}/read`)).status).toBe(204);
    const all = await repA.get('/api/v1/notifications');
    expect(titles(all)).toEqual(['n5', 'n3', 'n1', 'n4', 'n2']);
    expect(all.body.items[0]).toMatchObject({ kind: 'test', readAt: null, link: { type: 'account' } });
    expect(all.body.items[3].readAt).not.toBeNull();
    expect(titles(await repA.get('/api/v1/notifications?unread=true'))).toEqual(['n5', 'n3', 'n1']);
    expect((await repA.get('/api/v1/notifications/unread-count')).body).toEqual({ count: 3, capped: false });
  });

  it('pages across the unread and read parts', async () => {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: { title: string }[]; nextCursor: string | null } } =
        await repA.get(`/api/v1/notifications?limit=${pages.length ? 2 : 3}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      pages.push(titles(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    // The first page ends exactly where the unread part does.
    expect(pages).toEqual([['n5', 'n3', 'n1'], ['n4', 'n2']]);
    const twos: string[][] = [];
    cursor = null;
    do {
      const res: { body: { items: { title: string }[]; nextCursor: string | null } } = await repA.get(`/api/v1/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      twos.push(titles(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(twos).toEqual([['n5', 'n3'], ['n1', 'n4'], ['n2']]);
    expect((await repA.get('/api/v1/notifications?cursor=eyJ2IjoieCIsImlkIjoiIn0')).status).toBe(400);
  });

  it("keeps other people's notifications out of reach", async () => {
    expect(titles(await repB.get('/api/v1/notifications'))).toEqual(['b1']);
    expect((await repA.post(`/api/v1/notifications/${ids.b1}/read`)).status).toBe(404);
    expect((await repB.get('/api/v1/notifications/unread-count')).body.count).toBe(1);
  });

  it('marks all of mine read', async () => {
    expect((await repA.post('/api/v1/notifications/read-all')).body).toEqual({ updated: 3 });
    expect((await repA.get('/api/v1/notifications/unread-count')).body).toEqual({ count: 0, capped: false });
    expect((await repB.get('/api/v1/notifications/unread-count')).body.count).toBe(1);
  });
});
