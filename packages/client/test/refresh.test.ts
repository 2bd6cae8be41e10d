import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, test } from 'node:test';
import { useTestApp } from '../../../test/helpers/app.js';
import { befriend, createUser } from '../../../test/helpers/factories.js';
import { ApiError, type ChatClient, type User } from '../src/index.js';
import { makeClient, record } from './support.js';

// The shortest lifetime the server accepts; the tests wait for tokens to run out.
const t = useTestApp({ env: { ACCESS_TOKEN_TTL: '10' } });
const clients: ChatClient[] = [];
after(() => clients.forEach((c) => c.close()));

async function signedIn(onSignedOut?: (reason: ApiError) => void) {
  const user = await createUser(t.current);
  const { client, http } = makeClient(t.current.url, onSignedOut ? { onSignedOut } : {});
  clients.push(client);
  await client.login({ email: user.email, password: user.password });
  return { user, client, http };
}

async function untilExpired(client: ChatClient): Promise<void> {
  await sleep(client.session!.expiresAt - Date.now() + 500);
}

// The waits for expiry overlap.
describe('access tokens', { concurrency: true }, () => {
  test('an expired access token is refreshed once during a burst of calls, and every call succeeds', async () => {
    const { client, http } = await signedIn();
    const before = client.session!.accessToken;
    await untilExpired(client);
    const profile = client.get('/profile');
    const calls = [
      profile,
      ...Array.from({ length: 9 }, () => client.get('/profile')),
      ...Array.from({ length: 5 }, () => client.get('/conversations', { params: { query: { limit: 5 } } })),
      ...Array.from({ length: 5 }, () => client.get('/friends')),
    ];
    const results = await Promise.allSettled(calls);
    assert.deepEqual(
      results.filter((r) => r.status === 'rejected'),
      [],
    );
    assert.equal(http.count('POST /token/refresh'), 1);
    assert.notEqual(client.session!.accessToken, before);
    // The answers are typed from the OpenAPI document.
    const user: User = await profile;
    assert.equal(user.id, client.user!.id);
  });

  test('an open socket swaps in a fresh token before expiry and stays connected', async () => {
    const alice = await signedIn();
    const bob = await signedIn();
    await befriend(t.current, alice.user, bob.user);
    const readies = record(bob.client, 'ready');
    const drops = record(bob.client, 'disconnected');
    const received = record(bob.client, 'message.created');
    await bob.client.connect();
    await untilExpired(bob.client);
    await sleep(1000);
    alice.client.send({ recipientId: bob.user.id, text: 'still there?' });
    await received.until((seen) => seen.length === 1);
    assert.deepEqual(
      drops.seen.map(([d]) => d.code),
      [],
      'one connection throughout',
    );
    assert.equal(readies.seen.length, 1);
    assert.ok(bob.http.count('POST /token/refresh') >= 1);
  });

  test('a refused refresh signs the client out through the callback', async () => {
    const signedOut: ApiError[] = [];
    const { user, client, http } = await signedIn((reason) => signedOut.push(reason));
    const drops = record(client, 'disconnected');
    await client.connect();
    // Another device revokes this session: the socket closes with 4001, the refresh is refused.
    const other = await t.current.http.delete(`/sessions/${client.session!.sessionId}`, user.token);
    assert.equal(other.status, 204);
    await drops.until((seen) => seen.some(([d]) => !d.willReconnect));
    assert.equal(signedOut.length, 1);
    assert.equal(signedOut[0]!.status, 401);
    assert.equal(client.session, undefined);
    assert.equal(http.count('POST /token/refresh'), 1);
    await assert.rejects(client.connect(), (error: unknown) => error instanceof ApiError && error.status === 401);
  });
});
