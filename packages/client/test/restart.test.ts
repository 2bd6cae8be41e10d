import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { freePort, startServerProcess, type ServerProcess } from '../../../test/helpers/process.js';
import type { ChatClient } from '../src/index.js';
import { makeClient, record } from './support.js';

const clients: ChatClient[] = [];
let server: ServerProcess | undefined;
let dataDir = '';
after(async () => {
  clients.forEach((c) => c.close());
  await server?.stop('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function signUp(baseUrl: string, name: string) {
  const { client, http } = makeClient(baseUrl);
  clients.push(client);
  const username = `${name}_${Math.random().toString(36).slice(2, 8)}`;
  const email = `${username}@example.test`;
  const password = 'correct horse battery';
  await client.post('/signup', { body: { username, email, password } });
  await client.login({ email, password });
  return { client, http, username, id: client.user!.id };
}

test(
  'the server restarts while messages wait in the outbox: each arrives exactly once, in order',
  { timeout: 300_000 },
  async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'chat-client-restart-'));
    const env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      REQUIRE_EMAIL_VERIFICATION: 'false',
      RATE_LIMITS: 'false',
      LOG_LEVEL: 'warn',
    };
    server = await startServerProcess(env);
    const alice = await signUp(server.url, 'alice');
    const bob = await signUp(server.url, 'bob');
    const request = await alice.client.post('/friends/add', { body: { username: bob.username } });
    assert.ok('request' in request);
    await bob.client.post('/friends/requests/{requestId}/accept', { params: { path: { requestId: request.request.id } } });
    await bob.client.connect();
    const received = record(bob.client, 'message.created');
    const sent = record(alice.client, 'outbox.sent');
    const failed = record(alice.client, 'outbox.failed');

    // The answer to the third message is lost after the server stored it: the retry must not duplicate it.
    let posts = 0;
    alice.http.after = (req) => {
      if (req.method === 'POST' && new URL(req.url).pathname === '/messages' && ++posts === 3)
        throw new TypeError('fetch failed');
    };

    const texts = Array.from({ length: 25 }, (_, i) => `message ${i + 1}`);
    for (const text of texts.slice(0, 20)) alice.client.send({ recipientId: bob.id, text });
    await sent.until((seen) => seen.length >= 5, 60_000);
    await server.stop('SIGTERM');
    assert.ok(alice.client.outbox.pending.length > 0, 'messages were still queued when the server went down');
    for (const text of texts.slice(20)) alice.client.send({ recipientId: bob.id, text });
    assert.ok(alice.client.outbox.pending.length >= 5);

    server = await startServerProcess(env);
    await sent.until((seen) => seen.length === 25, 120_000);
    assert.equal(alice.client.outbox.pending.length, 0);
    assert.deepEqual(failed.seen, []);

    const history = await bob.client.get('/messages/{id}', { params: { path: { id: alice.id }, query: { limit: 100 } } });
    assert.deepEqual(
      history.messages.map((m) => m.text),
      texts,
    );
    assert.equal(new Set(history.messages.map((m) => m.clientMessageId)).size, 25);
    // Bob's socket was closed with 1012, reconnected and resumed: every message exactly once.
    // One more message that must come after any stray duplicate.
    alice.client.send({ recipientId: bob.id, text: 'last' });
    await received.until((seen) => seen.some(([m]) => m.text === 'last'), 60_000);
    // Bob may hear of it before Alice's client has read its answer: count the requests once it has.
    await sent.until((seen) => seen.length === 26, 60_000);
    assert.deepEqual(
      received.seen.map(([m]) => m.text),
      [...texts, 'last'],
    );
    assert.ok(posts > 26, `some sends were retried (${posts} requests)`);
  },
);
