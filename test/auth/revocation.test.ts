import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../src/config.js';
import { createMemoryBus } from '../../src/events/bus/memory-bus.js';
import { startTestApp, useTestApp, type TestApp } from '../helpers/app.js';
import { befriend, createUser, type TestUser } from '../helpers/factories.js';
import { WsClient } from '../helpers/ws.js';
import { upload } from '../files/helpers.js';
import { PASSWORD, signedUp, tokenFromText } from './support.js';

const t = useTestApp();

interface Account {
  id: string;
  email: string;
  accessToken: string;
  refreshToken: string;
  sessionId: string;
  groupId: string;
  friendId: string;
}

/** A signed-up account with a group it owns and a friend, so every probe below would succeed. */
async function account(app: TestApp = t.current): Promise<Account> {
  const me = await signedUp(app);
  const friend = await createUser(app);
  await befriend(app, { id: me.id } as TestUser, friend);
  const group = await app.http.post('/groups', { name: 'Revocation', memberIds: [friend.id] }, me.tokens.accessToken);
  assert.equal(group.status, 201, group.text);
  return {
    id: me.id,
    email: me.email,
    accessToken: me.tokens.accessToken,
    refreshToken: me.tokens.refreshToken,
    sessionId: me.tokens.sessionId,
    groupId: group.body.group?.id ?? group.body.id,
    friendId: friend.id,
  };
}

async function login(email: string, password = PASSWORD) {
  const res = await t.current.http.post('/login', { email, password });
  assert.equal(res.status, 200, res.text);
  return res.body as { accessToken: string; refreshToken: string; sessionId: string };
}

/** Profile edit, sending, a group change and an upload: the statuses with this token. */
async function probe(app: TestApp, a: Account, token: string): Promise<number[]> {
  return [
    (await app.http.put('/profile', { bio: 'still here?' }, token)).status,
    (await app.http.post('/messages', { recipientId: a.friendId, text: 'hello' }, token)).status,
    (await app.http.put(`/groups/${a.groupId}`, { description: 'changed' }, token)).status,
    (await upload(app, token, 'plain text', 'note.txt', { type: 'text/plain' })).status,
  ];
}

async function assertRefused(app: TestApp, a: Account, token: string): Promise<void> {
  assert.deepEqual(await probe(app, a, token), [401, 401, 401, 401]);
  const res = await app.http.put('/profile', { bio: 'x' }, token);
  assert.equal(res.body.code, 'session_revoked');
}

test('a live session passes every probe (so the refusals below are about revocation)', async () => {
  const a = await account();
  const statuses = await probe(t.current, a, a.accessToken);
  assert.ok(
    statuses.every((s) => s >= 200 && s < 300),
    `statuses ${statuses.join(', ')}`,
  );
});

