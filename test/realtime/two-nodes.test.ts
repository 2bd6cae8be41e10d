import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.js';
import { createAccessTokens } from '../../src/lib/access-tokens.js';
import { insertSignedInUser } from '../helpers/factories.js';
import { createClient } from '../helpers/http.js';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';
import { WsClient } from '../helpers/ws.js';

// Two real server processes sharing one PostgreSQL database and one Redis.
const { DATABASE_URL, REDIS_URL } = process.env;
const skip = !DATABASE_URL || !REDIS_URL ? 'needs DATABASE_URL and REDIS_URL (PostgreSQL and Redis shared by two nodes)' : false;

const secret = randomBytes(32).toString('hex');
const tokens = createAccessTokens(secret, 900);
const dbName = `chat_test_${process.pid}_nodes`;
let nodes: ServerProcess[] = [];
let database: Database | undefined;

function databaseUrl(): string {
  const url = new URL(DATABASE_URL!);
  url.pathname = `/${dbName}`;
  return url.toString();
}

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query(query);
  await client.end();
}

before(async () => {
  if (skip) return;
  await admin(`CREATE DATABASE ${dbName}`);
  const env = {
    DATABASE_URL: databaseUrl(),
    REDIS_URL: REDIS_URL!,
    REDIS_PREFIX: `nodes-${process.pid}`,
    JWT_SECRET: secret,
    DATA_DIR: path.join(os.tmpdir(), `chat-nodes-${process.pid}`),
    RATE_LIMITS: 'false',
    PRESENCE_GRACE_SECONDS: '1',
    PRESENCE_NODE_TTL_SECONDS: '3',
    LOG_LEVEL: 'warn',
  };
  nodes.push(await startServerProcess(env)); // the first node migrates the database
  nodes.push(await startServerProcess(env));
  database = await openDatabase({ url: databaseUrl(), pgliteDir: '' });
});

after(async () => {
  await Promise.all(nodes.map((n) => n.stop()));
  nodes = [];
  await database?.close();
  if (!skip) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
});

async function user(): Promise<{ id: string; token: string }> {
  return insertSignedInUser(database!.db, tokens, 'n');
}

test('a friend request made on node A reaches the addressee on node B; presence is right on both', { skip }, async () => {
  const [nodeA, nodeB] = nodes as [ServerProcess, ServerProcess];
  const [httpA, httpB] = [createClient(nodeA.url), createClient(nodeB.url)];
  const [alice, bob] = [await user(), await user()];
  const bobOnB = await WsClient.connect(nodeB.url, { token: bob.token });
  const aliceOnA = await WsClient.connect(nodeA.url, { token: alice.token });

  const sent = await httpA.post('/friends/add', { userId: bob.id }, alice.token);
  assert.equal(sent.status, 201);
  assert.equal((await bobOnB.event('friend.request_received')).data.id, sent.body.request.id);
  assert.equal((await bobOnB.event('notification.created')).data.type, 'friend_request');
  await aliceOnA.event('friend.request_sent');

  assert.equal((await httpB.post(`/friends/requests/${sent.body.request.id}/accept`, undefined, bob.token)).status, 200);
  await aliceOnA.event('friend.request_accepted');
  await bobOnB.event('friend.request_accepted');
  assert.equal(aliceOnA.events()[1]!.seq, 2, 'seqs continue across nodes');

  for (const [http, token, friendId] of [
    [httpA, bob.token, alice.id],
    [httpB, bob.token, alice.id],
    [httpA, alice.token, bob.id],
    [httpB, alice.token, bob.id],
  ] as const) {
    const friend = (await http.get('/friends', token)).body.friends[0].user;
    assert.equal(friend.id, friendId);
    assert.equal(friend.online, true, 'online as seen from either node');
  }

  // Alice's second device on node B keeps her online when the one on node A closes.
  const aliceOnB = await WsClient.connect(nodeB.url, { token: alice.token });
  await aliceOnA.close();
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(bobOnB.frames.filter((f) => f.type === 'presence.updated').length, 0);
  assert.equal((await httpA.get('/friends', bob.token)).body.friends[0].user.online, true);

  await aliceOnB.close();
  const offline = await bobOnB.next((f) => f.type === 'presence.updated' && !f.data.online, { timeoutMs: 5000 });
  assert.equal(offline.data.userId, alice.id);
  for (const http of [httpA, httpB]) {
    const friend = (await http.get('/friends', bob.token)).body.friends[0].user;
    assert.equal(friend.online, false);
    assert.equal(friend.lastSeenAt, offline.data.lastSeenAt);
  }

  // Back on node A: bob, on node B, sees her come online.
  const again = await WsClient.connect(nodeA.url, { token: alice.token, since: 2 });
  const online = await bobOnB.next((f) => f.type === 'presence.updated' && f.data.online);
  assert.equal(online.data.userId, alice.id);
  await Promise.all([again.close(), bobOnB.close()]);
});

test('a client resumes on the other node without gaps', { skip }, async () => {
  const [nodeA, nodeB] = nodes as [ServerProcess, ServerProcess];
  const [alice, bob, carol] = [await user(), await user(), await user()];
  const first = await WsClient.connect(nodeA.url, { token: alice.token });
  await createClient(nodeB.url).post('/friends/add', { userId: alice.id }, bob.token);
  await first.event('friend.request_received');
  const last = first.events().at(-1)!.seq!;
  await first.close();
  await createClient(nodeA.url).post('/friends/add', { userId: alice.id }, carol.token);
  const resumed = await WsClient.connect(nodeB.url, { token: alice.token, since: last });
  const received = await resumed.event('friend.request_received');
  assert.equal(received.seq, last + 1);
  assert.equal(received.data.from.id, carol.id);
  await resumed.close();
});

test('the users of a node that dies without closing its sockets go offline', { skip }, async () => {
  const [nodeA, nodeB] = nodes as [ServerProcess, ServerProcess];
  const [alice, bob] = [await user(), await user()];
  await database!.db
    .insertInto('friendships')
    .values([
      { userId: alice.id, friendId: bob.id },
      { userId: bob.id, friendId: alice.id },
    ])
    .execute();
  const bobOnB = await WsClient.connect(nodeB.url, { token: bob.token });
  const aliceOnA = await WsClient.connect(nodeA.url, { token: alice.token });
  await bobOnB.next((f) => f.type === 'presence.updated' && f.data.userId === alice.id && f.data.online);
  assert.equal((await createClient(nodeB.url).get('/friends', bob.token)).body.friends[0].user.online, true);

  await nodeA.stop('SIGKILL');
  const killedAt = Date.now();
  const offline = await bobOnB.next((f) => f.type === 'presence.updated' && f.data.userId === alice.id && !f.data.online, {
    timeoutMs: 15_000,
  });
  assert.ok(Date.now() - killedAt >= 1000, 'only once the dead node missed its heartbeat');
  assert.ok(offline.data.lastSeenAt);
  assert.equal((await createClient(nodeB.url).get('/friends', bob.token)).body.friends[0].user.online, false);
  assert.notEqual(aliceOnA.closeCode, undefined, "the client saw its node's connection drop");
  await bobOnB.close();
});
