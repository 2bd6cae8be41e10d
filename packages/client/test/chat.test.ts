import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { useTestApp } from '../../../test/helpers/app.js';
import { befriend, createUser } from '../../../test/helpers/factories.js';
import { ApiError, type ChatClient, type Message } from '../src/index.js';
import { makeClient, record } from './support.js';

const t = useTestApp();
const clients: ChatClient[] = [];
after(() => clients.forEach((c) => c.close()));

async function signedIn() {
  const user = await createUser(t.current);
  const { client, http } = makeClient(t.current.url);
  clients.push(client);
  await client.login({ email: user.email, password: user.password });
  return { user, client, http };
}

test('two clients chat live: optimistic copy at once, delivery to the peer, receipts from its acks', async () => {
  const alice = await signedIn();
  const bob = await signedIn();
  await befriend(t.current, alice.user, bob.user);
  const aliceReady = await alice.client.connect();
  await bob.client.connect();
  assert.equal(aliceReady.user.id, alice.user.id);

  const bobGets = record(bob.client, 'message.created');
  const aliceGets = record(alice.client, 'message.created');
  const delivered = record(alice.client, 'message.delivered');
  const sent = record(alice.client, 'outbox.sent');

  const local = alice.client.send({ recipientId: bob.user.id, text: 'hi bob' });
  assert.equal(local.status, 'pending');
  assert.equal(local.id, `local:${local.clientMessageId}`);
  assert.equal(local.text, 'hi bob');
  assert.equal(alice.client.outbox.pending.length, 1);

  await bobGets.until((seen) => seen.length === 1);
  const [message, meta] = bobGets.seen[0]!;
  assert.equal(message.text, 'hi bob');
  assert.equal(message.senderId, alice.user.id);
  assert.equal(message.clientMessageId, local.clientMessageId);
  assert.ok(meta.seq > 0);

  await sent.until((seen) => seen.length === 1);
  assert.equal(sent.seen[0]![1].id, message.id);
  assert.equal(alice.client.outbox.pending.length, 0);
  // The sender's own devices get the event too; it carries the clientMessageId to match the copy.
  await aliceGets.until((seen) => seen.some(([m]) => m.clientMessageId === local.clientMessageId));

  // Bob's client acks what it handed over: the server tells Alice it was delivered.
  await delivered.until((seen) => seen.some(([d]) => d.userId === bob.user.id && d.upToSeq >= message.seq));

  const reply: Message = await bob.client.outbox.settled(
    bob.client.send({ recipientId: alice.user.id, text: 'hi alice' }).clientMessageId,
  );
  await aliceGets.until((seen) => seen.some(([m]) => m.id === reply.id));

  // REST through the generated types: history with the peer.
  const history = await alice.client.get('/messages/{id}', { params: { path: { id: bob.user.id } } });
  assert.deepEqual(
    history.messages.map((m) => m.text),
    ['hi bob', 'hi alice'],
  );
});

test('errors are ApiErrors carrying the problem code, status and field errors', async () => {
  const alice = await signedIn();
  const stranger = await createUser(t.current);
  await assert.rejects(
    alice.client.post('/messages', { body: { recipientId: stranger.id, text: 'hello?' } }),
    (error: unknown) => error instanceof ApiError && error.status === 403 && error.code === 'not_friends',
  );
  await assert.rejects(
    alice.client.post('/messages', { body: { recipientId: 'not-a-uuid', text: 'x' } }),
    (error: unknown) =>
      error instanceof ApiError && error.status === 400 && error.code === 'validation_failed' && error.errors.length > 0,
  );
  const { client } = makeClient(t.current.url);
  clients.push(client);
  await assert.rejects(
    client.login({ email: alice.user.email, password: 'wrong password' }),
    (error: unknown) => error instanceof ApiError && error.status === 401 && error.code === 'invalid_credentials',
  );
});

test('a refused send is reported and kept (failed) until retried or discarded; later sends go on', async () => {
  const alice = await signedIn();
  const friend = await createUser(t.current);
  const stranger = await createUser(t.current);
  await befriend(t.current, alice.user, friend);
  const failed = record(alice.client, 'outbox.failed');

  const refused = alice.client.send({ recipientId: stranger.id, text: 'let me in' });
  const settled = assert.rejects(
    alice.client.outbox.settled(refused.clientMessageId),
    (error: unknown) => error instanceof ApiError && error.code === 'not_friends',
  );
  const fine = await alice.client.outbox.settled(alice.client.send({ recipientId: friend.id, text: 'fine' }).clientMessageId);
  assert.equal(fine.text, 'fine');
  await settled;

  await failed.until((seen) => seen.length === 1);
  assert.equal(failed.seen[0]![1].code, 'not_friends');
  const kept = alice.client.outbox.pending;
  assert.equal(kept.length, 1);
  assert.equal(kept[0]!.status, 'failed');
  assert.equal(kept[0]!.error?.code, 'not_friends');

  // Once they are friends the same message goes through, with the same clientMessageId.
  await befriend(t.current, alice.user, stranger);
  alice.client.outbox.retry(refused.clientMessageId);
  assert.equal((await alice.client.outbox.settled(refused.clientMessageId)).clientMessageId, refused.clientMessageId);
  assert.equal(alice.client.outbox.pending.length, 0);

  alice.client.send({ recipientId: crypto.randomUUID(), text: 'nobody' });
  await failed.until((seen) => seen.length === 2);
  alice.client.outbox.discard(failed.seen[1]![0].clientMessageId);
  assert.equal(alice.client.outbox.pending.length, 0);
});