describe('after each kind of revocation the old access token is refused everywhere', () => {
  test('POST /logout', async () => {
    const a = await account();
    assert.equal((await t.current.http.post('/logout', { refreshToken: a.refreshToken })).status, 204);
    await assertRefused(t.current, a, a.accessToken);
  });

  test('DELETE /sessions/{id} from another device', async () => {
    const a = await account();
    const other = await login(a.email);
    assert.equal((await t.current.http.delete(`/sessions/${a.sessionId}`, other.accessToken)).status, 204);
    await assertRefused(t.current, a, a.accessToken);
    assert.equal((await t.current.http.put('/profile', { bio: 'other device' }, other.accessToken)).status, 200);
  });

  test('password change (the other sessions)', async () => {
    const a = await account();
    const other = await login(a.email);
    const changed = await t.current.http.put(
      '/profile/password',
      { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' },
      other.accessToken,
    );
    assert.equal(changed.status, 204);
    await assertRefused(t.current, a, a.accessToken);
  });

  test('password reset', async () => {
    const a = await account();
    assert.equal((await t.current.http.post('/password/forgot', { email: a.email })).status, 202);
    const token = await waitFor(() => {
      const mail = t.current.mail.lastTo(a.email);
      return mail?.text.includes('/reset-password?token=') ? tokenFromText(mail.text, 'reset-password') : undefined;
    });
    assert.equal((await t.current.http.post('/password/reset', { token, newPassword: 'a brand new passphrase' })).status, 204);
    await assertRefused(t.current, a, a.accessToken);
  });

  test('refresh-token reuse (both the old and the new access token)', async () => {
    const a = await account();
    const rotated = await t.current.http.post('/token/refresh', { refreshToken: a.refreshToken });
    assert.equal(rotated.status, 200);
    assert.equal((await t.current.http.post('/token/refresh', { refreshToken: a.refreshToken })).body.code, 'session_revoked');
    await assertRefused(t.current, a, a.accessToken);
    await assertRefused(t.current, a, rotated.body.accessToken);
  });

  test('POST /logout/all', async () => {
    const a = await account();
    const other = await login(a.email);
    assert.equal((await t.current.http.post('/logout/all', undefined, other.accessToken)).status, 204);
    await assertRefused(t.current, a, a.accessToken);
    await assertRefused(t.current, a, other.accessToken);
  });

  test('account deletion', async () => {
    const a = await account();
    assert.equal((await t.current.http.delete('/profile', a.accessToken, { password: PASSWORD })).status, 204);
    await assertRefused(t.current, a, a.accessToken);
  });
});

test('WebSocket: a revoked session cannot connect, neither by query token nor by an auth frame', async () => {
  const a = await account();
  const live = await WsClient.connect(t.current.url, { token: a.accessToken });
  assert.equal((await t.current.http.post('/logout', { refreshToken: a.refreshToken })).status, 204);
  assert.equal(await live.waitClose(), 4001, 'the open socket is closed');
  const byFrame = await WsClient.connect(t.current.url, { waitReady: false });
  byFrame.send({ type: 'auth', token: a.accessToken });
  assert.equal(await byFrame.waitClose(), 4001);
  await assert.rejects(WsClient.connect(t.current.url, { token: a.accessToken }).then((c) => c.waitClose()));
});

test('ACCESS_TOKEN_TTL is capped at one hour', () => {
  assert.equal(loadConfig({ NODE_ENV: 'test', ACCESS_TOKEN_TTL: '3600' }).accessTokenTtl, 3600);
  assert.throws(() => loadConfig({ NODE_ENV: 'test', ACCESS_TOKEN_TTL: '86400' }), { message: /^ACCESS_TOKEN_TTL .*3600/ });
});

/** Polls until `get` returns a value (or the deadline passes). */
async function waitFor<T>(get: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await get();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(20);
  }
}

describe('several nodes sharing one database and bus', () => {
  // In embedded mode the nodes share an in-process bus; with REDIS_URL they talk over Redis.
  const bus = process.env.REDIS_URL ? undefined : createMemoryBus();
  const env = { JWT_SECRET: randomBytes(32).toString('hex') };
  const nodes: TestApp[] = [];
  before(async () => {
    nodes.push(await startTestApp({ env, ...(bus ? { bus } : {}) }), await startTestApp({ env, ...(bus ? { bus } : {}) }));
  });
  after(async () => {
    await Promise.all(nodes.map((n) => n.close()));
  });

  test('a revocation on node A is refused on node B within a second; a node started later refuses it too', async () => {
    const [nodeA, nodeB] = nodes as [TestApp, TestApp];
    const a = await account(nodeA);
    const before = await probe(nodeB, a, a.accessToken);
    assert.ok(
      before.every((s) => s >= 200 && s < 300),
      `node B accepts the live token: ${before.join(', ')}`,
    );
    assert.equal((await nodeA.http.post('/logout', { refreshToken: a.refreshToken })).status, 204);
    const refusedAt = await waitFor(async () => {
      const res = await nodeB.http.put('/profile', { bio: 'on node B' }, a.accessToken);
      return res.status === 401 ? Date.now() : undefined;
    }, 1000);
    assert.ok(refusedAt);
    await assertRefused(nodeB, a, a.accessToken);

    // A node that was not running at the time reads the revocation from the database.
    const late = await startTestApp({ env, ...(bus ? { bus: createMemoryBus() } : {}) });
    try {
      await assertRefused(late, a, a.accessToken);
    } finally {
      await late.close();
    }
  });
});
