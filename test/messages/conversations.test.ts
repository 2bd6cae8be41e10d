import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser, type TestUser } from '../helpers/factories.js';
import { createGroupRows, eventsOf, send } from './support.js';

const t = useTestApp();

async function notificationsOf(user: TestUser) {
  return t.current.app.infra.database.db
    .selectFrom('notifications')
    .selectAll()
    .where('userId', '=', user.id)
    .orderBy('createdAt')
    .execute();
}

test('the conversation list: most recent first, peers, groups, last message, unread counts, paging', async () => {
  const me = await createUser(t.current);
  const [ann, ben, cat] = [await createUser(t.current), await createUser(t.current), await createUser(t.current)];
  for (const friend of [ann, ben, cat]) await befriend(t.current, me, friend);
  const { groupId, conversationId: groupConversation } = await createGroupRows(t.current, me, [{ user: ann }], 'Book club');

  await send(t.current, ann, { recipientId: me.id, text: 'a1' });
  await send(t.current, ann, { recipientId: me.id, text: 'a2' });
  await send(t.current, me, { recipientId: ben.id, text: 'b1' });
  await send(t.current, cat, { recipientId: me.id, text: 'c1' });
  const deleted = await send(t.current, cat, { recipientId: me.id, text: 'c2' });
  await t.current.http.delete(`/messages/${deleted.body.id}`, cat.token);
  await send(t.current, ann, { groupId, text: 'g1' });

  const list = await t.current.http.get('/conversations', me.token);
  assert.equal(list.status, 200);
  const rows = list.body.conversations;
  assert.deepEqual(
    rows.map((c: any) => c.type),
    ['group', 'direct', 'direct', 'direct'],
  );
  assert.equal(rows[0].id, groupConversation);
  assert.equal(rows[0].group.name, 'Book club');
  assert.equal(rows[0].group.myRole, 'owner');
  assert.equal(rows[0].peer, null);
  assert.equal(rows[0].lastMessage.text, 'g1');
  assert.equal(rows[0].unreadCount, 1);
  assert.deepEqual(
    rows.slice(1).map((c: any) => c.peer.id),
    [cat.id, ben.id, ann.id],
  );
  assert.deepEqual(
    rows.slice(1).map((c: any) => c.unreadCount),
    [1, 0, 2],
    'deleted and own messages are not unread',
  );
  assert.equal(rows[1].lastMessage.deletedAt !== null, true);
  assert.equal(rows[2].lastMessage.status, 'sent');
  assert.equal(list.body.nextCursor, null);

  const first = await t.current.http.get('/conversations?limit=2', me.token);
  assert.equal(first.body.conversations.length, 2);
  assert.ok(first.body.nextCursor);
  // New activity while scrolling moves that chat to the top (the client hears it as an event);
  // the next page neither repeats a row already seen nor skips one that did not move.
  await send(t.current, ann, { recipientId: me.id, text: 'a3' });
  const second = await t.current.http.get(`/conversations?limit=2&cursor=${first.body.nextCursor}`, me.token);
  assert.equal(second.status, 200, second.text);
  assert.deepEqual(
    second.body.conversations.map((c: any) => c.peer.id),
    [ben.id],
  );
  assert.equal(second.body.nextCursor, null);
  const top = await t.current.http.get('/conversations?limit=1', me.token);
  assert.equal(top.body.conversations[0].peer.id, ann.id);
  assert.equal(top.body.conversations[0].unreadCount, 3);
  assert.equal((await t.current.http.get('/conversations?cursor=garbage', me.token)).status, 400);
  assert.equal((await t.current.http.get('/conversations?limit=500', me.token)).status, 400);

  const annChat = rows[3].id;
  assert.equal((await t.current.http.post(`/conversations/${annChat}/read`, undefined, me.token)).status, 204);
  const afterRead = await t.current.http.get('/conversations', me.token);
  assert.equal(afterRead.body.conversations.find((c: any) => c.id === annChat).unreadCount, 0);
  assert.equal((await eventsOf(t.current, me, 'conversation.read')).at(-1)!.data.conversationId, annChat);
  const notes = (await t.current.http.get('/notifications', me.token)).body.notifications;
  assert.equal(
    notes.some((n: any) => n.id === annChat),
    false,
    'a read conversation has no message notification',
  );
  assert.equal(notes.find((n: any) => n.type === 'message' && n.data.conversationId === groupConversation)?.data.count, 1);
});

test('message notifications collapse per conversation; muting stops them but not mentions', async () => {
  const owner = await createUser(t.current);
  const member = await createUser(t.current);
  await befriend(t.current, owner, member);
  const { groupId, conversationId } = await createGroupRows(t.current, owner, [{ user: member }]);

  await send(t.current, owner, { groupId, text: 'one' });
  await send(t.current, owner, { groupId, text: 'two' });
  const messageNotes = async () =>
    (await t.current.http.get('/notifications', member.token)).body.notifications.filter((n: any) => n.type === 'message');
  let notes = await messageNotes();
  assert.equal(notes.length, 1);
  assert.equal(notes[0].data.count, 2);
  assert.equal(notes[0].data.lastMessage.text, 'two');

  const muted = await t.current.http.put(`/conversations/${conversationId}/settings`, { muted: true }, member.token);
  assert.equal(muted.status, 200);
  assert.equal(muted.body.muted, true);
  assert.equal(muted.body.id, conversationId);
  const updated = await eventsOf(t.current, member, 'conversation.updated');
  assert.deepEqual(updated.at(-1)!.data, { conversationId, muted: true });
  assert.equal((await eventsOf(t.current, owner, 'conversation.updated')).length, 0, 'only the muter hears it');
  assert.equal(
    (await t.current.http.put(`/conversations/${conversationId}/settings`, { muted: 'yes' }, member.token)).status,
    400,
  );

  await send(t.current, owner, { groupId, text: 'three' });
  notes = await messageNotes();
  assert.equal(notes.length, 0, 'muted: no message notification');
  await send(t.current, owner, { groupId, text: `hey @${member.username}` });
  const mentions = (await notificationsOf(member)).filter((n) => n.type === 'mention');
  assert.equal(mentions.length, 1, 'mentions notify even when muted');
  const list = await t.current.http.get('/conversations', member.token);
  assert.equal(list.body.conversations.find((c: any) => c.id === conversationId).muted, true);
});
