import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useTestApp } from '../helpers/app.js';
import { befriend, createUser } from '../helpers/factories.js';
import { eventsOf, insertFile, latest, send } from './support.js';

const t = useTestApp();

async function friends() {
  const alice = await createUser(t.current);
  const bob = await createUser(t.current);
  await befriend(t.current, alice, bob);
  return { alice, bob };
}

test('two friends exchange text, an image and a PDF; events reach both sides', async () => {
  const { alice, bob } = await friends();
  const hello = await send(t.current, alice, { recipientId: bob.id, text: 'hello bob' });
  assert.equal(hello.status, 201);
  assert.equal(hello.body.text, 'hello bob');
  assert.equal(hello.body.senderId, alice.id);
  assert.equal(hello.body.recipientId, bob.id);
  assert.equal(hello.body.groupId, null);
  assert.equal(hello.body.seq, 1);
  assert.equal(hello.body.type, 'text');
  assert.equal(hello.body.status, 'sent');

  const image = await insertFile(t.current, bob, 'cat.png', 'image/png');
  const pdf = await insertFile(t.current, bob, 'notes.pdf', 'application/pdf');
  const files = await send(t.current, bob, { recipientId: alice.id, text: 'look', attachmentIds: [image, pdf] });
  assert.equal(files.status, 201);
  assert.equal(files.body.seq, 2);
  assert.equal(files.body.conversationId, hello.body.conversationId);
  assert.deepEqual(
    files.body.attachments.map((f: any) => [f.id, f.mimeType]),
    [
      [image, 'image/png'],
      [pdf, 'application/pdf'],
    ],
  );
  assert.match(files.body.attachments[0].url, /^http/);

  const aliceCreated = await eventsOf(t.current, alice, 'message.created');
  const bobCreated = await eventsOf(t.current, bob, 'message.created');
  assert.deepEqual(
    aliceCreated.map((e) => e.data.seq),
    [1, 2],
  );
  assert.deepEqual(
    bobCreated.map((e) => e.data.seq),
    [1, 2],
  );
  assert.equal(aliceCreated[0]!.data.status, 'sent', "the sender's copy carries its status");
  assert.equal(bobCreated[0]!.data.status, null, "the recipient's copy has no status");
  assert.equal(bobCreated[1]!.data.attachments.length, 2);

  const history = await t.current.http.get(`/messages/${bob.id}`, alice.token);
  assert.equal(history.status, 200);
  assert.deepEqual(
    history.body.messages.map((m: any) => m.text),
    ['hello bob', 'look'],
  );
  assert.equal(history.body.hasMore, false);
});

test("text or attachments are required; recipientId xor groupId; length limit; other users' files refused", async () => {
  const { alice, bob } = await friends();
  assert.equal((await send(t.current, alice, { recipientId: bob.id })).status, 400);
  assert.equal((await send(t.current, alice, { recipientId: bob.id, text: '   ' })).status, 400);
  assert.equal((await send(t.current, alice, { text: 'x' })).status, 400);
  assert.equal((await send(t.current, alice, { recipientId: bob.id, groupId: bob.id, text: 'x' })).status, 400);
  const long = await send(t.current, alice, { recipientId: bob.id, text: 'x'.repeat(4001) });
  assert.equal(long.status, 400);
  assert.equal(long.body.code, 'validation_failed');
  assert.equal((await send(t.current, alice, { recipientId: bob.id, text: 'x'.repeat(4000) })).status, 201);
  assert.equal((await send(t.current, alice, { recipientId: bob.id, text: 'x', extra: 1 })).status, 400);
  assert.equal((await send(t.current, alice, { recipientId: 'not-an-id', text: 'x' })).status, 400);
  const bobsFile = await insertFile(t.current, bob, 'b.png', 'image/png');
  const stolen = await send(t.current, alice, { recipientId: bob.id, attachmentIds: [bobsFile] });
  assert.equal(stolen.status, 404);
  assert.equal(stolen.body.code, 'not_found');
  assert.equal((await send(t.current, alice, { recipientId: alice.id, text: 'me' })).status, 400);
  const unauth = await t.current.http.post('/messages', { recipientId: bob.id, text: 'x' });
  assert.equal(unauth.status, 401);
});

test('a stranger, a removed friend and a blocked user are refused with not_friends; history stays readable', async () => {
  const { alice, bob } = await friends();
  const stranger = await createUser(t.current);
  const refused = await send(t.current, stranger, { recipientId: alice.id, text: 'hi' });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.code, 'not_friends');
  assert.equal((await send(t.current, alice, { recipientId: '00000000-0000-7000-8000-000000000000', text: 'x' })).status, 404);

  assert.equal((await send(t.current, alice, { recipientId: bob.id, text: 'before' })).status, 201);
  const db = t.current.app.infra.database.db;
  await db.deleteFrom('friendships').where('userId', 'in', [alice.id, bob.id]).execute();
  const afterRemoval = await send(t.current, bob, { recipientId: alice.id, text: 'after' });
  assert.equal(afterRemoval.status, 403);
  assert.equal(afterRemoval.body.code, 'not_friends');
  const history = await t.current.http.get(`/messages/${alice.id}`, bob.token);
  assert.equal(history.status, 200);
  assert.deepEqual(
    history.body.messages.map((m: any) => m.text),
    ['before'],
  );

  const carol = await createUser(t.current);
  await befriend(t.current, alice, carol);
  await db.insertInto('blocks').values({ blockerId: carol.id, blockedId: alice.id }).execute();
  for (const [from, to] of [
    [alice, carol],
    [carol, alice],
  ] as const) {
    const blocked = await send(t.current, from, { recipientId: to.id, text: 'x' });
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.code, 'not_friends');
  }
  assert.equal((await eventsOf(t.current, carol, 'message.created')).length, 0);
});

