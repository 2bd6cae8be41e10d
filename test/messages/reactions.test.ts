import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { WsClient } from '../helpers/ws.js';
import { createGroupRows, eventsOf, send } from './support.js';

const t = useTestApp();

const path = (messageId: string, emoji: string) => `/messages/${messageId}/reactions/${encodeURIComponent(emoji)}`;

async function trio() {
  const owner = await createUser(t.current);
  const ann = await createUser(t.current);
  const ben = await createUser(t.current);
  const outsider = await createUser(t.current);
  for (const u of [ann, ben]) await befriend(t.current, owner, u);
  const group = await createGroupRows(t.current, owner, [{ user: ann }, { user: ben }]);
  const sent = await send(t.current, owner, { groupId: group.groupId, text: 'lunch?' });
  assert.equal(sent.status, 201);
  return { owner, ann, ben, outsider, ...group, messageId: sent.body.id as string };
}

test('emoji keys: skin tones, ZWJ sequences, flags, keycaps and shortcodes pass; anything else is a 400', async () => {
  const { owner, messageId } = await trio();
  const good = ['👍', '👍🏽', '👩‍👩‍👧‍👦', '🧑🏽‍🚀', '🇫🇷', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '1️⃣', '❤️', ':party_parrot:', ':+1:'];
  for (const emoji of good) {
    const res = await t.current.http.put(path(messageId, emoji), undefined, owner.token);
    assert.equal(res.status, 204, `${emoji} is a reaction`);
  }
  const bad = ['a', 'ok', '👍👍', '1', '🇫', 'e\u0301', ':Upper:', '::', ':' + 'x'.repeat(33) + ':', '👍 ', 'x👍', '<b>'];
  for (const emoji of bad) {
    const res = await t.current.http.put(path(messageId, emoji), undefined, owner.token);
    assert.equal(res.status, 400, `${JSON.stringify(emoji)} is refused`);
    assert.equal(res.body.code, 'validation_failed');
  }
  const page = await t.current.http.get(`/messages/${messageId}/reactions/${encodeURIComponent('👍🏽')}`, owner.token);
  assert.equal(page.status, 200);
  assert.deepEqual(
    page.body.users.map((u: any) => u.id),
    [owner.id],
  );
});

test('counts with several users, `me` per viewer, order of first use, idempotent PUT and DELETE', async () => {
  const { owner, ann, ben, conversationId, messageId } = await trio();
  for (const [user, emoji] of [
    [ann, '🎉'],
    [ben, '👍'],
    [owner, '👍'],
    [ann, '👍'],
    [ann, '👍'],
  ] as const) {
    assert.equal((await t.current.http.put(path(messageId, emoji), undefined, user.token)).status, 204);
  }
  const reactionsAs = async (user: typeof owner) => {
    const res = await t.current.http.get(`/conversations/${conversationId}/messages`, user.token);
    assert.equal(res.status, 200);
    return res.body.messages.find((m: any) => m.id === messageId).reactions;
  };
  assert.deepEqual(await reactionsAs(ann), [
    { emoji: '🎉', count: 1, me: true },
    { emoji: '👍', count: 3, me: true },
  ]);
  assert.deepEqual(await reactionsAs(owner), [
    { emoji: '🎉', count: 1, me: false },
    { emoji: '👍', count: 3, me: true },
  ]);

  const who = await t.current.http.get(`${path(messageId, '👍')}?limit=2`, ann.token);
  assert.equal(who.status, 200);
  assert.deepEqual(
    who.body.users.map((u: any) => u.id),
    [ben.id, owner.id],
    'earliest first',
  );
  const rest = await t.current.http.get(`${path(messageId, '👍')}?limit=2&cursor=${who.body.nextCursor}`, ann.token);
  assert.deepEqual(
    rest.body.users.map((u: any) => u.id),
    [ann.id],
  );
  assert.equal(rest.body.nextCursor, null);

  for (let i = 0; i < 2; i += 1) assert.equal((await t.current.http.delete(path(messageId, '🎉'), ann.token)).status, 204);
  assert.equal((await t.current.http.delete(path(messageId, '🎉'), ben.token)).status, 204, 'nothing to take back');
  assert.deepEqual(await reactionsAs(ben), [{ emoji: '👍', count: 3, me: true }]);
});

