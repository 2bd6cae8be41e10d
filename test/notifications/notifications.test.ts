import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser, type TestUser } from '../helpers/factories.js';
import { createGroupRows, send } from '../messages/support.js';
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
  const marked = await ws.event('notification.read');
  assert.deepEqual(marked.data, { ids: [newest.id] });
  const unread = await t.current.http.get('/notifications?unreadOnly=true', me.token);
  assert.equal(unread.body.unreadCount, 2);
  assert.deepEqual(
    unread.body.notifications.map((n: any) => n.actor.id),
    [b.id, a.id],
  );
  const order = await t.current.http.get('/notifications', me.token);
  assert.equal(order.body.notifications[0].id, newest.id, 'reading does not reorder the list');

  assert.equal((await t.current.http.post('/notifications/read', { all: true }, me.token)).status, 204);
  await ws.next((f) => f.type === 'notification.read' && f.data.all === true);
  assert.equal((await t.current.http.get('/notifications', me.token)).body.unreadCount, 0);
  // Nothing left to mark: no event. A later friend request's notification proves none came before it.
  assert.equal((await t.current.http.post('/notifications/read', { all: true }, me.token)).status, 204);
  const late = await createUser(t.current);
  await request(late, me);
  await ws.event('notification.created', (n) => n.actor.id === late.id);
  assert.equal(ws.events('notification.read').length, 2, 'one event per call that changed something');
  assert.equal(ws.events('notification.updated').length, 0);
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

test('the message notification is derived per conversation: counted, read on its own, cleared by reading the chat', async () => {
  const [me, peer, other] = [await createUser(t.current), await createUser(t.current), await createUser(t.current)];
  await befriend(t.current, me, peer);
  const ws = await WsClient.connect(t.current.url, { token: me.token });
  const one = await send(t.current, peer, { recipientId: me.id, text: 'one' });
  await send(t.current, peer, { recipientId: me.id, text: 'two' });
  const conversationId = one.body.conversationId as string;
  await ws.event('message.created', (m) => m.text === 'two');

  const messageNotes = async (query = '') => {
    const list = (await t.current.http.get(`/notifications${query}`, me.token)).body;
    return { list, notes: list.notifications.filter((n: any) => n.type === 'message') };
  };
  let { list, notes } = await messageNotes();
  assert.equal(notes.length, 1, 'one per conversation');
  const note = notes[0];
  assert.equal(note.id, conversationId, 'its id is the conversation');
  assert.equal(note.read, false);
  assert.equal(note.actor.id, peer.id);
  assert.equal(note.data.conversationId, conversationId);
  assert.equal(note.data.groupId, null);
  assert.equal(note.data.count, 2);
  assert.equal(note.data.lastMessage.text, 'two');
  assert.equal(note.data.lastMessage.senderId, peer.id);
  assert.equal(list.unreadCount, 1);

  // Marking it read leaves the conversation unread; a newer message makes it unread again.
  assert.equal((await t.current.http.post('/notifications/read', { ids: [conversationId] }, me.token)).status, 204);
  assert.deepEqual((await ws.event('notification.read')).data, { ids: [conversationId] });
  ({ list, notes } = await messageNotes());
  assert.equal(notes[0].read, true);
  assert.equal(notes[0].data.count, 2);
  assert.equal(list.unreadCount, 0);
  assert.equal((await messageNotes('?unreadOnly=true')).notes.length, 0);
  const chats = (await t.current.http.get('/conversations', me.token)).body.conversations;
  assert.equal(chats.find((c: any) => c.id === conversationId).unreadCount, 2, 'the conversation is still unread');

  // A stored notification after it sorts above it; newer messages put it back on top, unread.
  await request(other, me);
  await send(t.current, peer, { recipientId: me.id, text: 'three' });
  await ws.event('message.created', (m) => m.text === 'three');
  ({ list, notes } = await messageNotes('?unreadOnly=true'));
  assert.deepEqual(
    list.notifications.map((n: any) => n.type),
    ['message', 'friend_request'],
  );
  assert.equal(notes[0].data.count, 3);
  assert.equal(notes[0].read, false);
  assert.equal(list.unreadCount, 2);
  const first = await t.current.http.get('/notifications?limit=1', me.token);
  assert.equal(first.body.notifications[0].id, conversationId);
  const second = await t.current.http.get(`/notifications?limit=1&cursor=${first.body.nextCursor}`, me.token);
  assert.equal(second.body.notifications[0].type, 'friend_request', 'the cursor runs across both kinds');
  assert.equal(second.body.nextCursor, null);

  // Reading the conversation (or answering in it) makes it go away.
  assert.equal((await t.current.http.post(`/conversations/${conversationId}/read`, undefined, me.token)).status, 204);
  ({ list, notes } = await messageNotes());
  assert.equal(notes.length, 0);
  assert.equal(list.unreadCount, 1);
  await send(t.current, peer, { recipientId: me.id, text: 'four' });
  assert.equal((await messageNotes()).notes[0].data.count, 1);
  await send(t.current, me, { recipientId: peer.id, text: 'reply' });
  assert.equal((await messageNotes()).notes.length, 0);

  // No notification event was pushed for any message: the friend request's is the only one.
  await ws.event('message.created', (m) => m.text === 'reply');
  assert.deepEqual(
    ws
      .events()
      .filter((f) => f.type.startsWith('notification.') && f.type !== 'notification.read')
      .map((f) => f.data.type),
    ['friend_request'],
  );
  assert.equal(ws.events('notification.read').length, 1);
  await ws.close();
});

test('group message notifications: one per group, none while muted, mentions stored and pushed', async () => {
  const [owner, member] = [await createUser(t.current), await createUser(t.current)];
  await befriend(t.current, owner, member);
  const { groupId, conversationId } = await createGroupRows(t.current, owner, [{ user: member }]);
  await send(t.current, owner, { groupId, text: 'one' });
  await send(t.current, owner, { groupId, text: 'two' });
  const notes = async () => (await t.current.http.get('/notifications', member.token)).body.notifications;
  const [note] = await notes();
  assert.equal(note.type, 'message');
  assert.equal(note.data.groupId, groupId);
  assert.equal(note.data.count, 2);

  await t.current.http.put(`/conversations/${conversationId}/settings`, { muted: true }, member.token);
  await send(t.current, owner, { groupId, text: `hey @${member.username}` });
  const muted = await notes();
  assert.deepEqual(
    muted.map((n: any) => n.type),
    ['mention'],
    'muted: no message notification, mentions still',
  );
  assert.equal(muted[0].data.messageId !== undefined, true);
  await t.current.http.put(`/conversations/${conversationId}/settings`, { muted: false }, member.token);
  const unmuted = await notes();
  assert.equal(unmuted.find((n: any) => n.type === 'message').data.count, 3);
  const ownerNotes = await t.current.http.get('/notifications', owner.token);
  assert.equal(ownerNotes.body.notifications.length, 0, 'own messages notify nobody of themselves');
});
