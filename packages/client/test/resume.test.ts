import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { useTestApp } from '../../../test/helpers/app.js';
import { befriend, createUser } from '../../../test/helpers/factories.js';
import { memoryStorage, type ChatClient } from '../src/index.js';
import { makeClient, record, startProxy } from './support.js';

const t = useTestApp();
const clients: ChatClient[] = [];
after(() => clients.forEach((c) => c.close()));

async function signedIn(baseUrl = t.current.url, storage = memoryStorage()) {
  const user = await createUser(t.current);
  const { client } = makeClient(baseUrl, { storage });
  clients.push(client);
  await client.login({ email: user.email, password: user.password });
  return { user, client, storage };
}

test('a socket cut mid-stream resumes without a gap: each of 50 messages handed once, in order', async () => {
  const proxy = await startProxy(t.current.url);
  after(() => proxy.close());
  const alice = await signedIn();
  const bob = await signedIn(proxy.url);
  await befriend(t.current, alice.user, bob.user);
  await bob.client.connect();

  const events = record(bob.client, 'event');
  const received = record(bob.client, 'message.created');
  const readies = record(bob.client, 'ready');
  const drops = record(bob.client, 'disconnected');
  // Cut the network twice while the stream is flowing.
  bob.client.on('message.created', () => {
    if (received.seen.length === 10 || received.seen.length === 30) proxy.cut();
  });

  const texts = Array.from({ length: 50 }, (_, i) => `message ${i + 1}`);
  for (const text of texts) alice.client.send({ recipientId: bob.user.id, text });
  await received.until((seen) => seen.length >= 50, 60_000);
  // A later event that must come after any stray duplicate: one more message.
  alice.client.send({ recipientId: bob.user.id, text: 'last' });
  await received.until((seen) => seen.some(([m]) => m.text === 'last'), 30_000);

  assert.deepEqual(
    received.seen.map(([m]) => m.text),
    [...texts, 'last'],
  );
  const seqs = events.seen.map(([e]) => e.seq);
  for (let i = 1; i < seqs.length; i++) assert.equal(seqs[i], seqs[i - 1]! + 1, `seq ${seqs[i]} after ${seqs[i - 1]}`);
  assert.ok(drops.seen.length >= 2, `the cuts were seen (${drops.seen.length})`);
  assert.ok(
    drops.seen.every(([d]) => d.willReconnect),
    'reconnects after each cut',
  );
  assert.ok(readies.seen.length >= 2);
});

test('a new client on the same storage (a reload) resumes after the last event handed, once', async () => {
  const alice = await signedIn();
  const bob = await signedIn();
  await befriend(t.current, alice.user, bob.user);
  await bob.client.connect();
  const first = record(bob.client, 'message.created');
  await alice.client.outbox.settled(alice.client.send({ recipientId: bob.user.id, text: 'before' }).clientMessageId);
  await first.until((seen) => seen.length === 1);
  bob.client.close();

  for (const text of ['missed 1', 'missed 2', 'missed 3']) {
    await alice.client.outbox.settled(alice.client.send({ recipientId: bob.user.id, text }).clientMessageId);
  }

  const { client: reloaded } = makeClient(t.current.url, { storage: bob.storage });
  clients.push(reloaded);
  assert.equal(await reloaded.restore(), true);
  assert.equal(reloaded.user?.id, bob.user.id);
  const replayed = record(reloaded, 'message.created');
  await reloaded.connect();
  await alice.client.outbox.settled(alice.client.send({ recipientId: bob.user.id, text: 'live' }).clientMessageId);
  await replayed.until((seen) => seen.some(([m]) => m.text === 'live'));
  assert.deepEqual(
    replayed.seen.map(([m]) => m.text),
    ['missed 1', 'missed 2', 'missed 3', 'live'],
  );
});

test('a seq the server cannot replay surfaces resync_required, then live events continue', async () => {
  const alice = await signedIn();
  const bob = await signedIn();
  await befriend(t.current, alice.user, bob.user);
  // A seq from the future (e.g. a database restored from a backup): the server cannot serve it.
  await bob.storage.set(`seq:${bob.user.id}`, '999999');
  const resync = record(bob.client, 'resync_required');
  const live = record(bob.client, 'message.created');
  await bob.client.connect();
  await resync.until((seen) => seen.length === 1);
  alice.client.send({ recipientId: bob.user.id, text: 'after resync' });
  await live.until((seen) => seen.length === 1);
  assert.equal(live.seen[0]![0].text, 'after resync');
});