test('message.reaction reaches every member once per change, with the new count', async () => {
  const { owner, ann, ben, conversationId, messageId } = await trio();
  const benWs = await WsClient.connect(t.current.url, { token: ben.token });
  try {
    await t.current.http.put(path(messageId, ':wave:'), undefined, ann.token);
    await t.current.http.put(path(messageId, ':wave:'), undefined, ann.token);
    await t.current.http.put(path(messageId, ':wave:'), undefined, owner.token);
    await t.current.http.delete(path(messageId, ':wave:'), ann.token);
    const last = await benWs.event('message.reaction', (d) => d.action === 'removed');
    assert.deepEqual(last.data, { conversationId, messageId, emoji: ':wave:', userId: ann.id, action: 'removed', count: 1 });
    const seen = benWs.events('message.reaction').map((f) => [f.data.userId, f.data.action, f.data.count]);
    assert.deepEqual(seen, [
      [ann.id, 'added', 1],
      [owner.id, 'added', 2],
      [ann.id, 'removed', 1],
    ]);
  } finally {
    await benWs.close();
  }
  for (const u of [owner, ann]) assert.equal((await eventsOf(t.current, u, 'message.reaction')).length, 3);
});

test('members only, 20 distinct emojis, not on system or deleted messages; a deleted message loses its reactions', async () => {
  const { owner, ann, outsider, groupId, conversationId, messageId } = await trio();
  assert.equal((await t.current.http.put(path(messageId, '👍'), undefined, outsider.token)).status, 404);
  assert.equal((await t.current.http.get(path(messageId, '👍'), outsider.token)).status, 404);
  assert.equal((await t.current.http.put(path('0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b', '👍'), undefined, ann.token)).status, 404);

  const emojis = [...'😀😁😂🤣😃😄😅😆😉😊😋😎😍😘🥰😗😙😚🙂🤗'];
  assert.equal(emojis.length, 20);
  for (const emoji of emojis) assert.equal((await t.current.http.put(path(messageId, emoji), undefined, ann.token)).status, 204);
  const full = await t.current.http.put(path(messageId, '🤔'), undefined, owner.token);
  assert.equal(full.status, 409);
  assert.equal(full.body.code, 'too_many_reactions');
  assert.equal((await t.current.http.put(path(messageId, '😀'), undefined, owner.token)).status, 204, 'an emoji already there');

  const db = t.current.app.infra.database.db;
  const dora = await createUser(t.current);
  await befriend(t.current, owner, dora);
  assert.equal((await t.current.http.post(`/groups/${groupId}/add`, { userId: dora.id }, owner.token)).status, 200);
  const system = await db
    .selectFrom('messages')
    .select('id')
    .where('conversationId', '=', conversationId)
    .where('type', '=', 'system')
    .executeTakeFirstOrThrow();
  const onSystem = await t.current.http.put(path(system.id, '👍'), undefined, ann.token);
  assert.equal(onSystem.status, 400);

  assert.equal((await t.current.http.delete(`/messages/${messageId}`, owner.token)).status, 204);
  const history = await t.current.http.get(`/conversations/${conversationId}/messages`, ann.token);
  assert.deepEqual(history.body.messages.find((m: any) => m.id === messageId).reactions, []);
  assert.equal((await t.current.http.put(path(messageId, '👍'), undefined, ann.token)).status, 400);
  const who = await t.current.http.get(path(messageId, '😀'), ann.token);
  assert.deepEqual(who.body.users, []);
  const left = await db.selectFrom('messageReactions').select('userId').where('messageId', '=', messageId).execute();
  assert.equal(left.length, 0);
});

test('reactions work in direct chats; the sender sees `me` in history', async () => {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  await befriend(t.current, alice, bob);
  const sent = await send(t.current, alice, { recipientId: bob.id, text: 'hi' });
  assert.equal((await t.current.http.put(path(sent.body.id, '👋'), undefined, bob.token)).status, 204);
  const asAlice = await t.current.http.get(`/messages/${bob.id}`, alice.token);
  assert.deepEqual(asAlice.body.messages[0].reactions, [{ emoji: '👋', count: 1, me: false }]);
  const asBob = await t.current.http.get(`/messages/${alice.id}`, bob.token);
  assert.deepEqual(asBob.body.messages[0].reactions, [{ emoji: '👋', count: 1, me: true }]);
  assert.equal(asBob.body.messages[0].pinnedAt, null);
});