test('another user cannot read the history, receipts or edit anything', async () => {
  const { alice, bob } = await friends();
  const eve = await createUser(t.current);
  const sent = await send(t.current, alice, { recipientId: bob.id, text: 'secret' });
  const id = sent.body.id;
  const conversationId = sent.body.conversationId;
  const direct = await t.current.http.get(`/messages/${alice.id}`, eve.token);
  assert.equal(direct.status, 200);
  assert.deepEqual(direct.body.messages, [], 'eve has no chat with alice');
  assert.equal((await t.current.http.get(`/messages/${alice.id}?before=${id}`, eve.token)).status, 404);
  assert.equal((await t.current.http.get(`/conversations/${conversationId}/messages`, eve.token)).status, 404);
  assert.equal((await t.current.http.get(`/messages/${id}/receipts`, eve.token)).status, 404);
  assert.equal((await t.current.http.post(`/messages/${id}/read`, undefined, eve.token)).status, 404);
  assert.equal((await t.current.http.patch(`/messages/${id}`, { text: 'x' }, eve.token)).status, 404);
  assert.equal((await t.current.http.delete(`/messages/${id}`, eve.token)).status, 404);
  assert.equal((await t.current.http.put(`/conversations/${conversationId}/settings`, { muted: true }, eve.token)).status, 404);
  assert.equal((await eventsOf(t.current, eve)).length, 0);
  assert.equal((await t.current.http.get('/messages/00000000-0000-7000-8000-000000000000', eve.token)).status, 404);
});

test('idempotent retries return the first message with 200 and write nothing twice', async () => {
  const { alice, bob } = await friends();
  const first = await send(t.current, alice, { recipientId: bob.id, text: 'once', clientMessageId: 'c-1' });
  assert.equal(first.status, 201);
  const before = await latest(t.current, bob);
  const retry = await send(t.current, alice, { recipientId: bob.id, text: 'once', clientMessageId: 'c-1' });
  assert.equal(retry.status, 200);
  assert.equal(retry.body.id, first.body.id);
  assert.equal(retry.body.clientMessageId, 'c-1');
  assert.equal(await latest(t.current, bob), before, 'no event for a retry');
  const concurrent = await Promise.all(
    Array.from({ length: 5 }, () => send(t.current, alice, { recipientId: bob.id, text: 'race', clientMessageId: 'c-2' })),
  );
  assert.deepEqual(concurrent.map((r) => r.status).sort(), [200, 200, 200, 200, 201]);
  assert.equal(new Set(concurrent.map((r) => r.body.id)).size, 1);
  const history = await t.current.http.get(`/messages/${alice.id}`, bob.token);
  assert.deepEqual(
    history.body.messages.map((m: any) => m.text),
    ['once', 'race'],
  );
  assert.deepEqual(
    history.body.messages.map((m: any) => m.seq),
    [1, 2],
  );
});

test('edit and delete: sender only, events to both, tombstones and reply previews', async () => {
  const { alice, bob } = await friends();
  const original = await send(t.current, alice, { recipientId: bob.id, text: 'typo' });
  const reply = await send(t.current, bob, { recipientId: alice.id, text: 'what?', replyToId: original.body.id });
  assert.equal(reply.status, 201);
  assert.deepEqual(reply.body.replyTo, { id: original.body.id, senderId: alice.id, text: 'typo' });

  assert.equal((await t.current.http.patch(`/messages/${original.body.id}`, { text: 'hack' }, bob.token)).status, 403);
  assert.equal((await t.current.http.patch(`/messages/${original.body.id}`, { text: '' }, alice.token)).status, 400);
  const edited = await t.current.http.patch(`/messages/${original.body.id}`, { text: 'fixed' }, alice.token);
  assert.equal(edited.status, 200);
  assert.equal(edited.body.text, 'fixed');
  assert.ok(edited.body.editedAt);
  const updated = await eventsOf(t.current, bob, 'message.updated');
  assert.equal(updated.length, 1);
  assert.equal(updated[0]!.data.text, 'fixed');

  assert.equal((await t.current.http.delete(`/messages/${original.body.id}`, bob.token)).status, 403);
  assert.equal((await t.current.http.delete(`/messages/${original.body.id}`, alice.token)).status, 204);
  const deleted = await eventsOf(t.current, bob, 'message.deleted');
  assert.equal(deleted.length, 1);
  assert.equal(deleted[0]!.data.text, null);
  assert.ok(deleted[0]!.data.deletedAt);
  assert.equal((await t.current.http.patch(`/messages/${original.body.id}`, { text: 'again' }, alice.token)).status, 404);
  assert.equal((await t.current.http.delete(`/messages/${original.body.id}`, alice.token)).status, 404);

  const history = await t.current.http.get(`/messages/${bob.id}`, alice.token);
  const [tomb, answer] = history.body.messages;
  assert.deepEqual([tomb.text, tomb.attachments, tomb.mentions, tomb.replyTo], [null, [], [], null]);
  assert.ok(tomb.deletedAt);
  assert.deepEqual(answer.replyTo, { id: original.body.id, senderId: alice.id, text: null });
});

test('a reply must point to a message of the same conversation', async () => {
  const { alice, bob } = await friends();
  const carol = await createUser(t.current);
  await befriend(t.current, alice, carol);
  const elsewhere = await send(t.current, alice, { recipientId: carol.id, text: 'to carol' });
  const bad = await send(t.current, alice, { recipientId: bob.id, text: 're', replyToId: elsewhere.body.id });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.code, 'validation_failed');
  const unknown = await send(t.current, alice, {
    recipientId: bob.id,
    text: 're',
    replyToId: '00000000-0000-7000-8000-000000000000',
  });
  assert.equal(unknown.status, 400);
});
