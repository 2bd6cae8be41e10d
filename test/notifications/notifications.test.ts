import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { newId } from '../../src/lib/ids.js';
import { createNotificationsService } from '../../src/modules/notifications/index.js';
import type { UsersPort } from '../../src/modules/ports.js';
import { useTestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { WsClient } from '../helpers/ws.js';

const t = useTestApp();

async function request(from: TestUser, to: TestUser): Promise<string> {
  const res = await t.current.http.post('/friends/add', { userId: to.id }, from.token);
  assert.equal(res.status, 201);
  return res.body.request.id as string;
}

test('friend requests make notifications that list, count and mark read', async () => {
  const me = await createUser(t.current);
  const [a, b, c] = [await createUser(t.current), await createUser(t.current), await createUser(t.current)];
  const ws = await WsClient.connect(t.current.url, { token: me.token });
  for (const from of [a, b, c]) await request(from, me);
  await ws.next((f) => f.type === 'notification.created' && f.data.actor.id === c.id);

  const all = await t.current.http.get('/notifications', me.token);
  assert.equal(all.status, 200);
  assert.equal(all.body.unreadCount, 3);
  assert.deepEqual(
    all.body.notifications.map((n: any) => n.actor.id),
    [c.id, b.id, a.id],
    'most recently updated first',
  );
  const newest = all.body.notifications[0];
  assert.equal(newest.type, 'friend_request');
  assert.equal(newest.read, false);
  assert.ok(newest.data.requestId);
  assert.equal(newest.actor.username, c.username);

  const page1 = await t.current.http.get('/notifications?limit=2', me.token);
  assert.equal(page1.body.notifications.length, 2);
  const page2 = await t.current.http.get(`/notifications?limit=2&cursor=${page1.body.nextCursor}`, me.token);
  assert.deepEqual(
    page2.body.notifications.map((n: any) => n.actor.id),
    [a.id],
  );
  assert.equal(page2.body.nextCursor, null);

  const read = await t.current.http.post('/notifications/read', { ids: [newest.id] }, me.token);
  assert.equal(read.status, 204);
  const updated = await ws.event('notification.updated');
  assert.equal(updated.data.id, newest.id);
  assert.equal(updated.data.read, true);
  const unread = await t.current.http.get('/notifications?unreadOnly=true', me.token);
  assert.equal(unread.body.unreadCount, 2);
  assert.deepEqual(
    unread.body.notifications.map((n: any) => n.actor.id),
    [b.id, a.id],
  );
  const order = await t.current.http.get('/notifications', me.token);
  assert.equal(order.body.notifications[0].id, newest.id, 'reading does not reorder the list');

  assert.equal((await t.current.http.post('/notifications/read', { all: true }, me.token)).status, 204);
  await ws.next((f) => f.type === 'notification.updated' && f.data.actor.id === a.id);
  assert.equal((await t.current.http.get('/notifications', me.token)).body.unreadCount, 0);
  await sleep(200);
  assert.equal(ws.events('notification.updated').length, 3, 'one event per notification that changed');
  await ws.close();
});

test("you cannot mark other people's notifications; bad bodies are 400", async () => {
  const [me, other, sender] = [await createUser(t.current), await createUser(t.current), await createUser(t.current)];
  await request(sender, other);
  const theirs = (await t.current.http.get('/notifications', other.token)).body.notifications[0];
  assert.equal((await t.current.http.post('/notifications/read', { ids: [theirs.id] }, me.token)).status, 204);
  assert.equal((await t.current.http.get('/notifications', other.token)).body.unreadCount, 1);
  for (const body of [{}, { ids: [] }, { all: false }, { ids: ['x'] }, { ids: [theirs.id], all: true }, 'nope']) {
    const res = await t.current.http.post('/notifications/read', body, me.token);
    assert.equal(res.status, 400, JSON.stringify(body));
  }
  assert.equal((await t.current.http.get('/notifications?cursor=zzz', me.token)).status, 400);
  assert.equal((await t.current.http.get('/notifications?unreadOnly=maybe', me.token)).status, 400);
  assert.equal((await t.current.http.get('/notifications')).status, 401);
});

test('accepting a request notifies the requester', async () => {
  const [alice, bob] = [await createUser(t.current), await createUser(t.current)];
  const id = await request(alice, bob);
  await t.current.http.post(`/friends/requests/${id}/accept`, undefined, bob.token);
  const list = (await t.current.http.get('/notifications', alice.token)).body;
  assert.equal(list.notifications.length, 1);
  assert.equal(list.notifications[0].type, 'friend_accepted');
  assert.equal(list.notifications[0].actor.id, bob.id);
});

test('the message notification is collapsed per conversation, counted, cleared and reused', async () => {
  const [me, peer] = [await createUser(t.current), await createUser(t.current)];
  const { db } = t.current.app.infra.database;
  const conversationId = newId();
  await db.insertInto('conversations').values({ id: conversationId, type: 'direct', updatedAt: new Date() }).execute();
  const users: UsersPort = {
    async getPublicUsers(_viewer, ids, executor = db) {
      const rows = await executor
        .selectFrom('users')
        .select(['id', 'username'])
        .where('id', 'in', [...ids])
        .execute();
      return new Map(rows.map((r) => [r.id, { id: r.id, username: r.username, displayName: null, bio: null, avatar: null }]));
    },
    idsByUsernames: async () => new Map(),
    exists: async () => true,
  };
  const { port } = createNotificationsService({ db, transactor: t.current.app.infra.transactor, users });
  const ws = await WsClient.connect(t.current.url, { token: me.token });
  const bump = (text: string) =>
    t.current.app.infra.transactor((trx, emit) =>
      port.bumpMessageNotification(trx, emit, {
        userId: me.id,
        conversationId,
        actorId: peer.id,
        data: { lastMessage: { text } },
      }),
    );
  await bump('one');
  const created = await ws.event('notification.created');
  assert.equal(created.data.type, 'message');
  assert.equal(created.data.data.count, 1);
  assert.equal(created.data.data.conversationId, conversationId);
  assert.equal(created.data.actor.id, peer.id);
  await bump('two');
  const bumped = await ws.event('notification.updated');
  assert.equal(bumped.data.id, created.data.id);
  assert.equal(bumped.data.data.count, 2);
  assert.equal(bumped.data.data.lastMessage.text, 'two');

  await t.current.app.infra.transactor((trx, emit) => port.clearMessageNotification(trx, emit, me.id, conversationId));
  const cleared = await ws.next((f) => f.type === 'notification.updated' && f.data.read === true);
  assert.equal(cleared.data.data.count, 0);
  await t.current.app.infra.transactor((trx, emit) => port.clearMessageNotification(trx, emit, me.id, conversationId));
  await bump('three');
  const reused = await ws.next((f) => f.type === 'notification.updated' && f.data.data.lastMessage?.text === 'three');
  assert.equal(reused.data.id, created.data.id);
  assert.equal(reused.data.read, false);
  assert.equal(reused.data.data.count, 1);
  await sleep(200);
  assert.equal(ws.events('notification.updated').length, 3, 'the second clear was a no-op');
  const list = (await t.current.http.get('/notifications', me.token)).body;
  assert.equal(list.notifications.length, 1);
  assert.equal(list.unreadCount, 1);
  await ws.close();
});
